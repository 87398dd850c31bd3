import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, bootstrap, idemKey, observation, SCHOOL_TREE, tokenFor, type Reply } from '../../test/worker/helpers';

const WRITERS = 50;

/** Sends one write until it is applied, honouring Retry-After (shortened: the test has no minute to wait). */
async function untilApplied(send: () => Promise<Reply>, seen: number[]): Promise<Reply> {
  for (;;) {
    const r = await send();
    seen.push(r.status);
    if (r.status !== 429) return r;
    const after = Number(r.headers.get('Retry-After'));
    expect(after).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, Math.min(after, 1) * 200 * Math.random()));
  }
}

describe('concurrent writes on one tenant', () => {
  it(`${WRITERS} writers at once: never a 5xx, each write applied exactly once or refused with 429 and Retry-After, the chain verifies`, async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const statuses: number[] = [];
    const keys = Array.from({ length: WRITERS }, () => idemKey());
    // Each writes a member of its own and one member they all share (the counts must still add up).
    const bodies = keys.map((_, i) => ({
      observations: [
        observation({ org: { id: 'a-1' }, hostId: `w${i}`, name: `并发${i}` }),
        observation({
          org: { id: 'a-1' },
          hostId: 'shared',
          // A value of its own per writer: the newest observation's must be the one kept.
          status: 'rejected',
          rejectionReason: `第${i}次退回`,
          observedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
        }),
      ],
    }));
    const send = (i: number) =>
      api('/sync', {
        token: i % 3 === 0 ? branch : team.token,
        body: bodies[i],
        headers: { 'Idempotency-Key': keys[i]! },
      });
    const replies = await Promise.all(keys.map((_, i) => untilApplied(() => send(i), statuses)));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 429))).toEqual(new Set());
    expect(replies.every((r) => r.status === 200)).toBe(true);
    // Each applied once: one row per writer, one creation entry each, the shared member's last word wins.
    const rows = await env.DB.prepare("SELECT key, status FROM members WHERE tenant_id = ? AND key LIKE 'id:%'")
      .bind(team.tenantId)
      .all<{ key: string; status: string }>();
    expect(rows.results).toHaveLength(WRITERS + 1);
    const shared = await env.DB.prepare(
      "SELECT rejection_reason FROM members WHERE tenant_id = ? AND key = 'id:shared'",
    )
      .bind(team.tenantId)
      .first<{ rejection_reason: string }>();
    expect(shared!.rejection_reason).toBe(`第${WRITERS - 1}次退回`);
    const created = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit WHERE tenant_id = ? AND action = 'member.create'",
    )
      .bind(team.tenantId)
      .first<{ n: number }>();
    expect(created!.n).toBe(WRITERS + 1);
    const counts = await api('/reminders', { token: team.token });
    expect(counts.body.counters.total).toBe(WRITERS + 1);
    // Replaying every key answers the first reply and writes nothing more.
    const before = await env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ?')
      .bind(team.tenantId)
      .first<{ n: number }>();
    const replays = await Promise.all(keys.map((_, i) => untilApplied(() => send(i), statuses)));
    expect(replays.map((r) => r.headers.get('Idempotent-Replayed'))).toEqual(keys.map(() => 'true'));
    expect(replays.map((r) => r.body)).toEqual(replies.map((r) => r.body));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ?')
      .bind(team.tenantId)
      .first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    const v = await api('/audit/verify', { token: team.token });
    expect(v.body).toMatchObject({ ok: true, firstMismatch: null });
  }, 180_000);

  it('a writer that cannot get its turn is refused with 429 and Retry-After, writes nothing, and its retry applies once', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    // Another writer holds the tenant's turn (say, one that died a moment ago: its lease has not run out).
    await env.DB.prepare('INSERT INTO write_leases (tenant_id, holder, until) VALUES (?, ?, ?)')
      .bind(team.tenantId, 'someone-else', Date.now() + 60_000)
      .run();
    const key = idemKey();
    const body = { observations: [observation({ org: { id: 'a-1' }, hostId: 'queued' })] };
    const auditBefore = await env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ?')
      .bind(team.tenantId)
      .first<{ n: number }>();
    const refused = await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('busy');
    expect(refused.body.error.message).toMatch(/稍后重试/);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    const auditAfter = await env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ?')
      .bind(team.tenantId)
      .first<{ n: number }>();
    expect(auditAfter!.n).toBe(auditBefore!.n);
    expect(await env.DB.prepare("SELECT 1 FROM members WHERE key = 'id:queued'").first()).toBeNull();
    // The turn comes free: the same request, same key, is applied — once.
    await env.DB.prepare('DELETE FROM write_leases WHERE tenant_id = ?').bind(team.tenantId).run();
    const retried = await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } });
    expect(retried.status).toBe(200);
    expect(retried.body.members.created).toBe(1);
    const again = await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  }, 60_000);
});
