import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, api, bootstrap, runCron } from '../../test/worker/helpers';
import { rekeySecrets } from '../jobs/rekey';
import { base64, fromBase64, randomBytes } from '../lib/crypto';
import { keyring, openTenantKey } from '../lib/secrets';
import { storedTenantKey } from './tenantKey';

/**
 * A tenant's hashing key keys every 身份证号 hash: with it, a D1 dump would reverse them by
 * enumeration. At rest it is sealed under WEBHOOK_KEY, like the robots' secrets.
 */
const storedKey = async (tenantId: string) =>
  (await env.DB.prepare('SELECT hash_key FROM tenants WHERE id = ?').bind(tenantId).first<{ hash_key: string }>())!
    .hash_key;
const setStoredKey = (tenantId: string, stored: string) =>
  env.DB.prepare('UPDATE tenants SET hash_key = ? WHERE id = ?').bind(stored, tenantId).run();
const selfKey = async (token: string) => {
  const r = await api('/tokens/self', { token });
  return { status: r.status, hashKey: r.body?.tenant?.hashKey as string | undefined, error: r.body?.error };
};

describe("tenants' hashing keys are sealed at rest", () => {
  it('D1 holds the key sealed; the admins get it in clear, the same on redemption and afterwards', async () => {
    const team = await bootstrap();
    expect(fromBase64(team.hashKey)).toHaveLength(32);
    const stored = await storedKey(team.tenantId);
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored).not.toContain(team.hashKey);
    expect(await selfKey(team.token)).toMatchObject({ status: 200, hashKey: team.hashKey });
  });

  it('a sealed key moved to another tenant does not open there: 503 saying whom to ask, and the row stays', async () => {
    const a = await bootstrap();
    const b = await bootstrap();
    const own = await storedKey(b.tenantId);
    await setStoredKey(b.tenantId, await storedKey(a.tenantId));
    const r = await selfKey(b.token);
    expect(r.status).toBe(503);
    expect(r.error).toMatchObject({ code: 'secrets-unavailable', message: expect.stringContaining('WEBHOOK_KEY') });
    expect(r.hashKey).toBeUndefined();
    // The cron leaves a key it cannot open as it is.
    await runCron('*/5 * * * *');
    expect(await storedKey(b.tenantId)).toBe(await storedKey(a.tenantId));
    await setStoredKey(b.tenantId, own);
    expect(await selfKey(b.token)).toMatchObject({ status: 200, hashKey: b.hashKey });
  });

  it('an invite of a tenant whose key does not open is refused with 503 and stays unspent', async () => {
    const other = await bootstrap();
    const created = await api('/admin/tenants', {
      token: ADMIN_SECRET,
      body: {
        name: '测试县团委',
        topOrg: { id: 'county', name: '共青团测试县委员会', type: '03TW' },
        storeNames: false,
      },
    });
    expect(created.status).toBe(201);
    const { tenantId, invite } = created.body;
    const own = await storedKey(tenantId);
    await setStoredKey(tenantId, await storedKey(other.tenantId));
    const refused = await api('/invites/redeem', { body: { code: invite.code, label: '县团委管理员' } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('secrets-unavailable');
    await setStoredKey(tenantId, own);
    const redeemed = await api('/invites/redeem', { body: { code: invite.code, label: '县团委管理员' } });
    expect(redeemed.status).toBe(201);
    expect(await selfKey(redeemed.body.token)).toMatchObject({ status: 200, hashKey: redeemed.body.tenant.hashKey });
  });

  it('a key stored in clear (before sealing, or with no WEBHOOK_KEY) still serves, and the cron seals it', async () => {
    const team = await bootstrap();
    const noKey = { ...env, WEBHOOK_KEY: undefined };
    const clear = base64(randomBytes(32));
    expect(await storedTenantKey(noKey, team.tenantId, clear)).toBe(clear);
    await setStoredKey(team.tenantId, team.hashKey);
    expect(await selfKey(team.token)).toMatchObject({ status: 200, hashKey: team.hashKey });
    await runCron('*/5 * * * *');
    const sealed = await storedKey(team.tenantId);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(team.hashKey);
    expect(await selfKey(team.token)).toMatchObject({ status: 200, hashKey: team.hashKey });
  });

  it('key rotation: a key under the previous WEBHOOK_KEY still opens, and is re-sealed under the new one', async () => {
    const team = await bootstrap();
    const old = env.WEBHOOK_KEY!;
    const rotated = { ...env, WEBHOOK_KEY: base64(randomBytes(32)), WEBHOOK_KEY_PREVIOUS: old };
    const before = await storedKey(team.tenantId);
    expect(await rekeySecrets(rotated)).toBeGreaterThanOrEqual(1);
    const after = await storedKey(team.tenantId);
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    const fresh = await keyring({ WEBHOOK_KEY: rotated.WEBHOOK_KEY });
    expect(await openTenantKey(fresh, team.tenantId, after)).toBe(team.hashKey);
    expect(await openTenantKey(await keyring({ WEBHOOK_KEY: old }), team.tenantId, after)).toBeNull();
    // Back under the test's own key, so that the worker serves this tenant again.
    await rekeySecrets({ ...env, WEBHOOK_KEY_PREVIOUS: rotated.WEBHOOK_KEY });
    expect(await selfKey(team.token)).toMatchObject({ status: 200, hashKey: team.hashKey });
  });
});
