import { base64, fromBase64 } from '../lib/crypto';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key (JWK `x`), written into every segment so anyone can check it. */
  publicX: string;
  /** Public keys of signing keys since rotated away: what they signed still verifies. */
  previous: CryptoKey[];
}

let cached: { spec: string; keys: Promise<SigningKeys> } | undefined;

const importPublic = (x: string) =>
  crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x }, { name: 'Ed25519' }, true, ['verify']);

/**
 * The Ed25519 key from the AUDIT_SIGNING_KEY secret (PKCS#8, base64); its public half from the JWK.
 * `previous`: AUDIT_PREVIOUS_PUBLIC_KEYS, the `publicKey` (JWK `x`) of keys rotated away, comma-separated.
 */
export function signingKeys(secret: string | undefined, previous = ''): Promise<SigningKeys> {
  if (!secret) throw new Error('AUDIT_SIGNING_KEY is not configured');
  const spec = `${secret}|${previous}`;
  if (cached?.spec !== spec) cached = { spec, keys: load(secret, previous) };
  return cached.keys;
}

/** signingKeys from the environment's two variables. */
export const envSigningKeys = (env: { AUDIT_SIGNING_KEY?: string; AUDIT_PREVIOUS_PUBLIC_KEYS?: string }) =>
  signingKeys(env.AUDIT_SIGNING_KEY, env.AUDIT_PREVIOUS_PUBLIC_KEYS);

async function load(secret: string, previous: string): Promise<SigningKeys> {
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    fromBase64(secret.trim()) as Uint8Array<ArrayBuffer>,
    { name: 'Ed25519' },
    true,
    ['sign'],
  );
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey;
  const publicKey = await importPublic(jwk.x!);
  const xs = previous
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x && x !== jwk.x);
  return { privateKey, publicKey, publicX: jwk.x!, previous: await Promise.all(xs.map(importPublic)) };
}

const enc = new TextEncoder();

export async function sign(keys: SigningKeys, text: string): Promise<string> {
  return base64(new Uint8Array(await crypto.subtle.sign('Ed25519', keys.privateKey, enc.encode(text))));
}

/**
 * Whether `signature` is the current key's, or (unless `currentOnly`) a previous key's: segments and
 * epoch records are write-once, so what a retired key signed stays signed by it.
 */
export async function verifySignature(
  keys: SigningKeys,
  text: string,
  signature: string,
  opts: { currentOnly?: boolean } = {},
): Promise<boolean> {
  for (const key of opts.currentOnly ? [keys.publicKey] : [keys.publicKey, ...keys.previous]) {
    try {
      const ok = await crypto.subtle.verify(
        'Ed25519',
        key,
        fromBase64(signature) as Uint8Array<ArrayBuffer>,
        enc.encode(text),
      );
      if (ok) return true;
    } catch {
      /* a malformed signature verifies under no key */
    }
  }
  return false;
}
