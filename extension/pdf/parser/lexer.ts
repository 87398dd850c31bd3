import { PdfName, PdfOp, PdfRef, PdfString, PdfStructureError, type PdfDict, type PdfObj } from './objects';

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

/** Nesting deeper than this is hostile, not a form: refuse it rather than recurse. */
export const MAX_DEPTH = 64;
/** A single string or name longer than this is not something preflight needs. */
const MAX_TOKEN = 1 << 20;

const END_ARRAY = Symbol('end-array');
const END_DICT = Symbol('end-dict');
const EOF = Symbol('eof');
type Raw = PdfObj | typeof END_ARRAY | typeof END_DICT | typeof EOF;

/** A bounded tokenizer and object parser over the file's bytes (ISO 32000-1 §7.2–7.3). */
export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (WS[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  /** Reads one object; `allowOps` lets content-stream operators through as PdfOp. */
  readObject(depth = 0, allowOps = false): PdfObj {
    const o = this.readRaw(depth, allowOps);
    if (o === EOF) throw new PdfStructureError('文件意外结束');
    if (o === END_ARRAY || o === END_DICT) throw new PdfStructureError('括号不匹配');
    return o;
  }

  /** Like readObject but answers undefined at the end of the data (content streams). */
  readOrEnd(allowOps = true): PdfObj | undefined {
    const o = this.readRaw(0, allowOps);
    if (o === EOF) return undefined;
    if (o === END_ARRAY || o === END_DICT) return new PdfOp(o === END_ARRAY ? ']' : '>>');
    return o;
  }

  private readRaw(depth: number, allowOps: boolean): Raw {
    if (depth > MAX_DEPTH) throw new PdfStructureError('对象嵌套过深');
    this.skipSpace();
    if (this.pos >= this.end) return EOF;
    const b = this.bytes;
    const c = b[this.pos]!;
    switch (c) {
      case 0x5b /* [ */: {
        this.pos++;
        const arr: PdfObj[] = [];
        for (;;) {
          const o = this.readRaw(depth + 1, allowOps);
          if (o === END_ARRAY) return arr;
          if (o === EOF) throw new PdfStructureError('数组未结束');
          if (o === END_DICT) throw new PdfStructureError('括号不匹配');
          arr.push(o);
        }
      }
      case 0x5d /* ] */:
        this.pos++;
        return END_ARRAY;
      case 0x3c /* < */:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return this.readDict(depth, allowOps);
        }
        return this.readHexString();
      case 0x3e /* > */:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return END_DICT;
        }
        this.pos++;
        return this.readRaw(depth, allowOps);
      case 0x28 /* ( */:
        return this.readLiteralString();
      case 0x2f /* / */:
        return this.readName();
      case 0x7b:
      case 0x7d:
      case 0x29:
        this.pos++;
        return allowOps ? new PdfOp(String.fromCharCode(c)) : this.readRaw(depth, allowOps);
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.readNumberOrRef(allowOps);
    const word = this.readWord();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfOp(word);
  }

  private readDict(depth: number, allowOps: boolean): PdfDict {
    const dict: PdfDict = new Map();
    for (;;) {
      const k = this.readRaw(depth + 1, allowOps);
      if (k === END_DICT) return dict;
      if (k === EOF) throw new PdfStructureError('字典未结束');
      if (!(k instanceof PdfName)) {
        // Tolerate junk keys the way viewers do: skip them.
        if (k === END_ARRAY) throw new PdfStructureError('括号不匹配');
        continue;
      }
      const v = this.readRaw(depth + 1, allowOps);
      if (v === END_DICT) {
        dict.set(k.name, null);
        return dict;
      }
      if (v === EOF) throw new PdfStructureError('字典未结束');
      if (v === END_ARRAY) throw new PdfStructureError('括号不匹配');
      dict.set(k.name, v);
    }
  }

  private readWord(): string {
    const b = this.bytes;
    const start = this.pos;
    while (this.pos < this.end && !WS[b[this.pos]!] && !DELIM[b[this.pos]!]) this.pos++;
    if (this.pos === start) this.pos++; // a stray delimiter byte: move on
    let s = '';
    for (let i = start; i < this.pos && i - start < 64; i++) s += String.fromCharCode(b[i]!);
    return s;
  }

  private readNumber(): number | undefined {
    const b = this.bytes;
    const start = this.pos;
    let s = '';
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2e || ((c === 0x2b || c === 0x2d) && this.pos === start)) {
        if (this.pos - start < 40) s += String.fromCharCode(c);
        this.pos++;
      } else break;
    }
    const n = Number(s.startsWith('.') || s.startsWith('-.') ? s.replace('.', '0.') : s);
    return Number.isFinite(n) ? n : s === '-' || s === '+' || s === '.' ? 0 : undefined;
  }

  private readNumberOrRef(allowOps: boolean): PdfObj {
    const n = this.readNumber() ?? 0;
    if (allowOps || !Number.isInteger(n) || n < 0) return n;
    // "12 0 R": look ahead without consuming when it is not a reference.
    const save = this.pos;
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c !== undefined && c >= 0x30 && c <= 0x39) {
      const gen = this.readNumber();
      this.skipSpace();
      if (gen !== undefined && Number.isInteger(gen) && b[this.pos] === 0x52 /* R */) {
        const after = b[this.pos + 1];
        if (after === undefined || WS[after] || DELIM[after]) {
          this.pos++;
          return new PdfRef(n, gen);
        }
      }
    }
    this.pos = save;
    return n;
  }

  private readName(): PdfName {
    const b = this.bytes;
    this.pos++;
    let s = '';
    while (this.pos < this.end && !WS[b[this.pos]!] && !DELIM[b[this.pos]!]) {
      let c = b[this.pos]!;
      if (c === 0x23 /* # */ && this.pos + 2 < this.end) {
        const h = parseInt(String.fromCharCode(b[this.pos + 1]!, b[this.pos + 2]!), 16);
        if (Number.isFinite(h)) {
          c = h;
          this.pos += 2;
        }
      }
      if (s.length < 256) s += String.fromCharCode(c);
      this.pos++;
    }
    return new PdfName(s);
  }

  private readHexString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let hi = -1;
    while (this.pos < this.end && b[this.pos] !== 0x3e) {
      const c = b[this.pos++]!;
      const v =
        c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
      if (v < 0) continue;
      if (hi < 0) hi = v;
      else {
        if (out.length < MAX_TOKEN) out.push((hi << 4) | v);
        hi = -1;
      }
    }
    if (hi >= 0) out.push(hi << 4);
    this.pos++;
    return new PdfString(Uint8Array.from(out));
  }

  private readLiteralString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let nest = 1;
    while (this.pos < this.end) {
      let c = b[this.pos++]!;
      if (c === 0x28) nest++;
      else if (c === 0x29 && --nest === 0) break;
      else if (c === 0x5c /* \ */) {
        const e = b[this.pos++];
        if (e === undefined) break;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (map[e] !== undefined) c = map[e]!;
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
            v = v * 8 + (b[this.pos++]! - 0x30);
          c = v & 0xff;
        } else if (e === 10 || e === 13) {
          if (e === 13 && b[this.pos] === 10) this.pos++;
          continue;
        } else c = e;
      }
      if (out.length < MAX_TOKEN) out.push(c);
    }
    return new PdfString(Uint8Array.from(out));
  }

  /** True when the next bytes spell `word` followed by a delimiter or whitespace. */
  peekKeyword(word: string): boolean {
    this.skipSpace();
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    const after = this.bytes[this.pos + word.length];
    return after === undefined || !!WS[after] || !!DELIM[after];
  }
}
