/** PDF objects as the parser returns them (ISO 32000-1 §7.3). */
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
  /** PDFDocEncoding and UTF-16BE are close enough to Latin-1 for what preflight reads (digits). */
  text(): string {
    const b = this.bytes;
    if (b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return s;
  }
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}
/** An operator keyword in a content stream (or an unknown keyword elsewhere). */
export class PdfOp {
  constructor(readonly op: string) {}
}
export type PdfDict = Map<string, PdfObj>;
export class PdfStream {
  /** `data` is the raw (still encoded, maybe encrypted) stream body, a view into the file. */
  constructor(
    readonly dict: PdfDict,
    readonly data: Uint8Array,
    readonly ref?: PdfRef,
  ) {}
}
export type PdfObj = null | boolean | number | PdfName | PdfString | PdfRef | PdfObj[] | PdfDict | PdfStream | PdfOp;

export const isDict = (o: PdfObj | undefined): o is PdfDict => o instanceof Map;
export const isName = (o: PdfObj | undefined, name?: string): o is PdfName =>
  o instanceof PdfName && (name === undefined || o.name === name);
export const isNum = (o: PdfObj | undefined): o is number => typeof o === 'number' && Number.isFinite(o);

/** A problem with the file's structure, reported as `corrupt` with this Chinese reason. */
export class PdfStructureError extends Error {}
