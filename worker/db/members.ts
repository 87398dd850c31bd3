import type { MemberRow } from '../members/row';

const COLS = [
  'tenant_id',
  'key',
  'org_seq',
  'host_id',
  'name',
  'name_masked',
  'name_hash',
  'id_hash',
  'id_masked',
  'dev_number',
  'joined_on',
  'approved_on',
  'status',
  'rejection_reason',
  'graduating',
  'is_cadre',
  'needs_archive',
  'last_day',
  'estimated',
  'observed',
  'updated_at',
] as const;

/** Existing members for a batch: by key, by the host's id and by the 身份证号 hash, in one round trip. */
/** Organisation, 入团时间 and name hash: how a member with a corrected 编号 is recognised. */
export interface NameJoined {
  org_seq: number;
  joined_on: string;
  name_hash: string;
}

export async function membersForBatch(
  db: D1Database,
  tenantId: string,
  keys: string[],
  hostIds: string[],
  idHashes: string[],
  nameJoined: NameJoined[] = [],
): Promise<MemberRow[]> {
  const q = (col: string, values: string[], extra = '') =>
    db
      .prepare(`SELECT * FROM members WHERE tenant_id = ? AND ${col} IN (SELECT value FROM json_each(?)) ${extra}`)
      .bind(tenantId, JSON.stringify(values));
  const byNameJoined = db
    .prepare(
      // One index probe per row of the batch. Without the hint (D1 keeps no statistics) SQLite walks
      // the tenant's whole primary key for each row: seconds per batch at 100,000 members.
      `SELECT m.* FROM json_each(?) j CROSS JOIN members m INDEXED BY members_org_joined ON m.tenant_id = ? AND m.org_seq = j.value ->> 'org_seq'
         AND m.joined_on = j.value ->> 'joined_on' AND m.name_hash = j.value ->> 'name_hash'`,
    )
    .bind(JSON.stringify(nameJoined), tenantId);
  // `id:<hostId>` keys are found by key; the host_id index holds only members first seen without it.
  const results = await db.batch<MemberRow>([
    q('key', [...keys, ...hostIds.map((h) => `id:${h}`)]),
    q('host_id', hostIds, "AND key NOT LIKE 'id:%'"),
    q('id_hash', idHashes),
    byNameJoined,
  ]);
  const seen = new Set<string>();
  return results.flatMap((r) => r.results).filter((row) => !seen.has(row.key) && seen.add(row.key));
}

export async function memberByKey(db: D1Database, tenantId: string, key: string): Promise<MemberRow | null> {
  return db.prepare('SELECT * FROM members WHERE tenant_id = ? AND key = ?').bind(tenantId, key).first<MemberRow>();
}

/** Writes whole merged rows, 500 to a statement through one JSON parameter (D1 allows 100 bound parameters). */
export function upsertMembers(db: D1Database, rows: MemberRow[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const select = COLS.map((c) => `value ->> '${c}'`).join(', ');
  const update = COLS.filter((c) => c !== 'tenant_id' && c !== 'key')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      db
        .prepare(
          `INSERT INTO members (${COLS.join(', ')}) SELECT ${select} FROM json_each(?) WHERE true ON CONFLICT (tenant_id, key) DO UPDATE SET ${update}`,
        )
        .bind(JSON.stringify(rows.slice(i, i + 500))),
    );
  }
  return out;
}

export interface PreflightRow {
  tenant_id: string;
  file_hash: string;
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

export function upsertPreflights(db: D1Database, rows: PreflightRow[]): D1PreparedStatement[] {
  const cols = [
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
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      db
        .prepare(
          `INSERT INTO preflights (${cols.join(', ')}) SELECT ${cols.map((c) => `value ->> '${c}'`).join(', ')} FROM json_each(?) WHERE true
           ON CONFLICT (tenant_id, member_ref, file_hash) DO UPDATE SET org_seq = excluded.org_seq, size = excluded.size, pages = excluded.pages,
             verdict = excluded.verdict, codes = excluded.codes, page1_number = excluded.page1_number,
             decision = excluded.decision, override_reason = excluded.override_reason, observed_at = excluded.observed_at
           WHERE excluded.observed_at >= preflights.observed_at`,
        )
        .bind(JSON.stringify(rows.slice(i, i + 1000))),
    );
  }
  return out;
}

export async function preflightsOf(db: D1Database, tenantId: string, memberRef: string): Promise<PreflightRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM preflights WHERE tenant_id = ? AND member_ref = ? ORDER BY observed_at DESC')
    .bind(tenantId, memberRef)
    .all<PreflightRow>();
  return results;
}

export const COUNT_COLUMNS = [
  'exempt',
  'certified',
  'pending',
  'owed_exact',
  'owed_estimated',
  'rejected',
  'not_uploaded',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** The member_counts columns a member adds 1 to, in the order of shared/domain/urgency.ts `classify`. */
export function countColumns(r: Pick<MemberRow, 'needs_archive' | 'status' | 'estimated'>): CountColumn[] {
  const out: CountColumn[] = [];
  if (r.needs_archive === 0) out.push('exempt');
  else if (r.status === 'certified' || r.status === 'pending') out.push(r.status);
  else {
    out.push(r.estimated === 1 ? 'owed_estimated' : 'owed_exact');
    if (r.status === 'notUploaded') out.push('not_uploaded');
  }
  if (r.status === 'rejected') out.push('rejected');
  return out;
}

/** What a set of member writes does to member_counts, per organisation: −1 for the old row, +1 for the new. */
export function countDeltas(
  changes: { before: MemberRow | null; after: MemberRow }[],
): Map<number, Record<CountColumn, number>> {
  const deltas = new Map<number, Record<CountColumn, number>>();
  const bump = (r: MemberRow, by: number) => {
    let d = deltas.get(r.org_seq);
    if (!d)
      deltas.set(r.org_seq, (d = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<CountColumn, number>));
    for (const c of countColumns(r)) d[c] += by;
  };
  for (const { before, after } of changes) {
    if (before) bump(before, -1);
    bump(after, 1);
  }
  for (const [org, d] of deltas) if (COUNT_COLUMNS.every((c) => d[c] === 0)) deltas.delete(org);
  return deltas;
}

export function applyCountDeltas(
  db: D1Database,
  tenantId: string,
  deltas: Map<number, Record<CountColumn, number>>,
): D1PreparedStatement[] {
  if (deltas.size === 0) return [];
  const rows = [...deltas].map(([org, d]) => [org, ...COUNT_COLUMNS.map((c) => d[c])]);
  return [
    db
      .prepare(
        `INSERT INTO member_counts (tenant_id, org_seq, ${COUNT_COLUMNS.join(', ')})
         SELECT ?, ${['org_seq', ...COUNT_COLUMNS].map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE true
         ON CONFLICT (tenant_id, org_seq) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
      )
      .bind(tenantId, JSON.stringify(rows)),
  ];
}

/** Member rows and their counts, written together (the caller puts both in one batch). */
export function writeMembers(
  db: D1Database,
  tenantId: string,
  changes: { before: MemberRow | null; after: MemberRow }[],
): D1PreparedStatement[] {
  return [
    ...upsertMembers(
      db,
      changes.map((c) => c.after),
    ),
    ...applyCountDeltas(db, tenantId, countDeltas(changes)),
  ];
}
