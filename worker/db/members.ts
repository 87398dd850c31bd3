import type { OrgRange } from '../auth/context';
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

/** Organisation, 入团时间 and name hash: how a member with a corrected 编号 is recognised. */
export interface NameJoined {
  org_seq: number;
  joined_on: string;
  name_hash: string;
}

/** What a batch names its members by: keys it would give them, host ids, 身份证号 hashes, 编号. */
export interface BatchRefs {
  keys: string[];
  hostIds: string[];
  idHashes: string[];
  devNumbers: string[];
  nameJoined: NameJoined[];
}

/**
 * Existing members for a batch, in one round trip: by key, host id, 身份证号 hash, 编号, and
 * organisation + 入团时间 + name hash. Tenant-wide: the caller keeps those of its own subtree and
 * uses the others only to know which keys are taken.
 */
export async function membersForBatch(db: D1Database, tenantId: string, refs: BatchRefs): Promise<MemberRow[]> {
  const { keys, hostIds, idHashes, devNumbers, nameJoined } = refs;
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
    q('dev_number', devNumbers),
    byNameJoined,
  ]);
  const seen = new Set<string>();
  return results.flatMap((r) => r.results).filter((row) => !seen.has(row.key) && seen.add(row.key));
}

export async function memberByKey(db: D1Database, tenantId: string, key: string): Promise<MemberRow | null> {
  return db.prepare('SELECT * FROM members WHERE tenant_id = ? AND key = ?').bind(tenantId, key).first<MemberRow>();
}

/**
 * `org_seq`'s organisation lies in the writer's subtree: a condition every member and preflight
 * write carries in SQL as well, so that no plan, however wrong, changes a record outside it.
 */
export const inRange = (orgSeqColumn: string) =>
  `(SELECT path FROM orgs WHERE seq = ${orgSeqColumn} AND tenant_id = ?1) >= ?2 AND (SELECT path FROM orgs WHERE seq = ${orgSeqColumn} AND tenant_id = ?1) < ?3`;

/**
 * Writes whole merged rows, 500 to a statement through one JSON parameter (D1 allows 100 bound
 * parameters); a row outside `range` is neither inserted nor overwritten.
 */
export function upsertMembers(
  db: D1Database,
  tenantId: string,
  range: OrgRange,
  rows: MemberRow[],
): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const select = COLS.map((c) => `value ->> '${c}'`).join(', ');
  const update = COLS.filter((c) => c !== 'tenant_id' && c !== 'key')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      db
        .prepare(
          `INSERT INTO members (${COLS.join(', ')}) SELECT ${select} FROM json_each(?4) WHERE value ->> 'tenant_id' = ?1 AND ${inRange("value ->> 'org_seq'")}
           ON CONFLICT (tenant_id, key) DO UPDATE SET ${update} WHERE ${inRange('members.org_seq')}`,
        )
        .bind(tenantId, range.lo, range.hi, JSON.stringify(rows.slice(i, i + 500))),
    );
  }
  return out;
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
  range: OrgRange,
  changes: { before: MemberRow | null; after: MemberRow }[],
): D1PreparedStatement[] {
  return [
    ...upsertMembers(
      db,
      tenantId,
      range,
      changes.map((c) => c.after),
    ),
    ...applyCountDeltas(db, tenantId, countDeltas(changes)),
  ];
}
