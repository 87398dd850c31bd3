export interface TenantRow {
  id: string;
  name: string;
  store_names: number;
  hash_key: string;
  allowed_origins: string;
  root_seq: number;
  created_at: string;
}

export const insertTenant = (
  db: D1Database,
  t: { id: string; name: string; storeNames: boolean; hashKey: string; rootSeq: number; createdAt: string },
) =>
  db
    .prepare('INSERT INTO tenants (id, name, store_names, hash_key, root_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(t.id, t.name, t.storeNames ? 1 : 0, t.hashKey, t.rootSeq, t.createdAt);

export const tenantById = (db: D1Database, id: string) =>
  db.prepare('SELECT * FROM tenants WHERE id = ?').bind(id).first<TenantRow>();

export const updateSettings = (db: D1Database, id: string, s: { storeNames: boolean; allowedOrigins: string[] }) =>
  db
    .prepare('UPDATE tenants SET store_names = ?, allowed_origins = ? WHERE id = ?')
    .bind(s.storeNames ? 1 : 0, JSON.stringify(s.allowedOrigins), id);

export const allTenantKeys = async (db: D1Database) =>
  (await db.prepare('SELECT id, hash_key FROM tenants').all<Pick<TenantRow, 'id' | 'hash_key'>>()).results;

export const rewrapTenantKey = (db: D1Database, id: string, stored: string) =>
  db.prepare('UPDATE tenants SET hash_key = ? WHERE id = ?').bind(stored, id);

/** When a tenant turns names off, the clear names already stored go too. */
export const scrubNames = (db: D1Database, id: string) =>
  db.prepare('UPDATE members SET name = NULL WHERE tenant_id = ?').bind(id);

export async function tenantOrigins(db: D1Database): Promise<Set<string>> {
  const { results } = await db
    .prepare("SELECT allowed_origins FROM tenants WHERE allowed_origins != '[]'")
    .all<{ allowed_origins: string }>();
  return new Set(results.flatMap((r) => JSON.parse(r.allowed_origins) as string[]));
}
