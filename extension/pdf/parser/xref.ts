import { Lexer } from './lexer';
import {
  isDict,
  isName,
  isNum,
  PdfOp,
  PdfRef,
  PdfStream,
  PdfStructureError,
  type PdfDict,
  type PdfObj,
} from './objects';

/** Where each object lives: at a file offset, or inside an object stream. */
export type XrefEntry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

export interface XrefTable {
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

const MAX_PREV = 64;
/** Object numbers beyond this are not from any real form: a hostile /Size or /W. */
const MAX_OBJECTS = 5_000_000;

const latin1 = new TextDecoder('latin1');

export function findStartXref(bytes: Uint8Array): number | null {
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = latin1.decode(bytes.subarray(tailStart));
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return null;
  const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
  return m ? Number(m[1]) : null;
}

/** Reads an indirect object header "n g obj" at `offset` and the object after it. */
export function readIndirectAt(
  bytes: Uint8Array,
  offset: number,
): { num: number; gen: number; obj: PdfObj; lexer: Lexer } {
  const lx = new Lexer(bytes, offset);
  const num = lx.readObject();
  const gen = lx.readObject();
  const kw = lx.readObject(0, true);
  if (!isNum(num) || !isNum(gen) || !(kw instanceof PdfOp) || kw.op !== 'obj')
    throw new PdfStructureError('对象位置错误');
  const obj = lx.readObject();
  return { num, gen, obj, lexer: lx };
}

/** The stream body after a dictionary: trusts /Length only when `endstream` follows it. */
export function streamBody(bytes: Uint8Array, lx: Lexer, dict: PdfDict, length: number | undefined): Uint8Array | null {
  if (!lx.peekKeyword('stream')) return null;
  let start = lx.pos + 6;
  if (bytes[start] === 13) start++;
  if (bytes[start] === 10) start++;
  if (length !== undefined && length >= 0 && start + length <= bytes.length && endsAt(bytes, start + length)) {
    return bytes.subarray(start, start + length);
  }
  // Bogus /Length: find the keyword ourselves.
  const end = indexOf(bytes, ENDSTREAM, start);
  if (end < 0) return bytes.subarray(start);
  let e = end;
  if (bytes[e - 1] === 10) e--;
  if (bytes[e - 1] === 13) e--;
  void dict;
  return bytes.subarray(start, Math.max(start, e));
}

const ENDSTREAM = Uint8Array.from('endstream', (c) => c.charCodeAt(0));
function endsAt(bytes: Uint8Array, pos: number): boolean {
  let p = pos;
  while (p < bytes.length && p < pos + 4 && (bytes[p] === 10 || bytes[p] === 13 || bytes[p] === 32)) p++;
  for (let i = 0; i < ENDSTREAM.length; i++) if (bytes[p + i] !== ENDSTREAM[i]) return false;
  return true;
}

export function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length; j++)
      if (hay[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    if (ok) return i;
  }
  return -1;
}

/** Parses a classic `xref` table at `offset` (ISO 32000-1 §7.5.4). */
function readXrefTable(bytes: Uint8Array, offset: number, into: Map<number, XrefEntry>): PdfDict {
  const lx = new Lexer(bytes, offset);
  const kw = lx.readObject(0, true);
  if (!(kw instanceof PdfOp) || kw.op !== 'xref') throw new PdfStructureError('交叉引用表损坏');
  for (;;) {
    const a = lx.readObject(0, true);
    if (a instanceof PdfOp && a.op === 'trailer') break;
    const count = lx.readObject(0, true);
    if (!isNum(a) || !isNum(count) || count < 0 || a + count > MAX_OBJECTS)
      throw new PdfStructureError('交叉引用表损坏');
    lx.skipSpace();
    for (let i = 0; i < count; i++) {
      lx.skipSpace();
      const line = latin1.decode(bytes.subarray(lx.pos, lx.pos + 20));
      const m = /^(\d{1,10})\s+(\d{1,5})\s+([nf])/.exec(line);
      if (!m) throw new PdfStructureError('交叉引用表损坏');
      lx.pos += m[0].length;
      const num = a + i;
      if (m[3] === 'n' && !into.has(num)) into.set(num, { type: 1, offset: Number(m[1]), gen: Number(m[2]) });
    }
  }
  const trailer = lx.readObject();
  if (!isDict(trailer)) throw new PdfStructureError('文件尾损坏');
  return trailer;
}

