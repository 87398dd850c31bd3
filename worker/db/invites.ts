import type { Role } from '../../shared/api/common';

export interface InviteRow {
  code_hash: string;
  tenant_id: string;
  org_seq: number;
  role: Role;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** An invite's public name: a prefix of its code's hash, so lists never hold the code itself. */
export const inviteId = (codeHash: string) => codeHash.slice(0, 16);

export interface InviteListRow extends InviteRow {
  created_at: string;
  org_id: string;
  org_name: string;
  org_path: string;
}

export async function invitesInScope(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
): Promise<InviteListRow[]> {
  const { results } = await db
    .prepare(
      `SELECT i.*, o.id AS org_id, o.name AS org_name, o.path AS org_path FROM invites i JOIN orgs o ON o.seq = i.org_seq
        WHERE i.tenant_id = ? AND o.path >= ? AND o.path < ? ORDER BY i.created_at DESC LIMIT 500`,
    )
    .bind(tenantId, lo, hi)
    .all<InviteListRow>();
  return results;
}

export async function inviteById(db: D1Database, tenantId: string, id: string): Promise<InviteListRow | null> {
  return db
    .prepare(
      `SELECT i.*, o.id AS org_id, o.name AS org_name, o.path AS org_path FROM invites i JOIN orgs o ON o.seq = i.org_seq
        WHERE i.tenant_id = ? AND i.code_hash >= ? AND i.code_hash < ? LIMIT 2`,
    )
    .bind(tenantId, id, `${id}g`)
    .first<InviteListRow>();
}

/** Only an unused invite can be withdrawn: a used one became a token, revoked as a token. */
export const revokeInvite = (db: D1Database, codeHash: string, at: string) =>
  db
    .prepare('UPDATE invites SET revoked_at = ? WHERE code_hash = ? AND used_at IS NULL AND revoked_at IS NULL')
    .bind(at, codeHash);

export const insertInvite = (
  db: D1Database,
  i: {
    codeHash: string;
    tenantId: string;
    orgSeq: number;
    role: Role;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
  },
) =>
  db
    .prepare(
      'INSERT INTO invites (code_hash, tenant_id, org_seq, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(i.codeHash, i.tenantId, i.orgSeq, i.role, i.createdBy, i.createdAt, i.expiresAt);

export const inviteByHash = (db: D1Database, hash: string) =>
  db.prepare('SELECT * FROM invites WHERE code_hash = ?').bind(hash).first<InviteRow>();

/** Gives a claimed invite back when nothing was issued for it (the claim's mark must still be there). */
export const releaseInvite = (db: D1Database, hash: string, usedMark: string) =>
  db.prepare('UPDATE invites SET used_at = NULL WHERE code_hash = ? AND used_at = ?').bind(hash, usedMark);

/** Moves a used invite from one claim to another (a redemption's retry replacing its lost token). */
export const reclaimInvite = (db: D1Database, hash: string, fromMark: string, toMark: string) =>
  db
    .prepare(
      'UPDATE invites SET used_at = ? WHERE code_hash = ? AND used_at = ? AND revoked_at IS NULL RETURNING code_hash',
    )
    .bind(toMark, hash, fromMark);

/** One-time: the update only succeeds for an unused invite, so two redeemers cannot both win. */
export const useInvite = (db: D1Database, hash: string, at: string) =>
  db
    .prepare(
      'UPDATE invites SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND revoked_at IS NULL RETURNING code_hash',
    )
    .bind(at, hash);
