import { fromBase64, sha256Hex } from './crypto';

/**
 * Secrets at rest (a robot's URL carries its access token; 钉钉's 加签 secret; each tenant's hashing
 * key, which would let a D1 dump reverse the 身份证号 hashes by enumeration): AES-256-GCM under a
 * key from the `WEBHOOK_KEY` Worker secret, each value bound to where it is stored (`aad`: a
 * ciphertext moved to another row does not open). Stored as `v1.<key id>.<iv>.<ciphertext>`, the key
 * id being the first 8 hex digits of the key's SHA-256, so rotation works: the new key goes in
 * `WEBHOOK_KEY`, the old ones in `WEBHOOK_KEY_PREVIOUS` (comma-separated) until the cron has
 * re-encrypted every row (jobs/rekey.ts), then they are dropped.
 */
export interface Keyring {
  current: { id: string; key: CryptoKey };
  all: Map<string, CryptoKey>;
}

const enc = new TextEncoder();
const b64url = (b: Uint8Array) =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromB64url = (s: string) => fromBase64(s.replace(/-/g, '+').replace(/_/g, '/'));

export class SecretsUnavailable extends Error {}

async function load(secret: string) {
  const raw = fromBase64(secret.trim());
  if (raw.length !== 32) throw new SecretsUnavailable('WEBHOOK_KEY 应为 32 字节（base64）');
  const key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { id: (await sha256Hex(raw)).slice(0, 8), key };
}

let cached: { spec: string; ring: Promise<Keyring> } | undefined;

/** The keys from the environment; throws SecretsUnavailable when no current key is configured. */
export function keyring(env: { WEBHOOK_KEY?: string; WEBHOOK_KEY_PREVIOUS?: string }): Promise<Keyring> {
  if (!env.WEBHOOK_KEY) return Promise.reject(new SecretsUnavailable('未配置 WEBHOOK_KEY'));
  const spec = `${env.WEBHOOK_KEY}|${env.WEBHOOK_KEY_PREVIOUS ?? ''}`;
  if (cached?.spec !== spec) {
    const ring = (async () => {
      const current = await load(env.WEBHOOK_KEY!);
      const previous = await Promise.all(
        (env.WEBHOOK_KEY_PREVIOUS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map(load),
      );
      return { current, all: new Map([current, ...previous].map((k) => [k.id, k.key])) };
    })();
    cached = { spec, ring };
  }
  return cached.ring;
}

export const isSealed = (stored: string) => stored.startsWith('v1.');
export const keyIdOf = (stored: string) => (isSealed(stored) ? stored.split('.')[1]! : null);

export async function sealSecret(ring: Keyring, plain: string, aad: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: enc.encode(aad) },
      ring.current.key,
      enc.encode(plain),
    ),
  );
  return `v1.${ring.current.id}.${b64url(iv)}.${b64url(ct)}`;
}

/** The clear value; a value stored before encryption (no `v1.` prefix) is returned as it is. Null if it does not open. */
export async function openSecret(ring: Keyring, stored: string, aad: string): Promise<string | null> {
  if (!isSealed(stored)) return stored;
  const [, id, iv, ct] = stored.split('.');
  const key = ring.all.get(id ?? '');
  if (!key || !iv || !ct) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64url(iv) as Uint8Array<ArrayBuffer>, additionalData: enc.encode(aad) },
      key,
      fromB64url(ct) as Uint8Array<ArrayBuffer>,
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** A robot's URL and 加签 secret as stored: each sealed and bound to the robot and the field. */
export interface RobotSecrets {
  url: string;
  secret: string | null;
}

export const sealRobot = async (ring: Keyring, id: string, clear: RobotSecrets): Promise<RobotSecrets> => ({
  url: await sealSecret(ring, clear.url, `webhook:${id}:url`),
  secret: clear.secret === null ? null : await sealSecret(ring, clear.secret, `webhook:${id}:secret`),
});

/** The robot's URL and secret in clear, or null when either does not open under the ring's keys. */
export async function openRobot(ring: Keyring, id: string, stored: RobotSecrets): Promise<RobotSecrets | null> {
  const url = await openSecret(ring, stored.url, `webhook:${id}:url`);
  const secret = stored.secret === null ? null : await openSecret(ring, stored.secret, `webhook:${id}:secret`);
  return url === null || (stored.secret !== null && secret === null) ? null : { url, secret };
}

const tenantKeyAad = (tenantId: string) => `tenant:${tenantId}:hash_key`;

/** A tenant's hashing key as stored: sealed, bound to its tenant. */
export const sealTenantKey = (ring: Keyring, tenantId: string, clear: string) =>
  sealSecret(ring, clear, tenantKeyAad(tenantId));

/** The tenant's hashing key in clear, or null when it opens under none of the ring's keys (a key stored in clear is returned as it is). */
export const openTenantKey = (ring: Keyring, tenantId: string, stored: string) =>
  openSecret(ring, stored, tenantKeyAad(tenantId));
