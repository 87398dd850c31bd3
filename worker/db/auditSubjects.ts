/** The opaque ids already given to these readable subjects. */
export async function opaqueIds(db: D1Database, tenantId: string, readables: string[]): Promise<Map<string, string>> {
  if (readables.length === 0) return new Map();
  const { results } = await db
    .prepare(
      'SELECT readable, opaque FROM audit_subjects WHERE tenant_id = ? AND readable IN (SELECT value FROM json_each(?))',
    )
    .bind(tenantId, JSON.stringify(readables))
    .all<{ readable: string; opaque: string }>();
  return new Map(results.map((r) => [r.readable, r.opaque]));
}

/** The readable subjects behind opaque ids, for those still linked (an erased member's are not). */
export async function readableSubjects(
  db: D1Database,
  tenantId: string,
  opaques: string[],
): Promise<Map<string, string>> {
  if (opaques.length === 0) return new Map();
  const { results } = await db
    .prepare(
      'SELECT readable, opaque FROM audit_subjects WHERE tenant_id = ? AND opaque IN (SELECT value FROM json_each(?))',
    )
    .bind(tenantId, JSON.stringify(opaques))
    .all<{ readable: string; opaque: string }>();
  return new Map(results.map((r) => [r.opaque, r.readable]));
}

export const linkSubjects = (db: D1Database, tenantId: string, pairs: [readable: string, opaque: string][]) =>
  db
    .prepare(
      `INSERT INTO audit_subjects (tenant_id, readable, opaque)
       SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
    )
    .bind(tenantId, JSON.stringify(pairs));

export const unlinkSubjects = (db: D1Database, tenantId: string, readables: string[]) =>
  db
    .prepare('DELETE FROM audit_subjects WHERE tenant_id = ? AND readable IN (SELECT value FROM json_each(?))')
    .bind(tenantId, JSON.stringify(readables));
