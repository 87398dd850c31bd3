import type { LocalDb } from './db';

const LOCAL_KEY = 'hashKey.local';
const TENANT_KEY = 'hashKey.tenant';

/**
 * The key 身份证号 and names are hashed with: the tenant's key once connected to a team (so hashes
 * match across the team's browsers), else a random key of this browser's own.
 */
export async function currentHashKey(db: LocalDb): Promise<{ id: string; key: Uint8Array }> {
  const tenant = (await db.get('kv', TENANT_KEY)) as { id: string; key: Uint8Array } | undefined;
  if (tenant) return tenant;
  let local = (await db.get('kv', LOCAL_KEY)) as { id: string; key: Uint8Array } | undefined;
  if (!local) {
    local = { id: `local-${crypto.randomUUID()}`, key: crypto.getRandomValues(new Uint8Array(32)) };
    await db.put('kv', local, LOCAL_KEY);
  }
  return local;
}

export async function setTenantHashKey(db: LocalDb, value: { id: string; key: Uint8Array } | null): Promise<void> {
  if (value) await db.put('kv', value, TENANT_KEY);
  else await db.delete('kv', TENANT_KEY);
}
