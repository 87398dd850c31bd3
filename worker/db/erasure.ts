import type { MemberRow } from '../members/row';
import { unlinkSubjects } from './auditSubjects';
import { applyCountDeltas, COUNT_COLUMNS, countColumns, type CountColumn } from './members';

/**
 * Everything readable the worker keeps about one member, deleted (PIPL art. 47): the member's row
 * (and its share of the counts), its file checks, its modification requests, stored replies that
 * name it, and the links from its opaque audit subjects to its keys. The audit entries stay: they
 * hold only opaque ids and digests.
 */
export function eraseMember(
  db: D1Database,
  tenantId: string,
  m: MemberRow,
  identifiers: string[],
): D1PreparedStatement[] {
  const less = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<CountColumn, number>;
  for (const c of countColumns(m)) less[c] = -1;
  const ownRefs = [`m:${m.key}`, ...identifiers.map((r) => `${r}@${m.org_seq}`)];
  return [
    db.prepare('DELETE FROM members WHERE tenant_id = ? AND key = ?').bind(tenantId, m.key),
    ...applyCountDeltas(db, tenantId, new Map([[m.org_seq, less]])),
    db
      .prepare(
        `DELETE FROM preflights WHERE tenant_id = ?1 AND (member_ref IN (SELECT value FROM json_each(?2))
            OR (member_ref IN (SELECT value FROM json_each(?3)) AND org_seq = ?4))`,
      )
      .bind(tenantId, JSON.stringify(ownRefs), JSON.stringify(identifiers), m.org_seq),
    db.prepare('DELETE FROM modifications WHERE tenant_id = ? AND member_key = ?').bind(tenantId, m.key),
    // Idempotent replies kept for a week (an approval's reply shows the member).
    db
      .prepare('DELETE FROM idempotency WHERE tenant_id = ? AND instr(response, json_quote(?)) > 0')
      .bind(tenantId, m.key),
    unlinkSubjects(db, tenantId, [m.key, ...identifiers]),
  ];
}
