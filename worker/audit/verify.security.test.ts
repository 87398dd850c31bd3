import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  api,
  bootstrap,
  observation,
  runCron,
  SCHOOL_TREE,
  syncOk,
  tokenFor,
  type Team,
} from '../../test/worker/helpers';
import { listSegmentKeys } from '../blobs/auditSegments';

const seal = () => runCron('*/5 * * * *');
const daily = () => runCron('0 0 * * *');
const verify = async (token: string, full = false) => {
  const r = await api(`/audit/verify${full ? '?full=1' : ''}`, { token });
  expect(r.status).toBe(200);
  return { ...r.body, rowsRead: Number(r.headers.get('X-D1-Rows-Read')) };
};
const sync = (team: Team, org: string, from: number, n: number) =>
  syncOk(
    team.token,
    Array.from({ length: n }, (_, i) => observation({ org: { id: org }, hostId: `${org}-${from + i}` })),
  );

describe('audit verify: blind spots closed', () => {
  it('deleting the last checkpoint in R2 together with the matching D1 tail fails (audit_seals remembers)', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 5);
    await seal();
    const first = await verify(team.token, true);
    await sync(team, 'a-1', 5, 4);
    await seal();
    const both = await verify(team.token, true);
    expect(both).toMatchObject({ ok: true, checkpoints: 2 });
    const keys = await listSegmentKeys(env.AUDIT, team.tenantId);
    const last = keys[keys.length - 1]!;
    await env.AUDIT.delete(last.key);
    await env.DB.prepare('DELETE FROM audit WHERE tenant_id = ? AND seq >= ?').bind(team.tenantId, last.from).run();
    for (const full of [true, false]) {
      const v = await verify(team.token, full);
      expect(v.ok).toBe(false);
      expect(v.firstMismatch).toMatchObject({ seq: first.entries + 1, reason: expect.stringContaining('封存') });
    }
  });

  it("a sub-committee's verify answers with its own figures, not the tenant's", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 3);
    await sync(team, 'b-1', 0, 7);
    await seal();
    const sealedTo = (await verify(team.token)).sealed;
    await sync(team, 'a-2', 0, 2);
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const mine = await env.DB.prepare(
      "SELECT count(*) AS n, sum(seq <= ?) AS sealed FROM audit WHERE tenant_id = ? AND org_id IN ('college-a', 'a-1', 'a-2')",
    )
      .bind(sealedTo, team.tenantId)
      .first<{ n: number; sealed: number }>();
    const own = mine!.n;
    const whole = await verify(team.token);
    for (const full of [true, false]) {
      const v = await verify(college, full);
      expect(v).toMatchObject({ ok: true, entries: own, firstMismatch: null });
      // The creation of its three organisations and a-1's three members are sealed; a-2's two members
      // and the invite and token made for the college are not yet.
      expect(v.sealed).toBe(mine!.sealed);
      expect(v.sealed).toBe(6);
      expect(v.unsealed).toBe(own - 6);
      expect(v.checkpoints).toBe(1);
      expect(v.entries).toBeLessThan(whole.entries);
    }
  });
});

describe('audit verify: incremental from the last verified checkpoint', () => {
  it('re-reads only what is new, and still catches a change among the new entries', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 300);
    await seal();
    const full = await verify(team.token);
    expect(full).toMatchObject({ ok: true, unsealed: 0 });
    expect(full.rowsRead).toBeGreaterThanOrEqual(300);
    await sync(team, 'a-2', 0, 10);
    const inc = await verify(team.token);
    expect(inc).toMatchObject({ ok: true, entries: full.entries + 10, unsealed: 10, mode: 'incremental' });
    // The ten new entries, a sample of old ones and a few bookkeeping rows: not the 300 before them.
    expect(inc.rowsRead).toBeLessThan(120);
    await sync(team, 'a-2', 10, 3);
    await env.DB.prepare("UPDATE audit SET subject = 'forged' WHERE tenant_id = ? AND seq = ?")
      .bind(team.tenantId, inc.entries + 2)
      .run();
    const caught = await verify(team.token);
    expect(caught).toMatchObject({ ok: false, firstMismatch: { seq: inc.entries + 2 } });
  });

  it('an edit to an old sealed row is not lost: the cron runs the full verify and every verify after reports it', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 400);
    await seal();
    expect(await verify(team.token)).toMatchObject({ ok: true });
    await env.DB.prepare("UPDATE audit SET subject = 'forged' WHERE tenant_id = ? AND seq = 123")
      .bind(team.tenantId)
      .run();
    // The daily cron's full verify finds it, and the incremental answers after it carry it.
    await daily();
    await sync(team, 'a-2', 0, 2);
    const v = await verify(team.token);
    expect(v).toMatchObject({ ok: false, firstMismatch: { seq: 123 } });
    expect(v.fullVerifiedAt).toEqual(expect.any(String));
    const college = await tokenFor(team.token, 'college-a', 'committee');
    expect(await verify(college)).toMatchObject({ ok: false, firstMismatch: { seq: 123 } });
    // Asked for in full, it is found at once too.
    expect(await verify(team.token, true)).toMatchObject({ ok: false, mode: 'full', firstMismatch: { seq: 123 } });
  });

  it('a replaced or deleted old segment sends verify back to a full check, which fails', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 5);
    await seal();
    await sync(team, 'a-1', 5, 5);
    await seal();
    expect(await verify(team.token)).toMatchObject({ ok: true, checkpoints: 2 });
    const [first] = await listSegmentKeys(env.AUDIT, team.tenantId);
    const body = JSON.parse(await (await env.AUDIT.get(first!.key))!.text());
    body.hashes[1] = 'f'.repeat(64);
    await env.AUDIT.put(first!.key, JSON.stringify(body));
    const v = await verify(team.token);
    expect(v).toMatchObject({
      ok: false,
      mode: 'full',
      firstMismatch: { seq: 1, reason: expect.stringContaining('签名') },
    });
  });

  it('cutting off the tail, sealed or only verified, is caught without a full pass', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await sync(team, 'a-1', 0, 6);
    await seal();
    await sync(team, 'a-1', 6, 3);
    const v = await verify(team.token);
    expect(v).toMatchObject({ ok: true, unsealed: 3 });
    await env.DB.prepare('DELETE FROM audit WHERE tenant_id = ? AND seq > ?')
      .bind(team.tenantId, v.sealed - 2)
      .run();
    const cut = await verify(team.token);
    expect(cut).toMatchObject({ ok: false, mode: 'incremental', firstMismatch: { seq: v.sealed - 1 } });
  });
});
