import type { Context } from 'hono';
import { hitBy } from '../db/rateLimits';
import type { AppEnv } from '../env';
import { fail } from '../errors';

/**
 * Answers that say "not in your subtree": 404s, `out-of-scope`, an unknown organisation or parent, an
 * id or leagueId taken. They never tell a thing elsewhere from a thing that does not exist, but each
 * is still a guess at what lies outside the caller's subtree, so a token gets a limited number per
 * minute: past it, every request of that token is answered 429 until the minute ends.
 */
const MISS = /-not-found$|^out-of-scope$|^unknown-(org|parent)$|-taken$/;

export const probeBucket = (tokenHash: string) => `probe:token:${tokenHash}`;

export const probeLimit = (c: Context<AppEnv>) => {
  const n = Number(c.env.RATE_PROBES_PER_MIN);
  return Number.isFinite(n) && n > 0 ? n : 60;
};

export function refuseProbing(): never {
  fail(
    429,
    'rate-limited',
    '一分钟内查找不到的内容过多（可能是在试探管理范围以外的数据）：请一分钟后再试，并核对组织和团员是否在你的管理范围内',
    { 'Retry-After': '60' },
  );
}

/** Counts `n` misses of the request's token (rows of a batch each count). */
export async function countMisses(c: Context<AppEnv>, n: number): Promise<void> {
  if (n > 0) await hitBy(c.env.DB, probeBucket(c.get('auth').tokenHash), n, Date.now());
}

/** After a route answered: a miss counts against the token. */
export async function countMissIn(c: Context<AppEnv>): Promise<void> {
  const { status } = c.res;
  if (status !== 403 && status !== 404 && status !== 422) return;
  const body = (await c.res
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string } } | null;
  if (MISS.test(body?.error?.code ?? '')) await countMisses(c, 1);
}
