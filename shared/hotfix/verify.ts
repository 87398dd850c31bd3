/**
 * Reading a relayed hotfix document: well-formed, signed by one of the publisher's keys, not
 * expired, and not older than the one already kept. Ed25519 through @noble/ed25519 (SHA-512 from
 * WebCrypto's digest), since the older Chromium cores of 360 and QQ browsers have no Ed25519 in
 * WebCrypto.
 */
import { verifyAsync } from '@noble/ed25519';
import { fromBase64 } from '../bytes';
import { HotfixEnvelope, HotfixPayload, MAX_HOTFIX_BYTES } from './format';

export type HotfixProblem = 'malformed' | 'signature' | 'expired' | 'old-serial';

export type HotfixReading =
  | { ok: true; payload: HotfixPayload; text: string }
  | { ok: false; problem: HotfixProblem; message: string; serial?: number };

export interface ReadOptions {
  /** The publisher's public keys (32 bytes each, base64); any one may have signed. */
  keys: readonly string[];
  now: number;
  /** The serial of the document kept now (0: none). An older one is refused; the same one only unchanged. */
  keptSerial?: number;
  keptPayload?: string;
}

const refuse = (problem: HotfixProblem, message: string, serial?: number): HotfixReading => ({
  ok: false,
  problem,
  message,
  ...(serial !== undefined ? { serial } : {}),
});

async function signedByAny(payload: string, signature: string, keys: readonly string[]): Promise<boolean> {
  const message = new TextEncoder().encode(payload);
  const sig = fromBase64(signature);
  for (const key of keys) {
    const pub = fromBase64(key);
    if (pub.length === 32 && (await verifyAsync(sig, message, pub).catch(() => false))) return true;
  }
  return false;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function readHotfix(text: string, o: ReadOptions): Promise<HotfixReading> {
  if (text.length > MAX_HOTFIX_BYTES * 2) return refuse('malformed', '修复通知过大，已忽略');
  const envelope = HotfixEnvelope.safeParse(parseJson(text));
  if (!envelope.success) return refuse('malformed', '修复通知格式不正确（不是已签名的修复通知），已忽略');
  const { payload, signature } = envelope.data;
  // The signature first: nothing an unsigned document says is believed, not even its serial.
  if (!(await signedByAny(payload, signature, o.keys)))
    return refuse('signature', '修复通知的签名无效（不是发布者签发的，或内容被改动），已忽略');
  const parsed = HotfixPayload.safeParse(parseJson(payload));
  if (!parsed.success) return refuse('malformed', '修复通知已签名，但内容不符合本版本能读懂的格式，已忽略');
  const p = parsed.data;
  if (Date.parse(p.expiresAt) <= o.now)
    return refuse('expired', `修复通知（编号 ${p.serial}）已于 ${p.expiresAt.slice(0, 10)} 失效，已忽略`, p.serial);
  const kept = o.keptSerial ?? 0;
  if (p.serial < kept || (p.serial === kept && o.keptPayload !== undefined && payload !== o.keptPayload))
    return refuse('old-serial', `修复通知编号 ${p.serial} 不比已保存的编号 ${kept} 新，已忽略`, p.serial);
  return { ok: true, payload: p, text: payload };
}
