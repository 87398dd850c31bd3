/**
 * A feeder scanner's class scan: many 12-page forms in one long PDF. It is cut every 12 pages;
 * each part's cover is read for its 发展团员编号 with the engine's own page-1 number reader
 * (the same crop, the same OCR, the same digit rule) and matched to the members of the list,
 * for the admin to confirm before anything goes to any member's upload.
 */
import { PDFDocument } from 'pdf-lib';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import { extractDevNumber } from '../../shared/pdf/numberRules';
import { EXPECTED_PAGES } from '../../shared/pdf/thresholds';
import { renderPage } from './naive';
import { fixPool } from './pool';
import type { ListMember, Progress } from './protocol';
import { scanPdf } from './scan';

export interface Part {
  /** 1-based, inclusive. */
  from: number;
  to: number;
  /** The number read from the part's cover, or null. */
  number: string | null;
}

export interface Match {
  member: ListMember | null;
  /** exact: the number read is the member's; close: one or two digits differ (OCR); none. */
  how: 'exact' | 'close' | 'none';
}

export type DigitReader = (pgm: Uint8Array, mode: 'block' | 'sparse') => Promise<string>;

/** The parts of a long scan, every `formPages` pages; a shorter last part is kept (and named). */
export function partsOf(pages: number, formPages = EXPECTED_PAGES): Omit<Part, 'number'>[] {
  const out: Omit<Part, 'number'>[] = [];
  for (let from = 1; from <= pages; from += formPages) out.push({ from, to: Math.min(pages, from + formPages - 1) });
  return out;
}

const digitsApart = (a: string, b: string) => {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
};

/** Each part's member by the number on its cover: exact, or the one member within two digits. */
export function matchParts(parts: readonly Part[], members: readonly ListMember[]): Match[] {
  const numbered = members.filter((m) => m.devNumber);
  return parts.map((p) => {
    if (!p.number) return { member: null, how: 'none' };
    const exact = numbered.find((m) => normaliseDevNumber(m.devNumber!) === p.number);
    if (exact) return { member: exact, how: 'exact' };
    const near = numbered.filter((m) => digitsApart(normaliseDevNumber(m.devNumber!), p.number!) <= 2);
    return near.length === 1 ? { member: near[0]!, how: 'close' } : { member: null, how: 'none' };
  });
}

/** Reads each part's cover number: the top strip at the engine's OCR scale, digits only. */
export async function readParts(
  input: Uint8Array,
  readDigits: DigitReader,
  progress: Progress = () => {},
  formPages = EXPECTED_PAGES,
): Promise<Part[]> {
  const scanned = await scanPdf(input, 5000);
  const parts = partsOf(scanned.pages.length, formPages);
  let done = 0;
  progress('识别封面编号', 0, parts.length);
  // One OCR engine: its reads (and the mode each sets) go one after another.
  let ocrChain: Promise<unknown> = Promise.resolve();
  const read = (pgm: Uint8Array, mode: 'block' | 'sparse') => {
    const r = ocrChain.then(() => readDigits(pgm, mode));
    ocrChain = r.catch(() => '');
    return r;
  };
  // Crops are made two at a time in the workers; OCR reads them one by one as they come.
  return Promise.all(
    parts.map(async (part) => {
      const cover = scanned.pages[part.from - 1]!;
      const m = cover.main;
      const jpeg =
        m && m.kind === 'jpeg' && cover.images.length === 1
          ? { bytes: (await scanned.raw(m)).slice().buffer, rotate: m.displayRotation }
          : {
              bytes: (await renderPage(input, part.from - 1, Math.min(cover.widthPt, cover.heightPt) / 72, 150, 0.92))
                .bytes,
              rotate: 0,
            };
      const crop = await fixPool.must({ kind: 'coverCrop', bytes: jpeg.bytes, rotate: jpeg.rotate, shortSideMm: 210 }, [
        jpeg.bytes,
      ]);
      const pgm = new Uint8Array(crop.bytes);
      let number = extractDevNumber(await read(pgm, 'block'));
      if (!number) number = extractDevNumber(await read(pgm.slice(), 'sparse'));
      progress('识别封面编号', ++done, parts.length);
      return { ...part, number };
    }),
  );
}

/** The parts as separate PDFs, pages copied untouched. */
export async function cutParts(
  input: Uint8Array,
  parts: readonly Pick<Part, 'from' | 'to'>[],
  progress: Progress = () => {},
): Promise<Uint8Array[]> {
  const src = await PDFDocument.load(input, { updateMetadata: false });
  const out: Uint8Array[] = [];
  for (const [i, p] of parts.entries()) {
    const doc = await PDFDocument.create();
    const pages = await doc.copyPages(
      src,
      Array.from({ length: p.to - p.from + 1 }, (_, k) => p.from - 1 + k),
    );
    for (const page of pages) doc.addPage(page);
    out.push(await doc.save());
    progress('拆分文件', i + 1, parts.length);
  }
  return out;
}
