import type { OrgRange } from '../auth/context';
import { inRange } from './members';

export interface PreflightRow {
  tenant_id: string;
  file_hash: string;
  /**
   * `m:<member key>` when the member was found in the writer's subtree; else what the row named it
   * by, tied to the row's organisation: `id:<hostId>@<org seq>`, `ih:<idHash>@…`, `no:<org id>:<编号>@…`.
   * (Rows written before issue 12 hold the bare `id:`/`ih:`/`no:` form.)
   */
  member_ref: string;
  org_seq: number;
  size: number;
  pages: number;
  verdict: string;
  codes: string;
  page1_number: string | null;
  decision: string | null;
  override_reason: string | null;
  observed_at: number;
}

const COLS = [
  'tenant_id',
  'file_hash',
  'member_ref',
  'org_seq',
  'size',
  'pages',
  'verdict',
  'codes',
  'page1_number',
  'decision',
  'override_reason',
  'observed_at',
];

/** Newest wins per member and file; a row outside `range` is neither inserted nor overwritten. */
export function upsertPreflights(
  db: D1Database,
  tenantId: string,
  range: OrgRange,
  rows: PreflightRow[],
): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      db
        .prepare(
          `INSERT INTO preflights (${COLS.join(', ')}) SELECT ${COLS.map((c) => `value ->> '${c}'`).join(', ')} FROM json_each(?4)
            WHERE value ->> 'tenant_id' = ?1 AND ${inRange("value ->> 'org_seq'")}
           ON CONFLICT (tenant_id, member_ref, file_hash) DO UPDATE SET org_seq = excluded.org_seq, size = excluded.size, pages = excluded.pages,
             verdict = excluded.verdict, codes = excluded.codes, page1_number = excluded.page1_number,
             decision = excluded.decision, override_reason = excluded.override_reason, observed_at = excluded.observed_at
           WHERE excluded.observed_at >= preflights.observed_at AND ${inRange('preflights.org_seq')}`,
        )
        .bind(tenantId, range.lo, range.hi, JSON.stringify(rows.slice(i, i + 1000))),
    );
  }
  return out;
}

/**
 * A member's file checks: those recorded against the member itself, those recorded in its
 * organisation under one of its identifiers before it was known, and (older rows) those under a
 * bare identifier in its organisation — never another organisation's row that named it.
 */
export async function preflightsOf(
  db: D1Database,
  tenantId: string,
  member: { key: string; org_seq: number; refs: string[] },
): Promise<PreflightRow[]> {
  const own = [`m:${member.key}`, ...member.refs.map((r) => `${r}@${member.org_seq}`)];
  const { results } = await db
    .prepare(
      `SELECT * FROM preflights WHERE tenant_id = ?1 AND (member_ref IN (SELECT value FROM json_each(?2))
          OR (member_ref IN (SELECT value FROM json_each(?3)) AND org_seq = ?4)) ORDER BY observed_at DESC`,
    )
    .bind(tenantId, JSON.stringify(own), JSON.stringify(member.refs), member.org_seq)
    .all<PreflightRow>();
  return results;
}
