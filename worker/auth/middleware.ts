import type { Context, MiddlewareHandler } from 'hono';
import { countStatement, hit } from '../db/rateLimits';
import { tokenByHash, type TokenRow } from '../db/tokens';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { sha256Hex } from '../lib/crypto';
import type { AuthContext } from './context';
import { countMissIn, probeBucket, probeLimit, refuseProbing } from './probes';
import { clearTenantKey } from './tenantKey';

export const clientOf = (c: Context) => c.req.header('CF-Connecting-IP') ?? 'local';

const limit = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
export const authFailureLimit = (c: Context<AppEnv>) => limit(c.env.RATE_AUTH_FAILURES_PER_MIN, 20);
export const writeLimit = (c: Context<AppEnv>) => limit(c.env.RATE_WRITES_PER_MIN, 240);

const TOO_MANY_FAILURES = '验证失败次数过多，请一分钟后再试；请检查扩展选项中的令牌是否正确';

/** Counts a failed authentication against the client (and the token, when one was presented). */
export async function refuseAuth(
  c: Context<AppEnv>,
  code: string,
  message: string,
  tokenHash?: string,
): Promise<never> {
  const buckets = [`authfail:client:${clientOf(c)}`];
  if (tokenHash) buckets.push(`authfail:token:${tokenHash}`);
  const counts = await hit(c.env.DB, buckets, Date.now());
  // Counted atomically: of many guesses sent at once, those past the limit already get 429.
  if (counts.some((n) => n > authFailureLimit(c)))
    fail(429, 'rate-limited', TOO_MANY_FAILURES, { 'Retry-After': '60' });
  fail(401, code, message);
}

/**
 * Checks the failure counters before anything else, so a guesser gets 429 whatever it guesses; in
 * the same round trip, the presented token's misses this minute (auth/probes.ts).
 */
export async function guardAuthFailures(c: Context<AppEnv>, tokenHash?: string): Promise<{ probes: number }> {
  const now = Date.now();
  const stmts = [countStatement(c.env.DB, `authfail:client:${clientOf(c)}`, now)];
  if (tokenHash)
    stmts.push(
      countStatement(c.env.DB, `authfail:token:${tokenHash}`, now),
      countStatement(c.env.DB, probeBucket(tokenHash), now),
    );
  const rows = (await c.env.DB.batch<{ count: number }>(stmts)).map((r) => r.results[0]?.count ?? 0);
  if (rows.slice(0, 2).some((n) => n >= authFailureLimit(c)))
    fail(429, 'rate-limited', TOO_MANY_FAILURES, { 'Retry-After': '60' });
  return { probes: rows[2] ?? 0 };
}

/** `hashKey`: the tenant's hashing key in clear (row.hash_key is sealed: auth/tenantKey.ts). */
export function contextFromRow(row: TokenRow, hash: string, hashKey: string): AuthContext {
  return {
    tokenId: row.id,
    tokenHash: hash,
    tenantId: row.tenant_id,
    role: row.role,
    kind: row.kind,
    label: row.label,
    org: { seq: row.org_seq, id: row.org_id, path: row.org_path, name: row.org_name, type: row.org_type },
    tenant: {
      name: row.tenant_name,
      storeNames: row.store_names === 1,
      hashKey,
      rootSeq: row.root_seq,
      orgsVersion: row.orgs_version,
    },
  };
}

/** Resolves a presented token (bearer or feed) to its context, refusing unknown, revoked and expired ones. */
export async function authenticate(
  c: Context<AppEnv>,
  token: string | undefined,
  kind: 'admin' | 'feed',
): Promise<AuthContext> {
  if (!token) {
    await guardAuthFailures(c);
    return refuseAuth(c, 'no-token', '缺少令牌：请先在扩展选项中输入邀请码加入团队');
  }
  const hash = await sha256Hex(token);
  const now = Date.now();
  const [counts, found] = await Promise.all([
    guardAuthFailures(c, hash),
    tokenByHash(c.env.DB, hash).first<TokenRow>(),
  ]);
  if (!found || found.kind !== kind)
    return refuseAuth(c, 'token-invalid', '令牌无效：请检查扩展选项中的令牌，或向上级管理员索取新的邀请码', hash);
  if (found.revoked_at)
    return refuseAuth(c, 'token-revoked', '令牌已被撤销（可能已交接）：请向上级管理员索取新的邀请码', hash);
  if (Date.parse(found.expires_at) <= now)
    return refuseAuth(c, 'token-expired', '令牌已过期：请向上级管理员索取新的邀请码，或在到期前续期', hash);
  if (counts.probes >= probeLimit(c)) refuseProbing();
  return contextFromRow(found, hash, await clearTenantKey(c.env, found.tenant_id, found.hash_key));
}

/** `Authorization: Bearer laa_…` → c.var.auth. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  c.set('auth', await authenticate(c, token, 'admin'));
  await next();
  await countMissIn(c);
};

export const requireCommittee: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('auth').role !== 'committee') fail(403, 'committee-only', '只有团委（上级组织）管理员可以进行此操作');
  await next();
};

/** Writes per token and per client, one-minute windows. */
export const limitWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  const auth = c.get('auth');
  const counts = await hit(c.env.DB, [`write:token:${auth.tokenId}`, `write:client:${clientOf(c)}`], Date.now());
  if (counts.some((n) => n > writeLimit(c)))
    fail(429, 'rate-limited', '写入过于频繁，请一分钟后再试（扩展会自动重试）', { 'Retry-After': '60' });
  await next();
};
