import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';
import { getSegment, listSegmentKeys } from '../blobs/auditSegments';
import { sealTenant } from './seal';
import { envSigningKeys } from './signing';
import { verifyAudit } from './verify';

/** A fresh Ed25519 key as the AUDIT_SIGNING_KEY secret holds it (PKCS#8, base64). */
async function newSigningKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const der = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
  return btoa(String.fromCharCode(...der));
}

describe('audit signing key rotation', () => {
  it('segments sealed under the retired key verify while its public key is listed, new ones are sealed under the new key', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const sync = (from: number) =>
      syncOk(
        team.token,
        [0, 1, 2].map((i) => observation({ org: { id: 'a-1' }, hostId: `k${from + i}` })),
      );
    await sync(0);
    await sealTenant(env, team.tenantId);
    const oldX = (await envSigningKeys(env)).publicX;
    const rotated = { ...env, AUDIT_SIGNING_KEY: await newSigningKey(), AUDIT_PREVIOUS_PUBLIC_KEYS: oldX };
    const newX = (await envSigningKeys(rotated)).publicX;
    expect(newX).not.toBe(oldX);

    await sync(3);
    await sealTenant(rotated, team.tenantId);
    const keys = await listSegmentKeys(env.AUDIT, team.tenantId);
    const publicKeys = await Promise.all(keys.map(async (k) => (await getSegment(env.AUDIT, k.key))!.publicKey));
    expect(publicKeys.slice(-2)).toEqual([oldX, newX]);

    const scope = { scope: null };
    expect(await verifyAudit(rotated, team.tenantId, { ...scope, full: true })).toMatchObject({ ok: true });
    expect(await verifyAudit(rotated, team.tenantId, scope)).toMatchObject({ ok: true, mode: 'incremental' });
    // Dropping the retired public key too early: its segments no longer verify.
    const forgotten = { ...rotated, AUDIT_PREVIOUS_PUBLIC_KEYS: undefined };
    const v = await verifyAudit(forgotten, team.tenantId, { ...scope, full: true });
    expect(v.ok).toBe(false);
    expect(v.firstMismatch).not.toBeNull();
  });

  it('a verified state signed by the retired key is not trusted: the first verify after a rotation is full', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'v1' })]);
    await sealTenant(env, team.tenantId);
    expect(await verifyAudit(env, team.tenantId, { scope: null })).toMatchObject({ ok: true });
    expect(await verifyAudit(env, team.tenantId, { scope: null })).toMatchObject({ mode: 'incremental' });
    const rotated = {
      ...env,
      AUDIT_SIGNING_KEY: await newSigningKey(),
      AUDIT_PREVIOUS_PUBLIC_KEYS: (await envSigningKeys(env)).publicX,
    };
    expect(await verifyAudit(rotated, team.tenantId, { scope: null })).toMatchObject({ ok: true, mode: 'full' });
    expect(await verifyAudit(rotated, team.tenantId, { scope: null })).toMatchObject({ ok: true, mode: 'incremental' });
  });
});
