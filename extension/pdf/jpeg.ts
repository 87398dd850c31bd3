export interface JpegInfo {
  width: number;
  height: number;
  /** The SOF marker: 0xC0–0xC2 are Huffman-coded 8-bit JPEGs, what browsers decode. */
  sof: number;
  precision: number;
  components: number;
  /** Where the SOF marker starts. */
  sofAt: number;
}

/** True for the JPEGs Chromium's decoder reads: 8-bit, Huffman-coded, grey or YCbCr. */
export function browserDecodable(i: JpegInfo): boolean {
  return i.sof >= 0xc0 && i.sof <= 0xc2 && i.precision === 8 && (i.components === 1 || i.components === 3);
}

/** Reads a JPEG's size from its SOF marker without decoding anything (a 500-MP header costs nothing). */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  const i = jpegInfo(b);
  return i ? { width: i.width, height: i.height } : null;
}

export function jpegInfo(b: Uint8Array): JpegInfo | null {
  let i = 2;
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
      return {
        sof: m,
        precision: b[i + 4]!,
        height: (b[i + 5]! << 8) | b[i + 6]!,
        width: (b[i + 7]! << 8) | b[i + 8]!,
        components: b[i + 9] ?? 0,
        sofAt: i,
      };
    i += 2 + len;
  }
  return null;
}

/**
 * The same JPEG declaring only its first `rows` rows: a decoder reads the scan data those rows
 * need and skips the rest (page 1's number is in its top sixth: a sixth of the decoding). Null
 * unless the frame header is one browsers decode and declares more rows.
 */
export function withHeight(bytes: ArrayBuffer, rows: number): ArrayBuffer | null {
  const info = jpegInfo(new Uint8Array(bytes));
  if (!info || !browserDecodable(info) || rows < 1 || info.height <= rows) return null;
  const out = bytes.slice(0);
  new DataView(out).setUint16(info.sofAt + 5, rows);
  return out;
}

/**
 * A JPEG without its EXIF block. PDF viewers ignore EXIF orientation, but the browser's decoders
 * apply it: a picture taken out of a PDF must be decoded as the PDF shows it.
 */
export function stripExif(bytes: ArrayBuffer): ArrayBuffer {
  const b = new Uint8Array(bytes);
  if (b[0] !== 0xff || b[1] !== 0xd8) return bytes;
  const keep: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  let stripped = false;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const m = b[i + 1]!;
    if (m === 0xda || m === 0xd9) break;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    const isExif = m === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 && b[i + 7] === 0x66;
    if (isExif) stripped = true;
    else keep.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  if (!stripped) return bytes;
  keep.push(b.subarray(i));
  const out = new Uint8Array(keep.reduce((s, k) => s + k.length, 0));
  let o = 0;
  for (const k of keep) {
    out.set(k, o);
    o += k.length;
  }
  return out.buffer;
}
