import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashEntry, type AuditEntry } from '../audit/chain';
import { getSegment, listSegmentKeys, putSegment } from '../blobs/auditSegments';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk, type Team, runCron } from '../../test/worker/helpers';

const seal = () => runCron('*/5 * * * *');

async function sealedTeam(): Promise<{ team: Team; n: number }> {
  const team = await bootstrap({ orgs: SCHOOL_TREE });
  await syncOk(
    team.token,
    Array.from({ length: 12 }, (_, i) => observation({ org: { id: i % 2 ? 'a-1' : 'b-1' }, hostId: `t${i}` })),
  );
  await seal();
  const v = await api('/audit/verify', { token: team.token });
  expect(v.body.ok).toBe(true);
  return { team, n: v.body.entries };
}

const entries = async (tenantId: string) =>
  (
    await env.DB.prepare('SELECT * FROM audit WHERE tenant_id = ? ORDER BY seq')
      .bind(tenantId)
      .all<AuditEntry & { tenant_id: string }>()
  ).results;
/** In full: every entry re-hashed (the incremental default and the cron's full run: audit/verify.security.test.ts). */
const verify = async (team: Team) => (await api('/audit/verify?full=1', { token: team.token })).body;

describe('tampering with sealed entries is found at the entry', () => {
  it('changing any field of any sealed entry', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom('actor', 'org_id', 'action', 'subject', 'digest', 'request_id', 'at'),
        async (pick, column) => {
          const { team, n } = await sealedTeam();
          const seq = (pick % n) + 1;
          await env.DB.prepare(`UPDATE audit SET ${column} = 'forged' WHERE tenant_id = ? AND seq = ?`)
            .bind(team.tenantId, seq)
            .run();
          const v = await verify(team);
          expect(v.ok).toBe(false);
          expect(v.firstMismatch.seq).toBe(seq);
        },
      ),
      { numRuns: 6 },
    );
  }, 60_000);

  it('changing an entry and recomputing every hash after it (the checkpoints still catch it)', async () => {
    const { team, n } = await sealedTeam();
    const seq = Math.ceil(n / 2);
    const all = await entries(team.tenantId);
    let prev = all[seq - 2]!.hash;
    for (const e of all.slice(seq - 1)) {
      const forged = { ...e, subject: e.seq === seq ? 'id:someone-else' : e.subject };
      const hash = hashEntry(prev, forged);
      await env.DB.prepare('UPDATE audit SET subject = ?, hash = ? WHERE tenant_id = ? AND seq = ?')
        .bind(forged.subject, hash, team.tenantId, e.seq)
        .run();
      prev = hash;
    }
    const v = await verify(team);
    expect(v.ok).toBe(false);
    expect(v.firstMismatch).toMatchObject({ seq, reason: expect.stringContaining('封存') });
  });

  it('deleting a sealed entry, in the middle or at the end', async () => {
    const { team, n } = await sealedTeam();
    await env.DB.prepare('DELETE FROM audit WHERE tenant_id = ? AND seq = ?').bind(team.tenantId, n).run();
    let v = await verify(team);
    expect(v.firstMismatch.seq).toBe(n);
    await env.DB.prepare('DELETE FROM audit WHERE tenant_id = ? AND seq = ?').bind(team.tenantId, 3).run();
    v = await verify(team);
    expect(v.ok).toBe(false);
    expect(v.firstMismatch.seq).toBe(3);
  });

  it('reordering two sealed entries', async () => {
    const { team, n } = await sealedTeam();
    const all = await entries(team.tenantId);
    const [a, b] = [all[4]!, all[n - 2]!];
    const move = (from: AuditEntry, toSeq: number) =>
      env.DB.prepare(
        'UPDATE audit SET at = ?, actor = ?, org_id = ?, action = ?, subject = ?, digest = ?, request_id = ?, hash = ? WHERE tenant_id = ? AND seq = ?',
      ).bind(
        from.at,
        from.actor,
        from.org_id,
        from.action,
        from.subject,
        from.digest,
        from.request_id,
        from.hash,
        team.tenantId,
        toSeq,
      );
    await env.DB.batch([move(a, b.seq), move(b, a.seq)]);
    const v = await verify(team);
    expect(v.ok).toBe(false);
    expect(v.firstMismatch.seq).toBe(a.seq);
  });

  it('a sealed segment is never replaced, and a replaced object fails its signature', async () => {
    const { team } = await sealedTeam();
    const [first] = await listSegmentKeys(env.AUDIT, team.tenantId);
    const original = await getSegment(env.AUDIT, first!.key);
    const forged = { ...original!, hashes: original!.hashes.map((h, i) => (i === 2 ? 'f'.repeat(64) : h)) };
    expect(await putSegment(env.AUDIT, forged)).toBe(false);
    expect(await getSegment(env.AUDIT, first!.key)).toEqual(original);
    // Sealing again writes nothing new over it.
    await seal();
    expect(await listSegmentKeys(env.AUDIT, team.tenantId)).toHaveLength(1);
    // Someone with raw bucket access overwrites it: the signature no longer matches.
    await env.AUDIT.put(first!.key, JSON.stringify(forged));
    const v = await verify(team);
    expect(v.ok).toBe(false);
    expect(v.firstMismatch).toMatchObject({ seq: 1, reason: expect.stringContaining('签名') });
  });

  it('only entries after the last checkpoint could be cut off unseen, and verify says how many', async () => {
    const { team, n } = await sealedTeam();
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'late1' }),
      observation({ org: { id: 'a-1' }, hostId: 'late2' }),
    ]);
    await env.DB.prepare('DELETE FROM audit WHERE tenant_id = ? AND seq > ?')
      .bind(team.tenantId, n + 1)
      .run();
    const v = await verify(team);
    expect(v).toMatchObject({ ok: true, entries: n + 1, sealed: n, unsealed: 1 });
  });
});
