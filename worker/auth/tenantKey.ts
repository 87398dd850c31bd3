import type { Bindings } from '../env';
import { fail } from '../errors';
import { isSealed, keyring, openTenantKey, sealTenantKey } from '../lib/secrets';

const UNAVAILABLE = '同步服务的加密密钥（WEBHOOK_KEY）配置有误，暂不能使用团队数据：请联系部署同步服务的管理员';

/**
 * A new tenant's hashing key as it is stored: sealed under WEBHOOK_KEY; in clear only where no key
 * is configured yet (the 5-minute cron seals it once one is: jobs/rekey.ts).
 */
export async function storedTenantKey(env: Bindings, tenantId: string, clear: string): Promise<string> {
  const ring = await keyring(env).catch(() => null);
  return ring ? sealTenantKey(ring, tenantId, clear) : clear;
}

/** The tenant's hashing key in clear, for a request; a 503 saying what to do when it does not open. */
export async function clearTenantKey(env: Bindings, tenantId: string, stored: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  const ring = await keyring(env).catch(() => fail(503, 'secrets-unavailable', UNAVAILABLE));
  return (await openTenantKey(ring, tenantId, stored)) ?? fail(503, 'secrets-unavailable', UNAVAILABLE);
}
