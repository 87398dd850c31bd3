export interface ModificationRow {
  id: string;
  tenant_id: string;
  member_key: string;
  org_seq: number;
  reason: string;
  status: 'open' | 'approved' | 'rejected';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export const insertModification = (db: D1Database, m: ModificationRow) =>
  db
    .prepare(
      'INSERT INTO modifications (id, tenant_id, member_key, org_seq, reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(m.id, m.tenant_id, m.member_key, m.org_seq, m.reason, m.status, m.requested_by, m.requested_at);

export const modificationById = (db: D1Database, tenantId: string, id: string) =>
  db.prepare('SELECT * FROM modifications WHERE tenant_id = ? AND id = ?').bind(tenantId, id).first<ModificationRow>();

/** Decides only an open request: a second decision changes nothing. */
export const decideModification = (
  db: D1Database,
  tenantId: string,
  id: string,
  d: { status: 'approved' | 'rejected'; by: string; at: string; reason: string | null },
) =>
  db
    .prepare(
      "UPDATE modifications SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE tenant_id = ? AND id = ? AND status = 'open'",
    )
    .bind(d.status, d.by, d.at, d.reason, tenantId, id);

export async function modificationsInRange(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  status: string | undefined,
): Promise<ModificationRow[]> {
  const { results } = await db
    .prepare(
      `SELECT d.* FROM modifications d JOIN orgs o ON o.seq = d.org_seq
        WHERE d.tenant_id = ? AND o.path >= ? AND o.path < ? AND (? IS NULL OR d.status = ?) ORDER BY d.requested_at DESC LIMIT 500`,
    )
    .bind(tenantId, lo, hi, status ?? null, status ?? null)
    .all<ModificationRow>();
  return results;
}
