import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { tenantOrigins } from './db/tenants';
import type { AppEnv } from './env';

/**
 * CORS for browser extensions only: the deployment's ALLOWED_ORIGINS plus what tenants configured.
 * No cookies are ever used (credentials stay off); tokens travel in the Authorization header.
 */
export const extensionCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('Origin');
  if (!origin) return next();
  const configured = new Set(
    (c.env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const allowed =
    configured.has(origin) ||
    (/^(chrome|moz)-extension:\/\//.test(origin) && (await tenantOrigins(c.env.DB)).has(origin));
  return cors({
    origin: allowed ? origin : '',
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: [
      'Idempotent-Replayed',
      'Retry-After',
      'Server-Timing',
      'X-D1-Queries',
      'X-D1-Rows-Read',
      'X-Request-Id',
    ],
    maxAge: 600,
    credentials: false,
  })(c, next);
};
