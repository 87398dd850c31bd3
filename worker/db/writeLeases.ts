/** Takes the tenant's write lease when it is free or expired; true when this holder has it now. */
export async function takeLease(db: D1Database, tenantId: string, holder: string, now: number, until: number) {
  const row = await db
    .prepare(
      `INSERT INTO write_leases (tenant_id, holder, until) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE write_leases.until < ?
       RETURNING holder`,
    )
    .bind(tenantId, holder, until, now)
    .first<{ holder: string }>();
  return row?.holder === holder;
}

/** Gives the lease back (a no-op once it passed to someone else): the last statement of a write's batch. */
export const releaseLease = (db: D1Database, tenantId: string, holder: string) =>
  db.prepare('DELETE FROM write_leases WHERE tenant_id = ? AND holder = ?').bind(tenantId, holder);
