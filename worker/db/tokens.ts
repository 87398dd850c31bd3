import type { Role } from '../../shared/api/common';
import type { OrgType } from '../../shared/domain/types';

export interface TokenRow {
  id: string;
  hash: string;
  tenant_id: string;
  org_seq: number;
  role: Role;
  kind: 'admin' | 'feed';
  label: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  org_id: string;
  org_path: string;
  org_name: string;
  org_type: OrgType;
  tenant_name: string;
  store_names: number;
  hash_key: string;
  root_seq: number;
  orgs_version: number;
}

export function tokenByHash(db: D1Database, hash: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT t.*, o.id AS org_id, o.path AS org_path, o.name AS org_name, o.type AS org_type,
              n.name AS tenant_name, n.store_names, n.hash_key, n.root_seq, n.orgs_version
         FROM tokens t JOIN orgs o ON o.seq = t.org_seq AND o.tenant_id = t.tenant_id JOIN tenants n ON n.id = t.tenant_id
        WHERE t.hash = ?`,
    )
    .bind(hash);
}

export function insertToken(
  db: D1Database,
  t: {
    hash: string;
    id: string;
    tenantId: string;
    orgSeq: number;
    role: Role;
    kind: 'admin' | 'feed';
    label: string;
    createdAt: string;
    expiresAt: string;
  },
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO tokens (hash, id, tenant_id, org_seq, role, kind, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(t.hash, t.id, t.tenantId, t.orgSeq, t.role, t.kind, t.label, t.createdAt, t.expiresAt);
}

export async function tokensInScope(db: D1Database, tenantId: string, lo: string, hi: string): Promise<TokenRow[]> {
  const { results } = await db
    .prepare(
      `SELECT t.*, o.id AS org_id, o.path AS org_path FROM tokens t JOIN orgs o ON o.seq = t.org_seq
        WHERE t.tenant_id = ? AND o.path >= ? AND o.path < ? ORDER BY t.created_at`,
    )
    .bind(tenantId, lo, hi)
    .all<TokenRow>();
  return results;
}

export async function tokenById(db: D1Database, tenantId: string, id: string): Promise<TokenRow | null> {
  return db
    .prepare(
      'SELECT t.*, o.id AS org_id, o.path AS org_path FROM tokens t JOIN orgs o ON o.seq = t.org_seq WHERE t.tenant_id = ? AND t.id = ?',
    )
    .bind(tenantId, id)
    .first<TokenRow>();
}

export const revokeToken = (db: D1Database, tenantId: string, id: string, at: string) =>
  db
    .prepare('UPDATE tokens SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL')
    .bind(at, tenantId, id);

export const renewToken = (db: D1Database, tenantId: string, id: string, expiresAt: string) =>
  db
    .prepare('UPDATE tokens SET expires_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL')
    .bind(expiresAt, tenantId, id);
