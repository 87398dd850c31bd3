import type { ImageKind, PageImageFacts, PageStructureFacts } from '../../../shared/pdf/facts';
import type { PdfDocument, PageRef } from './document';
import { filterNames } from './filters';
import { Lexer } from './lexer';
import { isName, isNum, PdfName, PdfOp, PdfStream, PdfString, type PdfDict, type PdfObj } from './objects';

/** Content streams larger than this decoded are not a scan's: stop reading (bounded work). */
const MAX_CONTENT_BYTES = 2 << 20;
const MAX_OPS = 2_000_000;
const MAX_FORM_DEPTH = 8;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** An image drawn on a page, with what the decoder needs to find it. */
export interface PlacedImage extends PageImageFacts {
  stream: PdfStream;
  filters: string[];
  /** Size on the page in millimetres, along the image's own width and height. */
  placedWidthMm: number;
  placedHeightMm: number;
  /** Clockwise turn (0, 90, 180, 270) that shows the image's pixels the way the page displays them. */
  displayRotation: number;
}

export interface PageContent {
  facts: PageStructureFacts;
  images: PlacedImage[];
  /** Text of text-showing operators (simple fonts: byte → Latin-1), for the page-1 number. */
  text: string;
}

export function imageKind(filters: string[]): ImageKind {
  if (filters.length === 0) return 'raw';
  const last = filters[filters.length - 1];
  const rest = filters.slice(0, -1);
  const only = rest.length === 0;
  if (last === 'DCTDecode' || last === 'DCT') return only ? 'jpeg' : 'other';
  if (last === 'JPXDecode') return only ? 'jpx' : 'other';
  if (last === 'CCITTFaxDecode' || last === 'CCF') return only ? 'ccitt' : 'other';
  if (last === 'JBIG2Decode') return only ? 'jbig2' : 'other';
  if (last === 'FlateDecode' || last === 'Fl' || last === 'LZWDecode' || last === 'LZW') return 'flate';
  return 'other';
}

async function components(doc: PdfDocument, dict: PdfDict): Promise<number> {
  if (dict.get('ImageMask') === true) return 1;
  let cs = await doc.resolve(dict.get('ColorSpace'));
  if (Array.isArray(cs)) {
    const family = cs[0];
    if (isName(family, 'ICCBased')) {
      const icc = await doc.resolveDict(cs[1]);
      const n = icc?.get('N');
      return isNum(n) ? n : 3;
    }
    if (isName(family, 'Indexed') || isName(family, 'Separation')) return 1;
    if (isName(family, 'DeviceN')) return Array.isArray(cs[1]) ? cs[1].length : 1;
    cs = family ?? null;
  }
  if (isName(cs)) {
    if (cs.name === 'DeviceGray' || cs.name === 'G' || cs.name === 'CalGray') return 1;
    if (cs.name === 'DeviceCMYK' || cs.name === 'CMYK') return 4;
    return 3;
  }
  // JPX and JPEG carry their own colour space.
  return 3;
}

/**
 * Reads a page's content streams (and the forms they draw) for what preflight needs: where images
 * sit and how large, whether text is drawn visibly, whether paths are painted.
 */
