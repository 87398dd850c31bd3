import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { BUCKETS, classify, countMembers } from '../../shared/domain/urgency';
import type { CertStatus, ChinaDate } from '../../shared/domain/types';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

const STATUSES: CertStatus[] = ['notUploaded', 'pending', 'uncertified', 'rejected', 'certified', 'unknown'];
const BRANCHES = ['a-1', 'a-2', 'b-1', 'college-a', 'school'];

/** Members around today's boundaries: every bucket edge (−1, 0, 3, 4, 7, 8 days left) is likely. */
const memberArb = fc.record({
  org: fc.constantFrom(...BRANCHES),
  // The worker takes no date after tomorrow (shared/domain/sentDate.ts): neither may the data.
  joinedOffset: fc.oneof(fc.integer({ min: -45, max: 1 }), fc.constantFrom(-31, -30, -27, -26, -23, -22)),
  approvedGap: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  status: fc.constantFrom(...STATUSES),
  before2020: fc.boolean(),
});

const notAfterTomorrow = (d: ChinaDate): ChinaDate => {
  const tomorrow = addDays(chinaToday(), 1);
  return d > tomorrow ? tomorrow : d;
};

describe('GET /v1/reminders', () => {
  it('counts exactly as the shared countMembers, for the subtree and per organisation (random data)', async () => {
    const today = chinaToday();
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 60 }), async (ms) => {
        const team = await bootstrap({ orgs: SCHOOL_TREE });
        const members = ms.map((m, i) => {
          const joinedOn = (
            m.before2020 ? addDays('2019-12-20' as ChinaDate, m.joinedOffset) : addDays(today, m.joinedOffset)
          ) as ChinaDate;
          const approvedOn =
            m.approvedGap === undefined ? undefined : notAfterTomorrow(addDays(joinedOn, m.approvedGap));
          return { ...m, hostId: `r${i}`, joinedOn, approvedOn };
        });
        await syncOk(
          team.token,
          members.map((m) =>
            observation({
              org: { id: m.org },
              hostId: m.hostId,
              joinedOn: m.joinedOn,
              approvedOn: m.approvedOn ?? null,
              status: m.status,
            }),
          ),
        );
        const r = await api('/reminders/school', { token: team.token });
        expect(r.status).toBe(200);
        expect(r.body.today).toBe(today);
        expect(r.body.counters).toEqual(countMembers(members, today));
        for (const o of r.body.orgs) {
          expect(o.own ?? o.subtree).toEqual(
            countMembers(
              members.filter((m) => m.org === o.id),
              today,
            ),
          );
        }
        const collegeA = r.body.orgs.find((o: { id: string }) => o.id === 'college-a');
        expect(collegeA.subtree).toEqual(
          countMembers(
            members.filter((m) => ['college-a', 'a-1', 'a-2'].includes(m.org)),
            today,
          ),
        );
        // Then some of them change (status, approval date): the counts follow every write.
        const changed = members.map((m, i) =>
          i % 3 === 0
            ? {
                ...m,
                status: STATUSES[(STATUSES.indexOf(m.status) + 1 + i) % STATUSES.length]!,
                approvedOn: m.approvedOn ?? notAfterTomorrow(addDays(m.joinedOn, 1)),
              }
            : m,
        );
        await syncOk(
          team.token,
          changed
            .filter((_, i) => i % 3 === 0)
            .map((m) => ({
              org: { id: m.org },
              hostId: m.hostId,
              status: m.status,
              approvedOn: m.approvedOn ?? null,
              observedAt: new Date(Date.now() + 1).toISOString(),
            })),
        );
        const again = await api('/reminders/school', { token: team.token });
        expect(again.body.counters).toEqual(countMembers(changed, today));
        for (const o of again.body.orgs)
          expect(o.own ?? o.subtree).toEqual(
            countMembers(
              changed.filter((m) => m.org === o.id),
              today,
            ),
          );
        const top = await api('/reminders', { token: team.token });
        expect(top.body.counters).toEqual(countMembers(changed, today));
        // The members behind each count are exactly the ones the shared classify puts there.
        for (const bucket of BUCKETS) {
          const list = await api(`/reminders/school/members?bucket=${bucket}&limit=500`, { token: team.token });
          const expected = changed
            .filter((m) => classify(m, today).bucket === bucket)
            .map((m) => `id:${m.hostId}`)
            .sort();
          expect(list.body.members.map((m: { key: string }) => m.key).sort()).toEqual(expected);
        }
        const developed = members.filter((m) => m.joinedOn >= '2020-01-01');
        expect(r.body.stats).toEqual({
          developed: developed.length,
          counted: developed.filter((m) => m.status === 'certified').length,
          notCounted: developed.filter((m) => m.status !== 'certified').length,
        });
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it("shows a write in the very next answer, and reports D1's own costs", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const today = chinaToday();
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'w', joinedOn: addDays(today, -40), approvedOn: addDays(today, -35) }),
    ]);
    const before = await api('/reminders', { token: team.token });
    expect(before.body.counters.overdue).toBe(1);
    expect(Number(before.headers.get('X-D1-Queries'))).toBeGreaterThanOrEqual(3);
    expect(Number(before.headers.get('X-D1-Rows-Read'))).toBeGreaterThan(0);
    expect(before.headers.get('Server-Timing')).toMatch(/^d1;dur=/);
    await syncOk(team.token, [
      { org: { id: 'a-1' }, hostId: 'w', status: 'certified', observedAt: new Date().toISOString() },
    ]);
    const after = await api('/reminders', { token: team.token });
    expect(after.body.counters).toMatchObject({ overdue: 0, certified: 1 });
  });

  it('lists the members behind a count, most urgent first, masked as stored', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const today = chinaToday();
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'late',
        name: '王小明',
        joinedOn: addDays(today, -40),
        approvedOn: addDays(today, -32),
      }),
      observation({
        org: { id: 'a-2' },
        hostId: 'later',
        name: '李雷',
        joinedOn: addDays(today, -40),
        approvedOn: addDays(today, -31),
      }),
      observation({ org: { id: 'b-1' }, hostId: 'ok', joinedOn: addDays(today, -2) }),
    ]);
    const r = await api('/reminders/school/members?bucket=overdue', { token: team.token });
    expect(r.body.members.map((m: { key: string }) => m.key)).toEqual(['id:late', 'id:later']);
    expect(r.body.members[0]).toMatchObject({
      name: '王小明',
      nameMasked: '王*明',
      orgName: '计科2301团支部',
      bucket: 'overdue',
      daysLeft: -2,
      estimated: false,
    });
    const paged = await api('/reminders/school/members?bucket=overdue&limit=1', { token: team.token });
    expect(paged.body.nextOffset).toBe(1);
    const bad = await api('/reminders/school/members?bucket=soon', { token: team.token });
    expect(bad.status).toBe(400);
  });

  it("refuses organisations outside the token's subtree with 404", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const r = await api('/reminders/nowhere', { token: team.token });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('org-not-found');
  });
});
