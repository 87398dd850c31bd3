/** Fixed one-minute windows kept in D1, so every isolate and every location sees the same counts. */
export const WINDOW_MS = 60_000;

export const windowOf = (now: number) => Math.floor(now / WINDOW_MS);

export function countStatement(db: D1Database, bucket: string, now: number): D1PreparedStatement {
  return db.prepare('SELECT count FROM rate_limits WHERE bucket = ? AND window = ?').bind(bucket, windowOf(now));
}

export function hitStatement(db: D1Database, bucket: string, now: number): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO rate_limits (bucket, window, count) VALUES (?, ?, 1) ON CONFLICT (bucket, window) DO UPDATE SET count = count + 1 RETURNING count',
    )
    .bind(bucket, windowOf(now));
}

/** Adds `n` to a bucket at once (the misses of one batch). */
export async function hitBy(db: D1Database, bucket: string, n: number, now: number): Promise<number> {
  const row = await db
    .prepare(
      'INSERT INTO rate_limits (bucket, window, count) VALUES (?, ?, ?) ON CONFLICT (bucket, window) DO UPDATE SET count = count + excluded.count RETURNING count',
    )
    .bind(bucket, windowOf(now), n)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

export async function hit(db: D1Database, buckets: string[], now: number): Promise<number[]> {
  const results = await db.batch<{ count: number }>(buckets.map((b) => hitStatement(db, b, now)));
  return results.map((r) => r.results[0]?.count ?? 0);
}

export async function pruneRateLimits(db: D1Database, now: number): Promise<void> {
  await db
    .prepare('DELETE FROM rate_limits WHERE window < ?')
    .bind(windowOf(now) - 1)
    .run();
}
