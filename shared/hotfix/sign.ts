/** The publisher's side: key pairs and signed documents (scripts/hotfix.ts and the tests). */
import { getPublicKeyAsync, signAsync, utils } from '@noble/ed25519';
import { fromBase64, toBase64 } from '../bytes';
import { HotfixPayload, type HotfixEnvelope } from './format';

export interface HotfixKeyPair {
  /** 32 bytes, base64: stays with the publisher, never in the repository. */
  privateKey: string;
  /** 32 bytes, base64: ships in the extension. */
  publicKey: string;
}

export async function newHotfixKeyPair(): Promise<HotfixKeyPair> {
  const secret = utils.randomSecretKey();
  return { privateKey: toBase64(secret), publicKey: toBase64(await getPublicKeyAsync(secret)) };
}

export async function publicKeyOf(privateKey: string): Promise<string> {
  return toBase64(await getPublicKeyAsync(fromBase64(privateKey)));
}

/** Checks the payload against the format, then signs its exact JSON text. */
export async function signHotfix(payload: unknown, privateKey: string): Promise<HotfixEnvelope> {
  const checked = HotfixPayload.parse(payload);
  const text = JSON.stringify(checked);
  const signature = await signAsync(new TextEncoder().encode(text), fromBase64(privateKey));
  return { hotfix: 1, payload: text, signature: toBase64(signature) };
}
