import type { MiddlewareHandler } from 'hono';
import { claimIdempotency, finishIdempotency, releaseIdempotency, takeOverIdempotency } from '../db/idempotency';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { sha256Hex } from './crypto';

/** A first request that has not answered within this time is taken to have died. */
const STALE_MS = 60_000;

/**
 * `Idempotency-Key`: a replay answers the first reply; the same key with another body is refused
 * (422); a key whose first request is still running is refused (409). Writes that go through
 * commitWrite store the reply in their own batch; others store it right after.
 */
export const idempotent =
  (required: boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (!key) {
      if (required)
        fail(400, 'idempotency-key-required', '缺少 Idempotency-Key 请求头：每批同步须带唯一的键，以便安全重试');
      return next();
    }
    if (!/^[\x21-\x7e]{8,200}$/.test(key))
      fail(400, 'idempotency-key-invalid', 'Idempotency-Key 应为 8–200 个可见 ASCII 字符');
    const auth = c.get('auth');
    const bodyHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const now = Date.now();
    const scoped = `${auth.tokenId}:${key}`;
    const existing = await claimIdempotency(c.env.DB, auth.tenantId, scoped, bodyHash, now);
    if (existing) {
      if (existing.body_hash !== bodyHash)
        fail(422, 'idempotency-mismatch', '同一个 Idempotency-Key 已用于内容不同的请求：请为新请求换一个键');
      if (existing.state === 'done') {
        return c.body(existing.response ?? 'null', (existing.status ?? 200) as 200, {
          'Content-Type': 'application/json',
          'Idempotent-Replayed': 'true',
        });
      }
      if (
        now - existing.created_at < STALE_MS ||
        !(await takeOverIdempotency(c.env.DB, auth.tenantId, scoped, existing.created_at, now))
      ) {
        fail(409, 'in-flight', '同一请求仍在处理中，请稍后重试', { 'Retry-After': '2' });
      }
    }
    c.set('idempotency', { tenantId: auth.tenantId, key: scoped });
    await next();
    if (!c.get('idempotency')) return; // stored with the write
    if (c.res.ok) {
      const body = await c.res.clone().text();
      await finishIdempotency(
        c.env.DB,
        { tenantId: auth.tenantId, key: scoped },
        c.res.status,
        JSON.parse(body || 'null'),
      ).run();
    } else {
      await releaseIdempotency(c.env.DB, auth.tenantId, scoped);
    }
  };
