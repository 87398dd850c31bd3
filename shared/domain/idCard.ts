/**
 * 身份证号 (GB 11643-1999). The clear number is only ever read to be validated, masked and
 * keyed-hashed; nothing here stores or sends it.
 */
import { toHex } from '../bytes';
import { withoutSpaces } from './text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Upper-cases the check character and drops whitespace, as people type and pages show it. */
export function normaliseIdCard(text: string): string {
  return withoutSpaces(text).toUpperCase();
}

/** The GB 11643 check character of the first 17 digits. */
export function idCardCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('身份证号前17位应为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** An 18-character number with a real birth date and a matching check character. */
export function isValidIdCard(text: string): boolean {
  const s = normaliseIdCard(text);
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return false;
  return idCardCheckDigit(s.slice(0, 17)) === s[17];
}

/** For display: the region code and the last four stay, the birth date is hidden (110105********1234). */
export function maskIdCard(text: string): string {
  const s = normaliseIdCard(text);
  if (s.length <= 4) return '*'.repeat(s.length);
  if (s.length < 10) return '*'.repeat(s.length - 4) + s.slice(-4);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/** 张三伟 → 张*伟, 李四 → 李*: enough for a supervisor to recognise a member, not to identify a stranger. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Raw key bytes or an imported HMAC key: the runtime supplies the tenant's key. */
export type HashKey = CryptoKey | Uint8Array;

async function hmacKey(key: HashKey): Promise<CryptoKey> {
  if (!(key instanceof Uint8Array)) return key;
  if (key.length < 16) throw new Error('哈希密钥太短');
  return crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

async function keyedHash(purpose: string, value: string, key: HashKey): Promise<string> {
  const mac = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(key),
    new TextEncoder().encode(`${purpose}\u0000${value}`),
  );
  return toHex(mac);
}

/**
 * HMAC-SHA-256 of the normalised number under the tenant's key, hex. Never a plain hash: the
 * space of 身份证号 is small enough to enumerate, so only the key holders can link a hash to a number.
 */
export function hashIdCard(idCard: string, key: HashKey): Promise<string> {
  return keyedHash('idcard', normaliseIdCard(idCard), key);
}

/** The keyed hash of a name, for tenants that keep names out of the worker. */
export function hashName(name: string, key: HashKey): Promise<string> {
  return keyedHash('name', name.trim(), key);
}
