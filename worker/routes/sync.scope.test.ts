import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { OrgInput } from '../../shared/api/orgs';
import { api, bootstrap, idemKey, observation, tokenFor } from '../../test/worker/helpers';

/** A committee with branches A (and A1 under it) and B: the picture. */
const TREE: OrgInput[] = [
  { id: 'A', name: '甲团总支', type: '02TZZ', parentId: 'root' },
  { id: 'A1', name: '甲一团支部', type: '01TZB', parentId: 'A' },
  { id: 'B', name: '乙团支部', type: '01TZB', parentId: 'root' },
];

const ID_HASH_OF_B = 'c'.repeat(64);

async function world() {
  const team = await bootstrap({ orgs: TREE });
  const a = await tokenFor(team.token, 'A', 'branch', '甲管理员');
  const b = await tokenFor(team.token, 'B', 'branch', '乙管理员');
  const sync = (token: string, body: unknown) =>
    api('/sync', { token, body, headers: { 'Idempotency-Key': idemKey() } });
  const first = await sync(b, {
    observations: [
      observation({ org: { id: 'B' }, hostId: 'hb', idHash: ID_HASH_OF_B, devNumber: '202400000001', name: '乙同学' }),
    ],
  });
  expect(first.status).toBe(200);
  return { team, a, b, sync };
}

const rowsOf = (tenantId: string, table: 'members' | 'preflights') =>
  env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY 1, 2, 3`)
    .bind(tenantId)
    .all<Record<string, unknown>>()
    .then((r) => r.results);

const orgSeq = async (tenantId: string, id: string) =>
  (await env.DB.prepare('SELECT seq FROM orgs WHERE tenant_id = ? AND id = ?')
    .bind(tenantId, id)
    .first<{ seq: number }>())!.seq;

const preflight = (member: Record<string, string>, verdict: 'pass' | 'fail' = 'fail') => ({
  org: { id: 'A' },
  member,
  fileHash: 'f'.repeat(64),
  size: 1000,
  pages: 12,
  verdict,
  codes: verdict === 'fail' ? ['pages-missing'] : [],
  observedAt: new Date().toISOString(),
});

describe("a branch's writes never reach another branch's records (issue 12, point 1)", () => {
  for (const [how, member] of [
    ['hostId', { hostId: 'hb' }],
    ['idHash', { idHash: ID_HASH_OF_B }],
    ['devNumber', { devNumber: '202400000001' }],
  ] as const) {
    it(`a preflight naming B's member by ${how} never lands on B's member`, async () => {
      const { team, a, sync } = await world();
      const bKey = (await rowsOf(team.tenantId, 'members'))[0]!.key as string;
      const r = await sync(a, { preflights: [preflight(member)] });
      expect(r.status).toBe(200);
      const seen = await api(`/members/${encodeURIComponent(bKey)}`, { token: team.token });
      expect(seen.status).toBe(200);
      expect(seen.body.preflights).toEqual([]);
      // Whatever A's row was recorded against, it is A's organisation's.
      const aSeq = await orgSeq(team.tenantId, 'A');
      for (const p of await rowsOf(team.tenantId, 'preflights')) expect(p.org_seq).toBe(aSeq);
    });
  }

  it("an observation naming B's member by hostId or idHash leaves it alone and creates A's own record", async () => {
    const { team, a, sync } = await world();
    const before = await rowsOf(team.tenantId, 'members');
    for (const ident of [{ hostId: 'hb' }, { idHash: ID_HASH_OF_B, devNumber: '202400000002' }]) {
      const r = await sync(a, {
        observations: [observation({ org: { id: 'A' }, ...ident, status: 'certified', name: '甲同学' })],
      });
      expect(r.status).toBe(200);
      expect(r.body.members).toMatchObject({ created: 1, updated: 0 });
    }
    const after = await rowsOf(team.tenantId, 'members');
    expect(after.filter((m) => m.key === before[0]!.key)).toEqual(before);
    expect(after).toHaveLength(3);
    // A's records stay A's: a second sync finds them again, it does not create more.
    const again = await sync(a, {
      observations: [
        observation({ org: { id: 'A' }, hostId: 'hb', status: 'pending', name: '甲同学' }),
        observation({
          org: { id: 'A' },
          idHash: ID_HASH_OF_B,
          devNumber: '202400000002',
          status: 'pending',
          name: '甲同学',
        }),
      ],
    });
    expect(again.body.members).toMatchObject({ created: 0, updated: 2 });
    expect(await rowsOf(team.tenantId, 'members')).toHaveLength(3);
    expect((await rowsOf(team.tenantId, 'members')).find((m) => m.key === before[0]!.key)).toEqual(before[0]);
  });

  it('answers a branch the same whether or not the member it names exists elsewhere', async () => {
    const { a, sync } = await world();
    const ask = async (idHash: string, hostId: string) => {
      const r = await sync(a, {
        observations: [observation({ org: { id: 'A' }, idHash, hostId, name: '甲同学' })],
        preflights: [preflight({ idHash })],
      });
      return { status: r.status, body: { ...r.body, serverTime: undefined } };
    };
    expect(await ask(ID_HASH_OF_B, 'hb')).toEqual(await ask('d'.repeat(64), 'never-seen'));
  });

  it('matches a person across organisations only for a caller whose scope covers both', async () => {
    const { team, a, sync } = await world();
    // After a 组织关系转接 the host shows B's member in A: A's admin gets a record of its own.
    await sync(a, { observations: [observation({ org: { id: 'A' }, hostId: 'hb', name: '乙同学' })] });
    const byHash = await api(`/members/search?by=idHash&q=${ID_HASH_OF_B}`, { token: team.token });
    expect(byHash.body.members.map((m: { orgId: string }) => m.orgId)).toEqual(['B']);
    // The committee sees both and its own observation of the member in A updates A's record.
    const both = await api('/members/search?by=name&q=' + encodeURIComponent('乙同学'), { token: team.token });
    expect(both.body.members.map((m: { orgId: string }) => m.orgId).sort()).toEqual(['A', 'B']);
    const r = await sync(team.token, {
      observations: [observation({ org: { id: 'A' }, hostId: 'hb', status: 'certified', name: '乙同学' })],
    });
    expect(r.body.members).toMatchObject({ created: 0, updated: 1 });
    const rows = await rowsOf(team.tenantId, 'members');
    const [aSeq, bSeq] = [await orgSeq(team.tenantId, 'A'), await orgSeq(team.tenantId, 'B')];
    expect(rows.find((m) => m.org_seq === aSeq)?.status).toBe('certified');
    expect(rows.find((m) => m.org_seq === bSeq)?.status).toBe('notUploaded');
  });
});
