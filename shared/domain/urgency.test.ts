import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toChinaDate } from './chinaDate';
import {
  BUCKETS,
  addCounters,
  bucketForDaysLeft,
  classify,
  countMembers,
  emptyCounters,
  urgentCount,
  type UrgencyInput,
} from './urgency';
import { CertStatus, type ChinaDate } from './types';

const d = (s: string) => s as ChinaDate;
const today = d('2024-06-19');

describe('urgency buckets', () => {
  it('puts members joined before 2020 in exempt, whatever their status', () => {
    expect(classify({ joinedOn: d('2019-12-31'), status: 'notUploaded' }, today).bucket).toBe('exempt');
    expect(classify({ joinedOn: d('2020-01-01'), status: 'notUploaded' }, d('2020-01-31')).bucket).toBe('dueToday');
  });

  it('puts certified and pending members in their own buckets: the upload duty is met', () => {
    expect(classify({ joinedOn: d('2024-01-01'), status: 'certified' }, today).bucket).toBe('certified');
    const p = classify({ joinedOn: d('2024-01-01'), status: 'pending' }, today);
    expect(p.bucket).toBe('pending');
    expect(p.daysLeft).toBeNull();
  });

  it('says overdue only for a confirmed deadline, maybeOverdue for an estimated one', () => {
    expect(
      classify({ joinedOn: d('2024-04-01'), approvedOn: d('2024-05-19'), status: 'notUploaded' }, today),
    ).toMatchObject({ bucket: 'overdue', daysLeft: -1, estimated: false });
    expect(classify({ joinedOn: d('2024-05-19'), status: 'notUploaded' }, today)).toMatchObject({
      bucket: 'maybeOverdue',
      daysLeft: -1,
      estimated: true,
    });
  });

  it('draws the bucket boundaries at 0, 3 and 7 days', () => {
    const at = (left: number) => classify({ joinedOn: addDays(today, left - 30), status: 'notUploaded' }, today).bucket;
    expect([at(-1), at(0), at(1), at(3), at(4), at(7), at(8)]).toEqual([
      'maybeOverdue',
      'dueToday',
      'within3',
      'within3',
      'within7',
      'within7',
      'later',
    ]);
  });

  it('keeps a rejected member on the original deadline, flagged', () => {
    const u = classify({ joinedOn: d('2024-05-25'), approvedOn: d('2024-05-25'), status: 'rejected' }, today);
    expect(u).toMatchObject({ bucket: 'within7', daysLeft: 5, rejected: true, estimated: false });
  });

  it('classifies every member into exactly one bucket, consistent with days left', () => {
    const member = fc.record({
      joinedOn: fc
        .date({ min: new Date('2018-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
        .map((t) => toChinaDate(t.getTime())),
      approvedOn: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      status: fc.constantFrom(...CertStatus.options),
    });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 40 }), fc.integer({ min: 0, max: 3000 }), (raw, offset) => {
        const now = addDays(d('2018-01-01'), offset);
        const members: UrgencyInput[] = raw.map((m) => ({
          ...m,
          approvedOn: m.approvedOn === undefined ? undefined : addDays(m.joinedOn, m.approvedOn),
        }));
        const c = countMembers(members, now);
        expect(BUCKETS.reduce((s, b) => s + c[b], 0)).toBe(members.length);
        expect(c.total).toBe(members.length);
        for (const m of members) {
          const u = classify(m, now);
          if (u.daysLeft !== null) expect(u.bucket).toBe(bucketForDaysLeft(u.daysLeft, u.estimated));
        }
      }),
    );
  });

  it('counts rejected and not-uploaded totals beside the buckets, and adds counters', () => {
    const members: UrgencyInput[] = [
      { joinedOn: d('2024-06-19'), status: 'notUploaded' },
      { joinedOn: d('2024-06-10'), status: 'rejected' },
      { joinedOn: d('2019-06-10'), status: 'notUploaded' },
      { joinedOn: d('2024-01-10'), status: 'certified' },
    ];
    const c = countMembers(members, today);
    expect(c).toMatchObject({
      later: 2,
      within7: 0,
      maybeOverdue: 0,
      exempt: 1,
      certified: 1,
      rejected: 1,
      notUploaded: 1,
      total: 4,
    });
    expect(addCounters(c, c).total).toBe(8);
    expect(addCounters(c, emptyCounters())).toEqual(c);
    expect(urgentCount({ ...emptyCounters(), overdue: 2, maybeOverdue: 1, dueToday: 3, within3: 9 })).toBe(6);
  });
});
