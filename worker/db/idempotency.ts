export interface IdempotencyRow {
  body_hash: string;
  state: 'pending' | 'done';
  status: number | null;
  response: string | null;
  created_at: number;
}

/** Claims a key: returns null when this request owns it, else the row another request left. */
export async function claimIdempotency(
  db: D1Database,
  tenantId: string,
  key: string,
  bodyHash: string,
  now: number,
): Promise<IdempotencyRow | null> {
  const claimed = await db
    .prepare(
      "INSERT INTO idempotency (tenant_id, key, body_hash, state, created_at) VALUES (?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING RETURNING key",
    )
    .bind(tenantId, key, bodyHash, now)
    .first();
  if (claimed) return null;
  return db
    .prepare('SELECT body_hash, state, status, response, created_at FROM idempotency WHERE tenant_id = ? AND key = ?')
    .bind(tenantId, key)
    .first<IdempotencyRow>();
}

/** Takes over a key whose first request died mid-way (pending for too long). */
export async function takeOverIdempotency(
  db: D1Database,
  tenantId: string,
  key: string,
  staleCreatedAt: number,
  now: number,
): Promise<boolean> {
  const r = await db
    .prepare(
      "UPDATE idempotency SET created_at = ? WHERE tenant_id = ? AND key = ? AND state = 'pending' AND created_at = ? RETURNING key",
    )
    .bind(now, tenantId, key, staleCreatedAt)
    .first();
  return r !== null;
}

/**
 * Opens a finished key again for a request that issues a secret (it is issued afresh, never
 * replayed): only one retry at a time wins it.
 */
export async function reopenIdempotency(
  db: D1Database,
  tenantId: string,
  key: string,
  doneAt: number,
  now: number,
): Promise<boolean> {
  const r = await db
    .prepare(
      "UPDATE idempotency SET state = 'pending', created_at = ? WHERE tenant_id = ? AND key = ? AND state = 'done' AND created_at = ? RETURNING key",
    )
    .bind(now, tenantId, key, doneAt)
    .first();
  return r !== null;
}

export const finishIdempotency = (
  db: D1Database,
  k: { tenantId: string; key: string },
  status: number,
  body: unknown,
) =>
  db
    .prepare("UPDATE idempotency SET state = 'done', status = ?, response = ? WHERE tenant_id = ? AND key = ?")
    .bind(status, JSON.stringify(body), k.tenantId, k.key);

export const releaseIdempotency = (db: D1Database, tenantId: string, key: string) =>
  db.prepare("DELETE FROM idempotency WHERE tenant_id = ? AND key = ? AND state = 'pending'").bind(tenantId, key).run();

export const pruneIdempotency = (db: D1Database, before: number) =>
  db.prepare('DELETE FROM idempotency WHERE created_at < ?').bind(before).run();
