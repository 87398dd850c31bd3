import { isDict, isName, isNum, type PdfDict, type PdfObj } from './objects';

export interface Decoded {
  data: Uint8Array;
  /** Stopped at the size limit: a compression bomb, or simply more than preflight reads. */
  truncated: boolean;
  /** A filter failed part-way (data holds what came out before). */
  broken: boolean;
}

/**
 * Inflates a zlib (FlateDecode) stream, stopping at `limit` bytes of output: a 10 KB bomb that
 * would inflate to gigabytes costs at most `limit` bytes and a few milliseconds.
 */
export async function inflateBounded(input: Uint8Array, limit: number): Promise<Decoded> {
  const format =
    input[0] !== undefined && (input[0] & 0x0f) === 8 && ((input[0] << 8) | (input[1] ?? 0)) % 31 === 0
      ? 'deflate'
      : 'deflate-raw';
  const ds = new DecompressionStream(format);
  const writer = ds.writable.getWriter();
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  let broken = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total >= limit) {
        truncated = true;
        reader.cancel().catch(() => {});
        break;
      }
    }
  } catch {
    broken = true;
  }
  const data = new Uint8Array(Math.min(total, limit));
  let off = 0;
  for (const c of chunks) {
    const n = Math.min(c.length, data.length - off);
    data.set(c.subarray(0, n), off);
    off += n;
    if (off >= data.length) break;
  }
  return { data, truncated, broken };
}

function asciiHex(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (const c of input) {
    if (c === 0x3e) break;
    const v =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push((hi << 4) | v);
      hi = -1;
    }
  }
  return Uint8Array.from(out);
}

/** PNG predictors (TIFF 2 is not used by the streams preflight reads). */
export function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = parms?.get('Predictor');
  if (!isNum(predictor) || predictor < 10) return data;
  const colors = (isNum(parms!.get('Colors')) ? (parms!.get('Colors') as number) : 1) | 0;
  const bpc = (isNum(parms!.get('BitsPerComponent')) ? (parms!.get('BitsPerComponent') as number) : 8) | 0;
  const columns = (isNum(parms!.get('Columns')) ? (parms!.get('Columns') as number) : 1) | 0;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (rowLen <= 0 || rowLen > 1 << 24) return data;
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  let prev = new Uint8Array(rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = data.subarray(r * (rowLen + 1) + 1, (r + 1) * (rowLen + 1));
    const row = out.subarray(r * rowLen, (r + 1) * rowLen);
    for (let i = 0; i < rowLen; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let v = src[i]!;
      if (type === 1) v += a;
      else if (type === 2) v += b;
      else if (type === 3) v += (a + b) >> 1;
      else if (type === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = v & 0xff;
    }
    prev = row;
  }
  return out;
}

export function filterNames(dict: PdfDict): string[] {
  const f = dict.get('Filter');
  if (isName(f)) return [f.name];
  if (Array.isArray(f)) return f.filter((x): x is import('./objects').PdfName => isName(x)).map((x) => x.name);
  return [];
}

function parmsAt(dict: PdfDict, i: number): PdfDict | undefined {
  const p = dict.get('DecodeParms') ?? dict.get('DP');
  if (isDict(p)) return i === 0 ? p : undefined;
  if (Array.isArray(p)) {
    const x: PdfObj | undefined = p[i];
    return isDict(x) ? x : undefined;
  }
  return undefined;
}

/**
 * Decodes a non-image stream (content, object stream, xref stream) through its filters, bounded.
 * An unsupported filter leaves `broken` set rather than guessing.
 */
export async function decodeStream(dict: PdfDict, raw: Uint8Array, limit: number): Promise<Decoded> {
  let data = raw;
  let truncated = false;
  let broken = false;
  const names = filterNames(dict);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === 'FlateDecode' || name === 'Fl') {
      const r = await inflateBounded(data, limit);
      data = unpredict(r.data, parmsAt(dict, i));
      truncated ||= r.truncated;
      broken ||= r.broken && r.data.length === 0;
    } else if (name === 'ASCIIHexDecode' || name === 'AHx') data = asciiHex(data);
    else return { data: new Uint8Array(0), truncated, broken: true };
  }
  if (data.length > limit) {
    data = data.subarray(0, limit);
    truncated = true;
  }
  return { data, truncated, broken };
}
