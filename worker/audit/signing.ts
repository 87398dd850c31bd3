import { base64, fromBase64 } from '../lib/crypto';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key (JWK `x`), written into every segment so anyone can check it. */
  publicX: string;
}

let cached: { secret: string; keys: Promise<SigningKeys> } | undefined;

/** The Ed25519 key from the AUDIT_SIGNING_KEY secret (PKCS#8, base64); its public half from the JWK. */
export function signingKeys(secret: string | undefined): Promise<SigningKeys> {
  if (!secret) throw new Error('AUDIT_SIGNING_KEY is not configured');
  if (cached?.secret !== secret) cached = { secret, keys: load(secret) };
  return cached.keys;
}

async function load(secret: string): Promise<SigningKeys> {
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    fromBase64(secret.trim()) as Uint8Array<ArrayBuffer>,
    { name: 'Ed25519' },
    true,
    ['sign'],
  );
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey;
  const publicKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
    { name: 'Ed25519' },
    true,
    ['verify'],
  );
  return { privateKey, publicKey, publicX: jwk.x! };
}

const enc = new TextEncoder();

export async function sign(keys: SigningKeys, text: string): Promise<string> {
  return base64(new Uint8Array(await crypto.subtle.sign('Ed25519', keys.privateKey, enc.encode(text))));
}

export async function verifySignature(keys: SigningKeys, text: string, signature: string): Promise<boolean> {
  try {
    return await crypto.subtle.verify(
      'Ed25519',
      keys.publicKey,
      fromBase64(signature) as Uint8Array<ArrayBuffer>,
      enc.encode(text),
    );
  } catch {
    return false;
  }
}
