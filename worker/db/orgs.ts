import type { OrgType } from '../../shared/domain/types';

export interface OrgRow {
  seq: number;
  tenant_id: string;
  id: string;
  name: string;
  type: OrgType;
  parent_seq: number | null;
  league_id: string | null;
  path: string;
}

const COLS = 'seq, tenant_id, id, name, type, parent_seq, league_id, path';

/** Every organisation whose path lies in [lo, hi): a token's subtree, parents before children. */
export async function orgsInRange(db: D1Database, tenantId: string, lo: string, hi: string): Promise<OrgRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLS} FROM orgs WHERE tenant_id = ? AND path >= ? AND path < ? ORDER BY path`)
    .bind(tenantId, lo, hi)
    .all<OrgRow>();
  return results;
}

export async function orgsByIds(db: D1Database, tenantId: string, ids: string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT ${COLS} FROM orgs WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .bind(tenantId, JSON.stringify(ids))
    .all<OrgRow>();
  return results;
}

export async function orgsByLeagueIds(db: D1Database, tenantId: string, leagueIds: string[]): Promise<OrgRow[]> {
  if (leagueIds.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT ${COLS} FROM orgs WHERE tenant_id = ? AND league_id IN (SELECT value FROM json_each(?))`)
    .bind(tenantId, JSON.stringify(leagueIds))
    .all<OrgRow>();
  return results;
}

/**
 * Takes `n` fresh organisation numbers and returns the first. The counter only grows, so a deleted
 * organisation's number never comes back (a batch that fails leaves a gap, which is harmless).
 */
export async function allocateOrgSeqs(db: D1Database, n: number): Promise<number> {
  const row = await db
    .prepare("UPDATE sequences SET last = last + ? WHERE name = 'org' RETURNING last")
    .bind(n)
    .first<{ last: number }>();
  return row!.last - n + 1;
}

export const orgBySeq = (db: D1Database, tenantId: string, seq: number) =>
  db.prepare(`SELECT ${COLS} FROM orgs WHERE tenant_id = ? AND seq = ?`).bind(tenantId, seq).first<OrgRow>();

const bumpVersion = (db: D1Database, tenantId: string) =>
  db.prepare('UPDATE tenants SET orgs_version = orgs_version + 1 WHERE id = ?').bind(tenantId);

/** Inserts or rewrites organisations in bulk (one bound JSON parameter per chunk, not 100 parameters). */
export function upsertOrgs(db: D1Database, rows: OrgRow[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  if (rows[0]) out.push(bumpVersion(db, rows[0].tenant_id));
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      db
        .prepare(
          `INSERT INTO orgs (${COLS})
           SELECT value ->> 'seq', value ->> 'tenant_id', value ->> 'id', value ->> 'name', value ->> 'type',
                  value ->> 'parent_seq', value ->> 'league_id', value ->> 'path'
             FROM json_each(?) WHERE true
           ON CONFLICT (seq) DO UPDATE SET name = excluded.name, type = excluded.type, parent_seq = excluded.parent_seq,
             league_id = excluded.league_id, path = excluded.path`,
        )
        .bind(JSON.stringify(rows.slice(i, i + 1000))),
    );
  }
  return out;
}

export const countChildren = (db: D1Database, seq: number) =>
  db.prepare('SELECT count(*) AS n FROM orgs WHERE parent_seq = ?').bind(seq).first<{ n: number }>();
export const countMembersOf = (db: D1Database, tenantId: string, seq: number) =>
  db
    .prepare('SELECT count(*) AS n FROM members WHERE tenant_id = ? AND org_seq = ?')
    .bind(tenantId, seq)
    .first<{ n: number }>();
/** An organisation goes with everything that still points at it: its tokens and open invites stay dead. */
export const deleteOrg = (db: D1Database, tenantId: string, seq: number, at: string) => [
  db.prepare('DELETE FROM orgs WHERE seq = ? AND tenant_id = ?').bind(seq, tenantId),
  db
    .prepare('UPDATE tokens SET revoked_at = ? WHERE tenant_id = ? AND org_seq = ? AND revoked_at IS NULL')
    .bind(at, tenantId, seq),
  db
    .prepare('UPDATE invites SET revoked_at = ? WHERE tenant_id = ? AND org_seq = ? AND revoked_at IS NULL')
    .bind(at, tenantId, seq),
  db.prepare('DELETE FROM webhooks WHERE tenant_id = ? AND org_seq = ?').bind(tenantId, seq),
  db.prepare('DELETE FROM member_counts WHERE tenant_id = ? AND org_seq = ?').bind(tenantId, seq),
  db.prepare('DELETE FROM preflights WHERE tenant_id = ? AND org_seq = ?').bind(tenantId, seq),
  bumpVersion(db, tenantId),
];
