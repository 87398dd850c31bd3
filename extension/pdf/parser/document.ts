import { decodeStream, type Decoded } from './filters';
import { Lexer } from './lexer';
import {
  isDict,
  isName,
  isNum,
  PdfRef,
  PdfStream,
  PdfString,
  PdfStructureError,
  type PdfDict,
  type PdfObj,
} from './objects';
import { openSecurity, type Decryptor } from './security';
import { readIndirectAt, readXrefChain, reconstructXref, streamBody, type XrefEntry } from './xref';

/** Object streams and xref streams larger than this decoded are not from a form. */
const MAX_OBJSTM_BYTES = 32 << 20;
const MAX_OBJSTM_OBJECTS = 100_000;
/** Page-tree nodes visited at most, and its depth: enough for 5,000 pages, bounded for hostile trees. */
const MAX_TREE_NODES = 200_000;
const MAX_TREE_DEPTH = 64;

export interface PageRef {
  dict: PdfDict;
  ref?: PdfRef;
  /** Inherited attributes resolved from the tree (ISO 32000-1 §7.7.3.4). */
  resources: PdfDict;
  mediaBox: [number, number, number, number];
  rotate: number;
}

export type OpenResult =
  | { kind: 'ok'; doc: PdfDocument; ownerPasswordOnly: boolean }
  | { kind: 'needsPassword' }
  | { kind: 'corrupt'; reason: string };

/** A read-only view of a PDF's objects: lazy, cached, bounded, cycle-safe. */
export class PdfDocument {
  private cache = new Map<number, PdfObj>();
  private resolving = new Set<number>();
  private objStreams = new Map<number, Promise<Map<number, PdfObj>>>();
  decrypt: Decryptor | null = null;
  /** Set when the xref had to be rebuilt by scanning: the file was damaged. */
  repaired = false;

  private constructor(
    readonly bytes: Uint8Array,
    private entries: Map<number, XrefEntry>,
    readonly trailer: PdfDict,
  ) {}

  /** Opens the file: xref (rebuilt if broken), trailer, encryption with the empty password. */
  static async open(bytes: Uint8Array): Promise<OpenResult> {
    const inflate = async (s: PdfStream) => (await decodeStream(s.dict, s.data, MAX_OBJSTM_BYTES)).data;
    let doc: PdfDocument;
    try {
      const x = await readXrefChain(bytes, inflate);
      doc = new PdfDocument(bytes, x.entries, x.trailer);
      // A table whose offsets miss their objects is as bad as none.
      const root = x.trailer.get('Root');
      if (!(root instanceof PdfRef) || !isDict(await doc.resolve(root))) throw new PdfStructureError('目录对象缺失');
    } catch {
      try {
        const x = reconstructXref(bytes);
        doc = new PdfDocument(bytes, x.entries, x.trailer);
        doc.repaired = true;
      } catch (e) {
        return { kind: 'corrupt', reason: e instanceof PdfStructureError ? e.message : '结构无法读取' };
      }
    }
    const enc = await doc.resolve(doc.trailer.get('Encrypt'));
    if (isDict(enc)) {
      const ids = doc.trailer.get('ID');
      const id0 = Array.isArray(ids) && ids[0] instanceof PdfString ? ids[0].bytes : new Uint8Array(0);
      const sec = await openSecurity(enc, id0);
      if (sec.kind === 'needsPassword') return { kind: 'needsPassword' };
      if (sec.kind === 'unsupported') return { kind: 'needsPassword' };
      doc.decrypt = sec.decrypt;
      return { kind: 'ok', doc, ownerPasswordOnly: true };
    }
    return { kind: 'ok', doc, ownerPasswordOnly: false };
  }

  /** Resolves references (chains of them too); anything unreadable resolves to null. */
  async resolve(o: PdfObj | undefined): Promise<PdfObj> {
    for (let hops = 0; o instanceof PdfRef && hops < 32; hops++) o = await this.fetch(o);
    return o instanceof PdfRef ? null : (o ?? null);
  }

  async resolveDict(o: PdfObj | undefined): Promise<PdfDict | undefined> {
    const r = await this.resolve(o);
    if (isDict(r)) return r;
    if (r instanceof PdfStream) return r.dict;
    return undefined;
  }

  private async fetch(ref: PdfRef): Promise<PdfObj> {
    if (this.cache.has(ref.num)) return this.cache.get(ref.num)!;
    if (this.resolving.has(ref.num)) return null; // a circular /Length or the like
    this.resolving.add(ref.num);
    let obj: PdfObj;
    try {
      obj = await this.load(ref);
    } catch {
      obj = null;
    } finally {
      this.resolving.delete(ref.num);
    }
    this.cache.set(ref.num, obj);
    return obj;
  }

  private async load(ref: PdfRef): Promise<PdfObj> {
    const e = this.entries.get(ref.num);
    if (!e) return this.repaired ? this.findInObjectStreams(ref.num) : null;
    if (e.type === 2) return (await this.objectStream(e.stream)).get(ref.num) ?? null;
    const { num, gen, obj, lexer } = readIndirectAt(this.bytes, e.offset);
    if (num !== ref.num) throw new PdfStructureError('对象位置错误');
    if (isDict(obj) && lexer.peekKeyword('stream')) {
      const lenObj = obj.get('Length');
      const len = lenObj instanceof PdfRef ? await this.resolve(lenObj) : lenObj;
      const body = streamBody(this.bytes, lexer, obj, isNum(len) ? len : undefined);
      return body ? new PdfStream(obj, body, new PdfRef(num, gen)) : obj;
    }
    return obj;
  }

