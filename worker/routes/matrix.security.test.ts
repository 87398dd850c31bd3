import { describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../shared/api/common';
import { api } from '../../test/worker/helpers';
import { SAMPLES } from '../../test/worker/samples';
import {
  A_MARKERS,
  buildWorld,
  CALLERS,
  clearRateLimits,
  isLive,
  rowsChanged,
  snapshot,
  STANDING,
  type Caller,
} from '../../test/worker/world';
import { routeSpecs, type RouteSpec } from './table';

interface Expected {
  status: number;
  code?: string;
  /** Whether the request changes data rows (the table's `writes`, when it is allowed). */
  writes: boolean;
  /** Sync rows refused, by code. */
  refused?: string[];
}

const ok = (spec: RouteSpec): Expected => ({ status: spec.reply.status, writes: spec.writes });
const no = (status: number, code: string): Expected => ({ status, code, writes: false });

/** What each caller must get from each route, from the route's entry in the table alone. */
function expected(spec: RouteSpec, caller: Caller): Expected {
  if (spec.auth === 'public') return ok(spec);
  if (spec.auth === 'operator') return caller === 'operator' ? ok(spec) : no(401, 'admin-secret-invalid');
  // A deleted organisation's tokens find no organisation any more: they are invalid, like a made-up one.
  if (spec.auth === 'feed')
    return isLive(caller) ? ok(spec) : no(401, caller === 'revokedToken' ? 'token-revoked' : 'token-invalid');
  if (caller === 'noToken') return no(401, 'no-token');
  if (caller === 'operator' || caller === 'deletedOrg') return no(401, 'token-invalid');
  if (!isLive(caller)) return no(401, 'token-revoked');
  const s = STANDING[caller];
  if (spec.role === 'committee' && s.role !== 'committee') return no(403, 'committee-only');
  if (spec.role === 'top' && !s.top) return no(403, 'top-committee-only');
  switch (spec.target) {
    case 'none':
    case 'list':
    case 'self':
      return ok(spec);
    case 'rows':
      return s.covers ? ok(spec) : { status: 200, writes: false, refused: ['unknown-org'] };
    case 'subtree':
      return s.covers ? ok(spec) : no(spec.outside!, spec.outside === 403 ? 'out-of-scope' : '');
    case 'above':
      if (s.above) return ok(spec);
      return s.covers ? no(403, 'not-upper-committee') : no(spec.outside!, '');
  }
}

const bodyOk = (spec: RouteSpec, status: number, text: string, type: string | null) => {
  if (status >= 300) return ApiError.safeParse(JSON.parse(text)).success && /[\u4e00-\u9fff]/.test(text);
  if ('type' in spec.reply) return (type ?? '').startsWith(spec.reply.type);
  return spec.reply.schema.safeParse(JSON.parse(text)).success;
};

describe('the adversarial matrix: every route × every caller (worker/routes/table.ts)', () => {
  it('answers each caller as the table says, changes rows only when allowed, and leaks nothing of A', async () => {
    const port = inject('receiverPort');
    const world = await buildWorld();
    const routes = routeSpecs();
    expect(routes.filter((r) => !SAMPLES[`${r.method} ${r.path}`]).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const wrong: string[] = [];
    let cells = 0;
    for (const spec of routes) {
      const route = `${spec.method} ${spec.path}`;
      for (const caller of CALLERS) {
        const req = await SAMPLES[route]!(world, caller, port);
        await clearRateLimits();
        const before = await snapshot();
        const r = await api(req.path, {
          method: spec.method,
          token: world.tokens[caller],
          body: req.body,
          raw: req.raw,
          headers: { ...(spec.writes ? { 'Idempotency-Key': `matrix-${crypto.randomUUID()}` } : {}), ...req.headers },
        });
        const changed = rowsChanged(before, await snapshot());
        const want = expected(spec, caller);
        const got = {
          status: r.status,
          code: r.status >= 300 ? r.body?.error?.code : undefined,
          writes: changed > 0,
          refused: r.body?.refused?.length ? r.body.refused.map((x: { code: string }) => x.code) : undefined,
        };
        const problems = [
          got.status !== want.status && `status ${got.status} (want ${want.status})`,
          want.code && got.code !== want.code && `code ${got.code} (want ${want.code})`,
          got.writes !== want.writes && `${changed} rows changed (want ${want.writes ? 'some' : 'none'})`,
          JSON.stringify(got.refused) !== JSON.stringify(want.refused) && `refused ${JSON.stringify(got.refused)}`,
          !bodyOk(spec, r.status, r.text, r.headers.get('Content-Type')) && 'reply does not match its schema',
          !(isLive(caller) && STANDING[caller].covers) &&
            A_MARKERS.some((m) => r.text.includes(m)) &&
            "A's data in the reply",
        ].filter(Boolean);
        if (problems.length) wrong.push(`${route} × ${caller}: ${problems.join('; ')} — ${r.text.slice(0, 160)}`);
        cells++;
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(routes.length * CALLERS.length);
  }, 600_000);
});
