import type { MemberRow } from '../members/row';

export type SearchBy = 'name' | 'nameHash' | 'devNumber' | 'idHash';

/** Exact match on an indexed column, or (names stored) a prefix of the clear name, within [lo, hi). */
export async function searchMembers(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  by: SearchBy,
  q: string,
  limit: number,
): Promise<MemberRow[]> {
  const cond = {
    name: "m.name LIKE ? ESCAPE '\\'",
    nameHash: 'm.name IS NULL AND m.name_hash = ?',
    devNumber: 'm.dev_number = ?',
    idHash: 'm.id_hash = ?',
  }[by];
  const value = by === 'name' ? `${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : q;
  const { results } = await db
    .prepare(
      `SELECT m.* FROM members m JOIN orgs o ON o.seq = m.org_seq
        WHERE m.tenant_id = ? AND o.tenant_id = m.tenant_id AND o.path >= ? AND o.path < ? AND ${cond}
        ORDER BY m.joined_on DESC, m.key LIMIT ?`,
    )
    .bind(tenantId, lo, hi, value, limit)
    .all<MemberRow>();
  return results;
}

export async function membersInRange(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  afterKey: string,
  limit: number,
): Promise<MemberRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.* FROM orgs o JOIN members m ON m.tenant_id = o.tenant_id AND m.org_seq = o.seq
        WHERE o.tenant_id = ? AND o.path >= ? AND o.path < ? AND m.key > ? ORDER BY m.key LIMIT ?`,
    )
    .bind(tenantId, lo, hi, afterKey, limit)
    .all<MemberRow>();
  return results;
}