  private objectStream(num: number): Promise<Map<number, PdfObj>> {
    let p = this.objStreams.get(num);
    if (!p) {
      p = this.loadObjectStream(num);
      this.objStreams.set(num, p);
    }
    return p;
  }

  private async loadObjectStream(num: number): Promise<Map<number, PdfObj>> {
    const out = new Map<number, PdfObj>();
    const s = await this.resolve(new PdfRef(num, 0));
    if (!(s instanceof PdfStream)) return out;
    const first = s.dict.get('First');
    const n = s.dict.get('N');
    if (!isNum(first) || !isNum(n) || n > MAX_OBJSTM_OBJECTS) return out;
    const { data } = await this.streamData(s, MAX_OBJSTM_BYTES);
    const lx = new Lexer(data);
    const heads: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const on = lx.readOrEnd(false);
      const off = lx.readOrEnd(false);
      if (!isNum(on) || !isNum(off)) break;
      heads.push([on, off]);
    }
    for (const [on, off] of heads) {
      try {
        const ol = new Lexer(data, first + off);
        out.set(on, ol.readObject());
      } catch {
        /* one bad object does not spoil the rest */
      }
    }
    return out;
  }

  private async findInObjectStreams(num: number): Promise<PdfObj> {
    for (const [n, e] of this.entries) {
      if (e.type !== 1) continue;
      const o = await this.resolve(new PdfRef(n, e.gen));
      if (o instanceof PdfStream && isName(o.dict.get('Type'), 'ObjStm')) {
        const m = await this.objectStream(n);
        if (m.has(num)) return m.get(num)!;
      }
    }
    return null;
  }

  /** A stream's raw body, decrypted when the file is encrypted (still encoded otherwise). */
  async rawStream(s: PdfStream): Promise<Uint8Array> {
    if (!this.decrypt || !s.ref || isName(s.dict.get('Type'), 'XRef')) return s.data;
    return this.decrypt(s.data, s.ref.num, s.ref.gen);
  }

  private decoded = new WeakMap<PdfStream, { limit: number; result: Promise<Decoded> }>();

  /** Like streamData, remembered: pages that share one content stream (or a bomb) decode it once. */
  cachedStreamData(s: PdfStream, limit: number): Promise<Decoded> {
    const hit = this.decoded.get(s);
    if (hit && hit.limit >= limit) return hit.result;
    const result = this.streamData(s, limit);
    this.decoded.set(s, { limit, result });
    return result;
  }

  /** A stream decoded through its filters, bounded to `limit` bytes. */
  async streamData(s: PdfStream, limit: number): Promise<Decoded> {
    return decodeStream(s.dict, await this.rawStream(s), limit);
  }

  /**
   * Walks the page tree, depth-first in page order, carrying inherited attributes. Cycles,
   * depth and size are bounded; `maxPages` stops collecting (the count keeps going from /Count).
   */
  async pages(maxPages: number): Promise<{ count: number; pages: PageRef[] }> {
    const catalog = await this.resolveDict(this.trailer.get('Root'));
    const root = catalog && (await this.resolveDict(catalog.get('Pages')));
    if (!root) throw new PdfStructureError('找不到页面树');
    const pages: PageRef[] = [];
    let count = 0;
    let nodes = 0;
    const seen = new Set<PdfDict>();
    const walk = async (
      node: PdfDict,
      ref: PdfRef | undefined,
      inh: Omit<PageRef, 'dict' | 'ref'>,
      depth: number,
    ): Promise<void> => {
      if (seen.has(node) || depth > MAX_TREE_DEPTH || ++nodes > MAX_TREE_NODES) return;
      seen.add(node);
      const res = await this.resolveDict(node.get('Resources'));
      const mb = await this.resolve(node.get('MediaBox'));
      const rot = await this.resolve(node.get('Rotate'));
      const here = {
        resources: res ?? inh.resources,
        mediaBox: box(mb) ?? inh.mediaBox,
        rotate: isNum(rot) ? (((Math.round(rot / 90) * 90) % 360) + 360) % 360 : inh.rotate,
      };
      const kids = await this.resolve(node.get('Kids'));
      const isPage = isName(node.get('Type'), 'Page') || (!Array.isArray(kids) && !isName(node.get('Type'), 'Pages'));
      if (isPage) {
        count++;
        if (pages.length < maxPages) pages.push({ dict: node, ref, ...here });
        return;
      }
      if (!Array.isArray(kids)) return;
      // Past what we collect, trust a subtree's /Count rather than visiting every leaf.
      for (const k of kids) {
        const kid = await this.resolveDict(k);
        if (!kid) continue;
        const kc = kid.get('Count');
        if (pages.length >= maxPages && isName(kid.get('Type'), 'Pages') && isNum(kc) && kc >= 0 && kc < 1e7) {
          count += kc;
          continue;
        }
        await walk(kid, k instanceof PdfRef ? k : undefined, here, depth + 1);
      }
    };
    await walk(root, undefined, { resources: new Map(), mediaBox: [0, 0, 595.28, 841.89], rotate: 0 }, 0);
    return { count, pages };
  }
}

function box(o: PdfObj): [number, number, number, number] | undefined {
  if (!Array.isArray(o) || o.length < 4 || !o.slice(0, 4).every(isNum)) return undefined;
  const [a, b, c, d] = o as number[];
  const x0 = Math.min(a!, c!),
    x1 = Math.max(a!, c!),
    y0 = Math.min(b!, d!),
    y1 = Math.max(b!, d!);
  return x1 - x0 > 1 && y1 - y0 > 1 ? [x0, y0, x1, y1] : undefined;
}
