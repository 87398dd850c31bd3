import type { Role } from '../../shared/api/common';

export interface InviteRow {
  code_hash: string;
  tenant_id: string;
  org_seq: number;
  role: Role;
  expires_at: string;
  used_at: string | null;
}

export const insertInvite = (
  db: D1Database,
  i: { codeHash: string; tenantId: string; orgSeq: number; role: Role; createdBy: string; createdAt: string; expiresAt: string },
) =>
  db
    .prepare('INSERT INTO invites (code_hash, tenant_id, org_seq, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(i.codeHash, i.tenantId, i.orgSeq, i.role, i.createdBy, i.createdAt, i.expiresAt);

export const inviteByHash = (db: D1Database, hash: string) => db.prepare('SELECT * FROM invites WHERE code_hash = ?').bind(hash).first<InviteRow>();

/** One-time: the update only succeeds for an unused invite, so two redeemers cannot both win. */
export const useInvite = (db: D1Database, hash: string, at: string) =>
  db.prepare('UPDATE invites SET used_at = ? WHERE code_hash = ? AND used_at IS NULL RETURNING code_hash').bind(at, hash);