export async function readPageContent(doc: PdfDocument, page: PageRef, pageNo: number): Promise<PageContent> {
  const [x0, y0, x1, y1] = page.mediaBox;
  const wPt = x1 - x0,
    hPt = y1 - y0;
  const sideways = page.rotate === 90 || page.rotate === 270;
  const facts: PageStructureFacts = {
    page: pageNo,
    widthPt: sideways ? hPt : wPt,
    heightPt: sideways ? wPt : hPt,
    images: [],
    visibleTextOps: 0,
    invisibleTextOps: 0,
    vectorOps: 0,
    contentUnreadable: false,
  };
  const images: PlacedImage[] = [];
  const textParts: string[] = [];
  const pageArea = wPt * hPt;
  let ops = 0;

  const run = async (data: Uint8Array, resources: PdfDict, ctm0: Matrix, depth: number, seenForms: Set<PdfStream>) => {
    const lx = new Lexer(data);
    const stack: Matrix[] = [];
    let ctm = ctm0;
    let renderMode = 0;
    let operands: PdfObj[] = [];
    const xobjects = await doc.resolveDict(resources.get('XObject'));
    for (;;) {
      let o: PdfObj | undefined;
      try {
        o = lx.readOrEnd(true);
      } catch {
        facts.contentUnreadable = true;
        return;
      }
      if (o === undefined) return;
      if (!(o instanceof PdfOp)) {
        if (operands.length < 64) operands.push(o);
        continue;
      }
      if (++ops > MAX_OPS) {
        facts.contentUnreadable = true;
        return;
      }
      switch (o.op) {
        case 'q':
          if (stack.length < 256) stack.push(ctm);
          break;
        case 'Q':
          ctm = stack.pop() ?? ctm;
          break;
        case 'cm':
          if (operands.length === 6 && operands.every(isNum)) ctm = mul(operands as Matrix, ctm);
          break;
        case 'Tr':
          if (isNum(operands[0])) renderMode = operands[0];
          break;
        case 'Tj':
        case "'":
        case '"':
        case 'TJ': {
          if (renderMode === 3) facts.invisibleTextOps++;
          else facts.visibleTextOps++;
          for (const x of operands.flat()) if (x instanceof PdfString) textParts.push(x.text());
          break;
        }
        case 'ET':
          textParts.push(' ');
          break;
        case 'S':
        case 's':
        case 'f':
        case 'F':
        case 'f*':
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
        case 'sh':
          facts.vectorOps++;
          break;
        case 'BI': {
          // Inline image: skip to EI; count it as a small raw image where it is placed.
          const end = findEI(data, lx.pos);
          lx.pos = end;
          const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
          facts.images.push({
            kind: 'raw',
            width: 0,
            height: 0,
            components: 1,
            coverage: Math.min(1, area / pageArea),
            dpi: 0,
          });
          break;
        }
        case 'Do': {
          const name = operands[0];
          if (!(name instanceof PdfName) || !xobjects) break;
          const x = await doc.resolve(xobjects.get(name.name));
          if (!(x instanceof PdfStream)) break;
          const sub = x.dict.get('Subtype');
          if (isName(sub, 'Image')) {
            const w = await doc.resolve(x.dict.get('Width'));
            const h = await doc.resolve(x.dict.get('Height'));
            if (!isNum(w) || !isNum(h)) break;
            const filters = filterNames(x.dict);
            const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
            const sx = Math.hypot(ctm[0], ctm[1]) / 72,
              sy = Math.hypot(ctm[2], ctm[3]) / 72;
            const dpi = sx > 0 && sy > 0 ? Math.min(w / sx, h / sy) : 0;
            const img: PlacedImage = {
              kind: imageKind(filters),
              width: w,
              height: h,
              components: await components(doc, x.dict),
              coverage: Math.min(1, area / pageArea),
              dpi,
              stream: x,
              filters,
              placedWidthMm: sx * 25.4,
              placedHeightMm: sy * 25.4,
              displayRotation: displayRotation(ctm, page.rotate),
            };
            images.push(img);
            facts.images.push({
              kind: img.kind,
              width: w,
              height: h,
              components: img.components,
              coverage: img.coverage,
              dpi,
            });
          } else if (isName(sub, 'Form') && depth < MAX_FORM_DEPTH && !seenForms.has(x)) {
            const m = await doc.resolve(x.dict.get('Matrix'));
            const fm: Matrix = Array.isArray(m) && m.length === 6 && m.every(isNum) ? (m as Matrix) : IDENTITY;
            const fres = (await doc.resolveDict(x.dict.get('Resources'))) ?? resources;
            const { data: fdata, truncated } = await doc.cachedStreamData(x, MAX_CONTENT_BYTES);
            if (truncated) facts.contentUnreadable = true;
            seenForms.add(x);
            await run(fdata, fres, mul(fm, ctm), depth + 1, seenForms);
            seenForms.delete(x);
          }
          break;
        }
      }
      operands = [];
    }
  };

  const contents = await doc.resolve(page.dict.get('Contents'));
  const parts = Array.isArray(contents) ? contents : [contents];
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (const c of parts.slice(0, 1000)) {
    const s = await doc.resolve(c);
    if (!(s instanceof PdfStream)) continue;
    const { data, truncated, broken } = await doc.cachedStreamData(s, MAX_CONTENT_BYTES - total);
    if (truncated || broken) facts.contentUnreadable = true;
    chunks.push(data, Uint8Array.of(10));
    total += data.length + 1;
    if (total >= MAX_CONTENT_BYTES) break;
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  // The page's own space: media box origin moved to 0,0 (rotation does not change areas).
  await run(all, page.resources, [1, 0, 0, 1, -x0, -y0], 0, new Set());
  return { facts, images, text: textParts.join('') };
}

/** Image space row 0 is the top: its "up" is the CTM's second column. */
function displayRotation(ctm: Matrix, pageRotate: number): number {
  const up = (Math.atan2(ctm[3], ctm[2]) * 180) / Math.PI;
  const cw = Math.round((90 - up) / 90) * 90 + pageRotate;
  return ((cw % 360) + 360) % 360;
}

function findEI(data: Uint8Array, from: number): number {
  for (let i = from; i + 2 < data.length; i++) {
    if (
      data[i] === 0x45 &&
      data[i + 1] === 0x49 &&
      (i === 0 || isSpace(data[i - 1]!)) &&
      (i + 2 >= data.length || isSpace(data[i + 2]!))
    )
      return i + 2;
  }
  return data.length;
}
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0;
