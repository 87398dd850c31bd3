import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, bootstrap, idemKey, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

/** Every write endpoint, with the shared schema that its body must satisfy. */
const WRITES: { method: string; path: string }[] = [
  { method: 'POST', path: '/orgs/import' },
  { method: 'PATCH', path: '/orgs/a-1' },
  { method: 'POST', path: '/invites' },
  { method: 'POST', path: '/invites/redeem' },
  { method: 'POST', path: '/tokens/renew' },
  { method: 'PATCH', path: '/settings' },
  { method: 'POST', path: '/modifications' },
  { method: 'PUT', path: '/members/id:m1/approval' },
  { method: 'POST', path: '/webhooks' },
  { method: 'POST', path: '/feeds' },
  { method: 'POST', path: '/sync' },
];

const badBodies = fc.oneof(
  fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '\u0000',
    '{"orgId":"a-1","role":"boss"}',
    '{"approvedOn":"2024-13-01"}',
    '{"days":-5}',
    `{"label":"${'长'.repeat(5000)}"}`,
  ),
);

describe('every write endpoint refuses malformed bodies with a 4xx, never a 5xx, and writes nothing', () => {
  it('holds for random JSON values and broken text', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'm1' })]);
    const auditBefore = await env.DB.prepare('SELECT count(*) AS n FROM audit').first<{ n: number }>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), badBodies, async (w, raw) => {
        const r = await api(w.path, {
          method: w.method,
          token: team.token,
          raw,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idemKey() },
        });
        // A random value can be a valid body by chance only for bodies whose fields are all optional.
        if (r.status < 300) {
          expect(['/tokens/renew', '/settings']).toContain(w.path);
          return;
        }
        expect(r.status, `${w.method} ${w.path} ${raw.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 120 },
    );
    const tokensRenewed = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit WHERE action NOT IN ('token.renew', 'setting.update')",
    ).first<{ n: number }>();
    expect(tokensRenewed!.n).toBe(auditBefore!.n);
  }, 60_000);
});
