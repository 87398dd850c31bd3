import { allTenantKeys, rewrapTenantKey } from '../db/tenants';
import { allWebhooks, rewrapWebhook } from '../db/webhooks';
import type { Bindings } from '../env';
import {
  keyIdOf,
  keyring,
  openRobot,
  openTenantKey,
  sealRobot,
  sealTenantKey,
  SecretsUnavailable,
  type Keyring,
} from '../lib/secrets';

/**
 * Every 5 minutes: secrets at rest not yet under the current WEBHOOK_KEY — stored in clear before
 * encryption (or while no key was configured), or under a key since rotated — are re-encrypted
 * under it: robot URLs and secrets, and tenants' hashing keys. Returns how many rows changed. A row
 * that opens under no configured key is left as it is (its deliveries, or its requests, say so).
 */
export async function rekeySecrets(env: Bindings): Promise<number> {
  let ring;
  try {
    ring = await keyring(env);
  } catch (err) {
    if (err instanceof SecretsUnavailable) return 0;
    throw err;
  }
  return (await rekeyWebhooks(env, ring)) + (await rekeyTenantKeys(env, ring));
}

async function rekeyWebhooks(env: Bindings, ring: Keyring): Promise<number> {
  const stale = (await allWebhooks(env.DB)).filter(
    (w) => keyIdOf(w.url) !== ring.current.id || (w.secret !== null && keyIdOf(w.secret) !== ring.current.id),
  );
  const rewrapped = [];
  for (const w of stale) {
    const clear = await openRobot(ring, w.id, w);
    if (!clear) {
      console.error(`webhook ${w.id}: its URL or secret opens under no configured key`);
      continue;
    }
    const sealed = await sealRobot(ring, w.id, clear);
    rewrapped.push(rewrapWebhook(env.DB, w.id, sealed.url, sealed.secret));
  }
  if (rewrapped.length) await env.DB.batch(rewrapped);
  return rewrapped.length;
}

async function rekeyTenantKeys(env: Bindings, ring: Keyring): Promise<number> {
  const rewrapped = [];
  for (const t of await allTenantKeys(env.DB)) {
    if (keyIdOf(t.hash_key) === ring.current.id) continue;
    const clear = await openTenantKey(ring, t.id, t.hash_key);
    if (clear === null) {
      console.error(`tenant ${t.id}: its hashing key opens under no configured key`);
      continue;
    }
    rewrapped.push(rewrapTenantKey(env.DB, t.id, await sealTenantKey(ring, t.id, clear)));
  }
  if (rewrapped.length) await env.DB.batch(rewrapped);
  return rewrapped.length;
}
