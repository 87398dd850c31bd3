import { md5, rc4 } from './md5';
import { isDict, isName, isNum, PdfString, type PdfDict, type PdfObj } from './objects';

/** The standard security handler (ISO 32000-1 §7.6.3, ISO 32000-2 for AES-256). */
export const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export type Decryptor = (data: Uint8Array, num: number, gen: number) => Promise<Uint8Array>;

export type SecurityResult =
  { kind: 'open'; decrypt: Decryptor } | { kind: 'needsPassword' } | { kind: 'unsupported'; reason: string };

const bytesOf = (o: PdfObj | undefined) => (o instanceof PdfString ? o.bytes : new Uint8Array(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};
const equal = (a: Uint8Array, b: Uint8Array, n: number) => {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Tries the empty user password: a file that opens with it (an owner password only restricts
 * printing or copying) is readable and gets a decryptor; one that does not needs a password.
 */
export async function openSecurity(encrypt: PdfDict, fileId: Uint8Array): Promise<SecurityResult> {
  if (!isName(encrypt.get('Filter'), 'Standard')) return { kind: 'unsupported', reason: '非标准加密' };
  const V = isNum(encrypt.get('V')) ? (encrypt.get('V') as number) : 0;
  const R = isNum(encrypt.get('R')) ? (encrypt.get('R') as number) : 2;
  const O = bytesOf(encrypt.get('O'));
  const U = bytesOf(encrypt.get('U'));
  const P = isNum(encrypt.get('P')) ? (encrypt.get('P') as number) : 0;
  if (R >= 5) return openAes256(encrypt, R, U);
  let lengthBits = isNum(encrypt.get('Length')) ? (encrypt.get('Length') as number) : 40;
  let aes = false;
  if (V === 4) {
    const cf = encrypt.get('CF');
    const stmf = encrypt.get('StmF');
    const filter = isDict(cf) && isName(stmf) ? cf.get(stmf.name) : undefined;
    if (isDict(filter)) {
      aes = isName(filter.get('CFM'), 'AESV2');
      if (isNum(filter.get('Length')))
        lengthBits = (filter.get('Length') as number) * ((filter.get('Length')! as number) <= 32 ? 8 : 1);
    }
    if (isName(stmf, 'Identity')) return { kind: 'open', decrypt: async (d) => d };
  }
  const n = R === 2 ? 5 : Math.min(16, Math.max(5, Math.floor(lengthBits / 8)));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, P | 0, true);
  const noMeta =
    R >= 4 && encrypt.get('EncryptMetadata') === false ? Uint8Array.of(255, 255, 255, 255) : new Uint8Array(0);
  let key = md5(concat(PASSWORD_PAD, O.subarray(0, 32), p, fileId, noMeta)).subarray(0, n);
  if (R >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n);
  let ok: boolean;
  if (R === 2) ok = equal(rc4(key, PASSWORD_PAD), U, 32);
  else {
    let x = rc4(key, md5(concat(PASSWORD_PAD, fileId)));
    for (let i = 1; i <= 19; i++)
      x = rc4(
        key.map((b) => b ^ i),
        x,
      );
    ok = equal(x, U, 16);
  }
  if (!ok) return { kind: 'needsPassword' };
  const fileKey = Uint8Array.from(key);
  return {
    kind: 'open',
    decrypt: async (data, num, gen) => {
      const objKey = md5(
        concat(
          fileKey,
          Uint8Array.of(num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255),
          aes ? Uint8Array.of(0x73, 0x41, 0x6c, 0x54) : new Uint8Array(0),
        ),
      ).subarray(0, Math.min(16, n + 5));
      return aes ? aesCbcDecrypt(objKey, data) : rc4(objKey, data);
    },
  };
}

async function aesCbcDecrypt(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (data.length < 32 || data.length % 16 !== 0) return new Uint8Array(0);
  const k = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: data.slice(0, 16) }, k, data.slice(16)));
  } catch {
    return new Uint8Array(0);
  }
}

/** AES-CBC without padding, which WebCrypto lacks: encrypt and drop the padding block. */
async function aesCbcEncryptRaw(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['encrypt']);
  const out = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> },
      k,
      data as Uint8Array<ArrayBuffer>,
    ),
  );
  return out.subarray(0, data.length);
}

/** AES-CBC decryption of whole blocks without padding: append a block that decrypts to valid padding. */
async function aesCbcDecryptRaw(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const last = data.length >= 16 ? data.subarray(data.length - 16) : iv;
  const pad = await aesCbcEncryptRaw(key, last, new Uint8Array(16).fill(16));
  const k = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['decrypt']);
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> },
      k,
      concat(data, pad) as Uint8Array<ArrayBuffer>,
    ),
  );
}

async function sha(name: 'SHA-256' | 'SHA-384' | 'SHA-512', d: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(name, d as Uint8Array<ArrayBuffer>));
}

/** ISO 32000-2 algorithm 2.B (R6); R5 uses a single SHA-256. */
async function hash2B(password: Uint8Array, salt: Uint8Array, udata: Uint8Array, R: number): Promise<Uint8Array> {
  let k = await sha('SHA-256', concat(password, salt, udata));
  if (R === 5) return k;
  for (let i = 0; ; i++) {
    const block = concat(password, k, udata);
    const k1 = new Uint8Array(block.length * 64);
    for (let j = 0; j < 64; j++) k1.set(block, j * block.length);
    const e = await aesCbcEncryptRaw(k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j]!;
    const m = sum % 3;
    k = await sha(m === 0 ? 'SHA-256' : m === 1 ? 'SHA-384' : 'SHA-512', e);
    if (i >= 63 && e[e.length - 1]! <= i - 31) break;
    if (i > 2000) break;
  }
  return k.subarray(0, 32);
}

async function openAes256(encrypt: PdfDict, R: number, U: Uint8Array): Promise<SecurityResult> {
  if (U.length < 48) return { kind: 'unsupported', reason: '加密字典不完整' };
  const empty = new Uint8Array(0);
  const check = await hash2B(empty, U.subarray(32, 40), empty, R);
  if (!equal(check, U, 32)) return { kind: 'needsPassword' };
  const inter = await hash2B(empty, U.subarray(40, 48), empty, R);
  const UE = bytesOf(encrypt.get('UE'));
  if (UE.length < 32) return { kind: 'unsupported', reason: '加密字典不完整' };
  const fileKey = await aesCbcDecryptRaw(inter, new Uint8Array(16), UE.subarray(0, 32));
  return { kind: 'open', decrypt: async (data) => aesCbcDecrypt(fileKey, data) };
}
