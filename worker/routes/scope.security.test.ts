import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrgInput } from '../../shared/api/orgs';
import { api, bootstrap, idemKey, observation, tokenFor } from '../../test/worker/helpers';
import { clearRateLimits } from '../../test/worker/world';

/** A random tree: org i's parent is one of the orgs before it (index -1 = the top committee). */
const treeArb = fc
  .integer({ min: 3, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))));
const placementArb = fc.array(fc.record({ at: fc.nat(), committee: fc.boolean() }), { minLength: 2, maxLength: 4 });

function orgsOf(parents: number[]): OrgInput[] {
  return parents.map((p, i) => ({
    id: `o${i}`,
    name: `组织${i}`,
    type: i % 2 ? '01TZB' : '03TW',
    parentId: p < 0 ? 'root' : `o${p}`,
  }));
}

/** Ancestors of org i including itself, as indices. */
function lineage(parents: number[], i: number): Set<number> {
  const out = new Set<number>();
  for (let k = i; k >= 0; k = parents[k]!) out.add(k);
  return out;
}

describe("no read or write ever reaches outside a token's subtree", () => {
  it('holds over random trees and tokens, across two tenants with the same org ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        placementArb,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 5, maxLength: 9 }),
        async (parents, placements, probes) => {
          // Each run starts with empty rate-limit windows: six runs of up to 50 writes from one client
          // would pass the 240 a minute when they fall in one minute (the limits have their own tests).
          await clearRateLimits();
          const orgs = orgsOf(parents);
          const team = await bootstrap({ orgs });
          const other = await bootstrap({ orgs }); // same ids, another tenant
          await api('/sync', {
            token: other.token,
            body: { observations: orgs.map((o, i) => observation({ org: { id: o.id }, hostId: `other-${i}` })) },
            headers: { 'Idempotency-Key': idemKey() },
          });
          const holders = await Promise.all(
            placements.map(async (p) => {
              const at = p.at % orgs.length;
              const role = p.committee ? 'committee' : 'branch';
              return { at, role, token: await tokenFor(team.token, `o${at}`, role) } as const;
            }),
          );
          const allowed = (h: (typeof holders)[number], target: number) =>
            h.role === 'committee' ? lineage(parents, target).has(h.at) : target === h.at;
          for (const h of holders) {
            const seen = (await api('/orgs', { token: h.token })).body.orgs.map((o: { id: string }) => o.id).sort();
            expect(seen).toEqual(
              orgs
                .filter((_, i) => allowed(h, i))
                .map((o) => o.id)
                .sort(),
            );
          }
          for (const [who, where] of probes) {
            const h = holders[who % holders.length]!;
            const target = where % orgs.length;
            const ok = allowed(h, target);
            const key = `probe-${who}-${where}-${Math.random()}`;
            const sync = await api('/sync', {
              token: h.token,
              body: { observations: [observation({ org: { id: `o${target}` }, hostId: key })] },
              headers: { 'Idempotency-Key': idemKey() },
            });
            expect(sync.status).toBe(200);
            expect(sync.body.refused.map((r: { code: string }) => r.code)).toEqual(ok ? [] : ['unknown-org']);
            const written = await env.DB.prepare('SELECT tenant_id FROM members WHERE key = ?')
              .bind(`id:${key}`)
              .all<{ tenant_id: string }>();
            expect(written.results).toEqual(ok ? [{ tenant_id: team.tenantId }] : []);
            const rem = await api(`/reminders/o${target}`, { token: h.token });
            expect(rem.status).toBe(ok ? 200 : 404);
            if (ok) expect(rem.body.orgs.every((o: { id: string }) => allowed(h, Number(o.id.slice(1))))).toBe(true);
            const list = await api(`/reminders/o${target}/members?bucket=later`, { token: h.token });
            expect(list.status).toBe(ok ? 200 : 404);
            if (ok) expect(list.body.members.every((m: { key: string }) => !m.key.startsWith('id:other-'))).toBe(true);
            const inv = await api('/invites', { token: h.token, body: { orgId: `o${target}`, role: 'branch' } });
            expect(inv.status).toBe(ok && h.role === 'committee' ? 201 : 403);
            const search = await api(`/members/search?by=name&q=${encodeURIComponent('张')}`, { token: h.token });
            expect(
              search.body.members.every(
                (m: { orgId: string; key: string }) =>
                  allowed(h, Number(m.orgId.slice(1))) && !m.key.startsWith('id:other-'),
              ),
            ).toBe(true);
            // A member that lives in the target, named by the host's id in a row of the holder's own org:
            // outside the holder's subtree it is not found, and the holder gets a record of its own.
            await api('/sync', {
              token: team.token,
              body: { observations: [observation({ org: { id: `o${target}` }, hostId: `${key}-t` })] },
              headers: { 'Idempotency-Key': idemKey() },
            });
            const foreign = await api('/sync', {
              token: h.token,
              body: {
                observations: [observation({ org: { id: `o${h.at}` }, hostId: `${key}-t`, status: 'certified' })],
              },
              headers: { 'Idempotency-Key': idemKey() },
            });
            expect(foreign.status).toBe(200);
            const after = await env.DB.prepare('SELECT status FROM members WHERE key = ?')
              .bind(`id:${key}-t`)
              .first<{ status: string }>();
            expect(after!.status).toBe(ok ? 'certified' : 'notUploaded');
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
