import { allWebhooks, rewrapWebhook } from '../db/webhooks';
import type { Bindings } from '../env';
import { keyIdOf, keyring, openRobot, sealRobot, SecretsUnavailable } from '../lib/secrets';

/**
 * Every 5 minutes: robot URLs and secrets not yet under the current WEBHOOK_KEY — stored in clear
 * before encryption, or under a key since rotated — are re-encrypted under it. Returns how many rows
 * changed. A row that opens under no configured key is left as it is (its deliveries say so).
 */
export async function rekeyWebhooks(env: Bindings): Promise<number> {
  let ring;
  try {
    ring = await keyring(env);
  } catch (err) {
    if (err instanceof SecretsUnavailable) return 0;
    throw err;
  }
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
