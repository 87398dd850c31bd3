import type { Context, MiddlewareHandler } from 'hono';
import {
  claimIdempotency,
  finishIdempotency,
  releaseIdempotency,
  reopenIdempotency,
  takeOverIdempotency,
} from '../db/idempotency';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { sha256Hex } from './crypto';

/** A first request that has not answered within this time is taken to have died. */
const STALE_MS = 60_000;

/**
 * - `required`: the key must be sent (sync); a replay answers the first reply, status and body;
 * - `replay`: the same, when a key is sent;
 * - `reissue`: the reply carries a secret (an invite code, a token), which is never stored: a
 *   replay runs the route again with what the first attempt issued (`c.var.reissue`, ids only), and
 *   the route withdraws that and issues afresh — at most one live secret per key, safe to retry.
 */
export type IdempotencyMode = 'required' | 'replay' | 'reissue';

/** Whose keys these are: the token's own (default), the operator's, or an invite code's. */
export type KeyScope = (c: Context<AppEnv>) => Promise<{ tenantId: string; prefix: string }>;
const tokenScope: KeyScope = async (c) => ({ tenantId: c.get('auth').tenantId, prefix: c.get('auth').tokenId });

/**
 * `Idempotency-Key`: the same key with another body is refused (422); a key whose first request is
 * still running is refused (409). Writes that go through commitWrite store their record in their
 * own batch; others store the reply right after.
 */
export const idempotent =
  (mode: IdempotencyMode, scope: KeyScope = tokenScope): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (!key) {
      if (mode === 'required')
        fail(400, 'idempotency-key-required', '缺少 Idempotency-Key 请求头：每批同步须带唯一的键，以便安全重试');
      return next();
    }
    if (!/^[\x21-\x7e]{8,200}$/.test(key))
      fail(400, 'idempotency-key-invalid', 'Idempotency-Key 应为 8–200 个可见 ASCII 字符');
    const { tenantId, prefix } = await scope(c);
    const bodyHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const now = Date.now();
    const k = { tenantId, key: `${prefix}:${key}` };
    const existing = await claimIdempotency(c.env.DB, k.tenantId, k.key, bodyHash, now);
    let previous: { status: number; response: string } | undefined;
    if (existing) {
      if (existing.body_hash !== bodyHash)
        fail(422, 'idempotency-mismatch', '同一个 Idempotency-Key 已用于内容不同的请求：请为新请求换一个键');
      if (existing.state === 'done' && mode !== 'reissue') {
        return c.body(existing.response ?? 'null', (existing.status ?? 200) as 200, {
          'Content-Type': 'application/json',
          'Idempotent-Replayed': 'true',
        });
      }
      const won =
        existing.state === 'done'
          ? await reopenIdempotency(c.env.DB, k.tenantId, k.key, existing.created_at, now)
          : now - existing.created_at >= STALE_MS &&
            (await takeOverIdempotency(c.env.DB, k.tenantId, k.key, existing.created_at, now));
      if (!won) fail(409, 'in-flight', '同一请求仍在处理中，请稍后重试', { 'Retry-After': '2' });
      if (existing.state === 'done') {
        previous = { status: existing.status ?? 200, response: existing.response ?? 'null' };
        c.set('reissue', JSON.parse(previous.response) as unknown);
      }
    }
    c.set('idempotency', k);
    await next();
    if (!c.get('idempotency')) return; // stored with the write
    if (c.res.ok && mode !== 'reissue') {
      const body = await c.res.clone().text();
      await finishIdempotency(c.env.DB, k, c.res.status, JSON.parse(body || 'null')).run();
    } else if (previous) {
      // A reissue that failed: what the first attempt issued is still the key's.
      await finishIdempotency(c.env.DB, k, previous.status, JSON.parse(previous.response)).run();
    } else {
      await releaseIdempotency(c.env.DB, k.tenantId, k.key);
    }
  };
