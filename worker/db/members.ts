import type { MemberRow } from '../members/row';

const COLS = [
  'tenant_id', 'key', 'org_seq', 'host_id', 'name', 'name_masked', 'name_hash', 'id_hash', 'id_masked', 'dev_number', 'joined_on',
  'approved_on', 'status', 'rejection_reason', 'graduating', 'is_cadre', 'needs_archive', 'last_day', 'estimated', 'observed', 'updated_at',
] as const;

/** Existing members for a batch: by key, by the host's id and by the 身份证号 hash, in one round trip. */
export async function membersForBatch(db: D1Database, tenantId: string, keys: string[], hostIds: string[], idHashes: string[]): Promise<MemberRow[]> {
  const q = (col: string, values: string[]) =>
    db.prepare(`SELECT * FROM members WHERE tenant_id = ? AND ${col} IN (SELECT value FROM json_each(?))`).bind(tenantId, JSON.stringify(values));
  const results = await db.batch<MemberRow>([q('key', keys), q('host_id', hostIds), q('id_hash', idHashes)]);
  return results.flatMap((r) => r.results);
}

export async function memberByKey(db: D1Database, tenantId: string, key: string): Promise<MemberRow | null> {
  return db.prepare('SELECT * FROM members WHERE tenant_id = ? AND key = ?').bind(tenantId, key).first<MemberRow>();
}

/** Writes whole merged rows, 500 to a statement through one JSON parameter (D1 allows 100 bound parameters). */
export function upsertMembers(db: D1Database, rows: MemberRow[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const select = COLS.map((c) => `value ->> '${c}'`).join(', ');
  const update = COLS.filter((c) => c !== 'tenant_id' && c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      db
        .prepare(`INSERT INTO members (${COLS.join(', ')}) SELECT ${select} FROM json_each(?) WHERE true ON CONFLICT (tenant_id, key) DO UPDATE SET ${update}`)
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
  observed_at: number;
}

export function upsertPreflights(db: D1Database, rows: PreflightRow[]): D1PreparedStatement[] {
  const cols = ['tenant_id', 'file_hash', 'member_ref', 'org_seq', 'size', 'pages', 'verdict', 'codes', 'page1_number', 'observed_at'];
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      db
        .prepare(
          `INSERT INTO preflights (${cols.join(', ')}) SELECT ${cols.map((c) => `value ->> '${c}'`).join(', ')} FROM json_each(?) WHERE true
           ON CONFLICT (tenant_id, member_ref, file_hash) DO UPDATE SET org_seq = excluded.org_seq, size = excluded.size, pages = excluded.pages,
             verdict = excluded.verdict, codes = excluded.codes, page1_number = excluded.page1_number, observed_at = excluded.observed_at
           WHERE excluded.observed_at >= preflights.observed_at`,
        )
        .bind(JSON.stringify(rows.slice(i, i + 1000))),
    );
  }
  return out;
}

export async function preflightsOf(db: D1Database, tenantId: string, memberRef: string): Promise<PreflightRow[]> {
  const { results } = await db.prepare('SELECT * FROM preflights WHERE tenant_id = ? AND member_ref = ? ORDER BY observed_at DESC').bind(tenantId, memberRef).all<PreflightRow>();
  return results;
}