/** Parses a cross-reference stream (ISO 32000-1 §7.5.8); `decoded` is its decoded body. */
export function readXrefStream(dict: PdfDict, decoded: Uint8Array, into: Map<number, XrefEntry>): void {
  const W = dict.get('W');
  if (!Array.isArray(W) || W.length < 3 || !W.every((w) => isNum(w) && w >= 0 && w <= 8))
    throw new PdfStructureError('交叉引用流损坏');
  const [w0, w1, w2] = W as number[];
  const rowLen = w0! + w1! + w2!;
  const size = isNum(dict.get('Size')) ? (dict.get('Size') as number) : 0;
  const index = dict.get('Index');
  const ranges: number[] = Array.isArray(index) && index.every(isNum) ? (index as number[]) : [0, size];
  let row = 0;
  const field = (off: number, w: number, dflt: number) => {
    if (w === 0) return dflt;
    let v = 0;
    for (let i = 0; i < w; i++) v = v * 256 + decoded[off + i]!;
    return v;
  };
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r]!,
      count = ranges[r + 1]!;
    if (first < 0 || count < 0 || first + count > MAX_OBJECTS) throw new PdfStructureError('交叉引用流损坏');
    for (let i = 0; i < count; i++, row++) {
      const off = row * rowLen;
      if (off + rowLen > decoded.length) return;
      const type = field(off, w0!, 1);
      const b = field(off + w0!, w1!, 0);
      const c = field(off + w0! + w1!, w2!, 0);
      const num = first + i;
      if (into.has(num)) continue;
      if (type === 1) into.set(num, { type: 1, offset: b, gen: c });
      else if (type === 2) into.set(num, { type: 2, stream: b, index: c });
    }
  }
}

/**
 * Follows startxref and every /Prev (tables and streams, hybrid files too), newest entries first.
 * `decode` inflates an xref stream's body (async: DecompressionStream).
 */
export async function readXrefChain(
  bytes: Uint8Array,
  decode: (s: PdfStream) => Promise<Uint8Array>,
): Promise<XrefTable> {
  const start = findStartXref(bytes);
  if (start === null) throw new PdfStructureError('找不到 startxref');
  const entries = new Map<number, XrefEntry>();
  let trailer: PdfDict | undefined;
  const seen = new Set<number>();
  let offset: number | null = start;
  while (offset !== null && !seen.has(offset) && seen.size < MAX_PREV) {
    seen.add(offset);
    if (offset < 0 || offset >= bytes.length) throw new PdfStructureError('startxref 指向文件之外');
    let section: PdfDict;
    const lx = new Lexer(bytes, offset);
    if (lx.peekKeyword('xref')) {
      section = readXrefTable(bytes, offset, entries);
      const stm = section.get('XRefStm');
      if (isNum(stm) && !seen.has(stm)) {
        seen.add(stm);
        const s = readIndirectAt(bytes, stm);
        const body = isDict(s.obj) ? streamBody(bytes, s.lexer, s.obj, undefined) : null;
        if (body && isDict(s.obj)) readXrefStream(s.obj, await decode(new PdfStream(s.obj, body)), entries);
      }
    } else {
      const s = readIndirectAt(bytes, offset);
      if (!isDict(s.obj) || !isName(s.obj.get('Type'), 'XRef')) throw new PdfStructureError('交叉引用表损坏');
      const len = s.obj.get('Length');
      const body = streamBody(bytes, s.lexer, s.obj, isNum(len) ? len : undefined);
      if (!body) throw new PdfStructureError('交叉引用流损坏');
      readXrefStream(s.obj, await decode(new PdfStream(s.obj, body)), entries);
      section = s.obj;
    }
    if (!trailer) trailer = section;
    else for (const [k, v] of section) if (!trailer.has(k) && k !== 'Prev') trailer.set(k, v);
    const prev = section.get('Prev');
    offset = isNum(prev) ? prev : null;
  }
  if (!trailer) throw new PdfStructureError('文件尾损坏');
  return { entries, trailer };
}

/**
 * Rebuilds the table by scanning for "n g obj" when the xref is missing or wrong, as viewers do.
 * The last definition of an object wins (incremental updates append).
 */
export function reconstructXref(bytes: Uint8Array): XrefTable {
  const entries = new Map<number, XrefEntry>();
  const text = latin1.decode(bytes);
  const re = /(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
  let m: RegExpExecArray | null;
  let trailer: PdfDict | undefined;
  while ((m = re.exec(text))) {
    const num = Number(m[1]);
    const offset = m.index + m[0].indexOf(m[1]!);
    entries.set(num, { type: 1, offset, gen: Number(m[2]) });
  }
  for (let at = text.lastIndexOf('trailer'); at >= 0 && !trailer; at = text.lastIndexOf('trailer', at - 1)) {
    try {
      const lx = new Lexer(bytes, at + 7);
      const t = lx.readObject();
      if (isDict(t) && t.has('Root')) trailer = t;
    } catch {
      /* try an earlier one */
    }
  }
  if (!trailer) {
    // Files with xref streams keep the trailer keys in the stream's dictionary.
    for (const [, e] of [...entries].reverse()) {
      if (e.type !== 1) continue;
      try {
        const { obj } = readIndirectAt(bytes, e.offset);
        if (isDict(obj) && isName(obj.get('Type'), 'XRef') && obj.has('Root')) {
          trailer = obj;
          break;
        }
      } catch {
        /* keep looking */
      }
    }
  }
  if (!trailer) {
    // Last resort: any catalog.
    for (const [num, e] of entries) {
      if (e.type !== 1) continue;
      try {
        const { obj } = readIndirectAt(bytes, e.offset);
        if (isDict(obj) && isName(obj.get('Type'), 'Catalog')) {
          trailer = new Map<string, PdfObj>([['Root', new PdfRef(num, e.gen)]]);
          break;
        }
      } catch {
        /* keep looking */
      }
    }
  }
  if (!trailer) throw new PdfStructureError('找不到文件目录');
  return { entries, trailer };
}
