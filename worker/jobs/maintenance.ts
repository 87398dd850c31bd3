import { pruneIdempotency } from '../db/idempotency';
import { pruneRateLimits } from '../db/rateLimits';
import type { Bindings } from '../env';

/** Idempotency keys are kept a week: the extension's queue retries within days, not weeks. */
const IDEMPOTENCY_KEEP_MS = 7 * 86_400_000;

export async function prune(env: Bindings, now = Date.now()): Promise<void> {
  await pruneRateLimits(env.DB, now);
  await pruneIdempotency(env.DB, now - IDEMPOTENCY_KEEP_MS);
}
