import type { LocalRule } from '../../shared/api/localRules';

export interface AppliedRulesRow {
  org_id: string;
  org_name: string;
  path: string;
  rules: string;
}

/**
 * The rule sets of an organisation and of every organisation above it (their paths are prefixes
 * of its path), top first.
 */
export async function rulesAbove(db: D1Database, tenantId: string, path: string): Promise<AppliedRulesRow[]> {
  const { results } = await db
    .prepare(
      `SELECT o.id AS org_id, o.name AS org_name, o.path, r.rules FROM local_rules r
       JOIN orgs o ON o.seq = r.org_seq AND o.tenant_id = r.tenant_id
       WHERE r.tenant_id = ? AND substr(?, 1, length(o.path)) = o.path ORDER BY length(o.path)`,
    )
    .bind(tenantId, path)
    .all<AppliedRulesRow>();
  return results;
}

export const putRules = (db: D1Database, tenantId: string, orgSeq: number, rules: LocalRule[], at: string) =>
  rules.length === 0
    ? db.prepare('DELETE FROM local_rules WHERE tenant_id = ? AND org_seq = ?').bind(tenantId, orgSeq)
    : db
        .prepare(
          `INSERT INTO local_rules (tenant_id, org_seq, rules, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (tenant_id, org_seq) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
        )
        .bind(tenantId, orgSeq, JSON.stringify(rules), at);
