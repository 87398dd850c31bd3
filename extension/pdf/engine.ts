import type { LocalRule } from '../../shared/api/localRules';
import { toHex } from '../../shared/bytes';
import type { NumberFacts, PagePixelFacts, PreflightFacts } from '../../shared/pdf/facts';
import { isHugeImage } from '../../shared/pdf/fileRules';
import { judge, judgeQuick } from '../../shared/pdf/judge';
import { extractDevNumber } from '../../shared/pdf/numberRules';
import { isEmptyStructure, isNotScanned } from '../../shared/pdf/pageRules';
import { EXPECTED_PAGES, MAX_ANALYSED_PAGES } from '../../shared/pdf/thresholds';
import type { ContentReport, OrdinaryOcr, PreflightEvent, PreflightReport } from '../../shared/pdf/types';
import type { Raster } from './analysis/raster';
import { contentStage, type ContentSource } from './content/run';
import { browserDecodable, jpegInfo } from './jpeg';
import { readDigits } from './ocr';
import { readPageContent, type PageContent, type PlacedImage } from './parser/content';
import type { PdfDocument } from './parser/document';
import type { PdfjsSession } from './pdfjsPages';
import { PagePool } from './pool';
import { readFileFacts } from './quick';
import { ANALYSIS_SHORT_SIDE, OCR_SCALE, type OcrCrop, type PageJobResult } from './worker/protocol';

export type ParsedRequest = {
  bytes: ArrayBuffer;
  fileName: string;
  member?: { devNumber?: string; joinedOn?: string; name?: string; birthDate?: string };
  options?: {
    expectedPages?: number;
    skipNumber?: boolean;
    includeFacts?: boolean;
    skipContent?: boolean;
    ordinaryOcr?: OrdinaryOcr;
    localRules?: LocalRule[];
  };
};

/** A check's picture report, and — when the form is to be read — the content stage to run after it. */
export interface PreflightRun {
  report: PreflightReport;
  /** `superseded` is asked before each page: a newer file's reading makes this one's pointless. */
  content?: (emit: (e: PreflightEvent) => void, superseded: () => boolean) => Promise<ContentReport>;
}

export const pool = new PagePool();

/** The fast path takes a page's scan when one JPEG covers most of the page. */
function fastImage(c: PageContent): PlacedImage | undefined {
  const main = c.images.reduce<PlacedImage | undefined>((a, b) => (!a || b.coverage > a.coverage ? b : a), undefined);
  if (!main || main.kind !== 'jpeg') return undefined;
  if (c.images.length > 1 && main.coverage < 0.5) return undefined;
  // A /Decode array, a soft mask or CMYK changes what the pixels mean: pdf.js draws those right.
  if (main.components === 4 || main.stream.dict.has('Decode') || main.stream.dict.has('SMask')) return undefined;
  return main;
}

/**
 * Runs every check on one file. Quick facts first (structure only), then each page's pixels in
 * the page workers — JPEG scans decoded at analysis size, anything else rendered by pdf.js —
 * and page 1's number, by text layer or OCR. `emit` gets progress; the report comes back.
 */
export async function runPreflight(req: ParsedRequest, emit: (e: PreflightEvent) => void): Promise<PreflightRun> {
  const t0 = performance.now();
  const bytes = new Uint8Array(req.bytes);
  const expectedPages = req.options?.expectedPages ?? EXPECTED_PAGES;
  // Pixels of a few pages past the expected count are worth a look (a duplicate, a blank); of
  // thousands, not: the count fails the file anyway.
  const quick = await readFileFacts(bytes, Math.min(MAX_ANALYSED_PAGES, expectedPages + 4));
  const quickMs = performance.now() - t0;
  const q = judgeQuick({ file: quick.file, expectedPages });
  emit({ kind: 'quick', verdict: q.verdict, issues: q.issues, pages: quick.file.pageCount, ms: quickMs });

  const facts: PreflightFacts = {
    fileName: req.fileName,
    file: quick.file,
    sha256: '',
    structure: [],
    pixels: [],
    uncheckedPages: 0,
    brokenPages: [],
    expectedPages,
    thumbnails: [],
    ms: { quick: quickMs, total: 0 },
    ...(req.member ? { member: req.member } : {}),
  };

  let shaP: Promise<ArrayBuffer> | undefined;
  let sources: ContentSource[] = [];
  if (quick.doc && quick.file.pageCount) {
    const doc = quick.doc;
    facts.uncheckedPages = Math.max(0, quick.file.pageCount - quick.pages.length);
    const contents: PageContent[] = [];
    for (let i = 0; i < quick.pages.length; i++) contents.push(await readPageContent(doc, quick.pages[i]!, i + 1));
    facts.structure = contents.map((c) => c.facts);
    emit({ kind: 'progress', stage: 'pages', done: 0, total: contents.length, ms: performance.now() - t0 });
    const wantNumber = !req.options?.skipNumber;
    // Page 1's number is read while the other pages are still being analysed.
    let numberP: Promise<NumberFacts> | undefined;
    const page1 = contents[0];
    const startNumber = (ocr: OcrCrop | undefined) => {
      if (wantNumber && page1 && !numberP) numberP = readNumber(page1, ocr, req.member?.devNumber, bytes);
    };
    const { pixels, ocr, readable } = await analysePages(
      doc,
      bytes,
      contents,
      facts,
      wantNumber,
      startNumber,
      (done) => emit({ kind: 'progress', stage: 'pages', done, total: contents.length, ms: performance.now() - t0 }),
      // Hashing the whole file holds this thread for a while: not before the pages are on their way.
      () => (shaP ??= crypto.subtle.digest('SHA-256', bytes)),
    );
    facts.pixels = pixels;
    sources = readable;
    facts.ms.pages = performance.now() - t0;
    startNumber(ocr);
    if (numberP) {
      emit({ kind: 'progress', stage: 'number', done: 0, total: 1, ms: performance.now() - t0 });
      facts.number = await numberP;
      facts.ms.number = performance.now() - t0;
    }
  }
  facts.sha256 = toHex(await (shaP ??= crypto.subtle.digest('SHA-256', bytes)));
  facts.ms.total = performance.now() - t0;
  const report = judge(facts);
  report.ms.total = performance.now() - t0;
  if (req.options?.includeFacts) {
    const { thumbnails: _t, ...rest } = facts;
    report.facts = rest;
  }
  if (req.options?.skipContent || sources.length === 0 || report.pages === null) return { report };
  report.contentPending = true;
  const pageCount = Math.min(report.pages ?? 0, quick.pages.length);
  return { report, content: contentStage(req, report.issues, { sources, pageCount, bytes, since: t0 }) };
}

async function analysePages(
  doc: PdfDocument,
  bytes: Uint8Array,
  contents: PageContent[],
  facts: PreflightFacts,
  wantNumber: boolean,
  onOcr: (crop: OcrCrop) => void,
  onDone: (n: number) => void,
  onDispatched: () => void,
): Promise<{ pixels: (PagePixelFacts | null)[]; ocr?: OcrCrop; readable: ContentSource[] }> {
  const pixels: (PagePixelFacts | null)[] = contents.map(() => null);
  // Pages whose picture the content reader may read after the picture report, and how.
  const readable: ContentSource[] = [];
  const shortSideMm = (c: PageContent) => (Math.min(c.facts.widthPt, c.facts.heightPt) / 72) * 25.4;
  const thumbs: string[] = contents.map(() => '');
  let ocr: OcrCrop | undefined;
  let done = 0;
  let pdfjs: Promise<PdfjsSession> | undefined;
  const session = () => (pdfjs ??= import('./pdfjsPages').then((m) => m.openPdfjs(bytes)));

  const accept = (c: PageContent, r: PageJobResult): boolean => {
    if (!r.ok) return false;
    pixels[c.facts.page - 1] = { page: c.facts.page, ...r.measures };
    thumbs[c.facts.page - 1] = r.thumbnail;
    (facts.ms.decode ??= []).push(Math.round(r.ms));
    (facts.ms.analysis ??= []).push(Math.round(r.analysisMs));
    if (r.ocr) {
      ocr = r.ocr;
      onOcr(r.ocr);
    }
    onDone(++done);
    return true;
  };

  const viaPdfjs = async (c: PageContent) => {
    try {
      const s = await session();
      const isFirst = c.facts.page === 1 && wantNumber;
      const big = await s.render(c.facts.page - 1, ANALYSIS_SHORT_SIDE * (isFirst ? OCR_SCALE : 1));
      const raster = isFirst ? downscale(big, OCR_SCALE) : big;
      const pxPerMm = ANALYSIS_SHORT_SIDE / ((Math.min(c.facts.widthPt, c.facts.heightPt) / 72) * 25.4);
      const transfer = [raster.data.buffer as ArrayBuffer, ...(isFirst ? [big.data.buffer as ArrayBuffer] : [])];
      const r = await pool.run({ kind: 'raster', raster, pxPerMm, ...(isFirst ? { ocrRaster: big } : {}) }, transfer);
      if (!accept(c, r)) facts.brokenPages!.push(c.facts.page);
      else readable.push({ page: c.facts.page, kind: 'pdfjs', shortSideMm: shortSideMm(c) });
    } catch {
      facts.brokenPages!.push(c.facts.page);
    }
  };

  const slow: PageContent[] = [];
  const jobs: Promise<void>[] = [];
  const scans = new Map<number, Uint8Array>();
  for (const c of contents) {
    const s = c.facts;
    if (s.images.length === 0 || isEmptyStructure(s) || isNotScanned(s)) continue;
    if (s.images.some(isHugeImage)) continue;
    const img = fastImage(c);
    if (!img) {
      if (c.images.some((i) => isHugeImage(i))) continue;
      slow.push(c);
      continue;
    }
    const raw = await doc.rawStream(img.stream);
    const info = jpegInfo(raw);
    if (info && isHugeImage(info)) {
      // The header says more than the dictionary: believe the larger, decode nothing.
      const f = s.images.find((i) => i.width === img.width && i.height === img.height);
      if (f) Object.assign(f, { width: info.width, height: info.height });
      continue;
    }
    if (info && !browserDecodable(info)) {
      // 12-bit, arithmetic-coded or CMYK JPEG: valid, but not for the browser's decoder.
      slow.push(c);
      continue;
    }
    scans.set(s.page, raw);
    // A copy is moved to the worker at each sending: if a worker is replaced, the page goes to another.
    const job = pool
      .run(() => {
        const bytes = raw.slice().buffer;
        return {
          job: {
            kind: 'jpeg',
            bytes,
            rotate: img.displayRotation,
            shortSideMm: Math.min(img.placedWidthMm, img.placedHeightMm),
            ocr: wantNumber && s.page === 1,
          },
          transfer: [bytes],
        };
      })
      .then((r) => {
        // Chromium's JPEG decoder reads damaged data as far as it goes; when it gives up, the image
        // is broken (pdf.js would draw the page without it, and it would look blank).
        if (!accept(c, r)) facts.brokenPages!.push(c.facts.page);
        else
          readable.push({
            page: s.page,
            kind: 'jpeg',
            raw,
            rotate: img.displayRotation,
            shortSideMm: Math.min(img.placedWidthMm, img.placedHeightMm),
          });
      });
    jobs.push(job);
  }
  // pdf.js pages one at a time: its own worker is single-threaded anyway.
  const slowDone = (async () => {
    for (const c of slow) await viaPdfjs(c);
  })();
  onDispatched();
  const digests = await sameScanDigests(scans);
  await Promise.all([...jobs, slowDone]);
  for (const [page, digest] of digests) {
    const p = pixels[page - 1];
    if (p) p.imageDigest = digest;
  }
  if (pdfjs) (await pdfjs.catch(() => null))?.close().catch(() => {});
  // Index = page − 1; '' for a page without a picture (typed, empty, unreadable).
  facts.thumbnails = thumbs;
  readable.sort((a, b) => a.page - b.page);
  return { pixels, ...(ocr ? { ocr } : {}), readable };
}

/**
 * Digests of the scans that could be the very same picture twice: only streams of equal length
 * can be, and on a real form there are none, so usually nothing is hashed.
 */
async function sameScanDigests(scans: Map<number, Uint8Array>): Promise<Map<number, string>> {
  const byLength = new Map<number, number[]>();
  for (const [page, raw] of scans)
    (byLength.get(raw.length) ?? byLength.set(raw.length, []).get(raw.length)!).push(page);
  const out = new Map<number, string>();
  for (const pages of byLength.values()) {
    if (pages.length < 2) continue;
    for (const page of pages)
      out.set(page, toHex(await crypto.subtle.digest('SHA-256', scans.get(page)! as Uint8Array<ArrayBuffer>)));
  }
  return out;
}

function downscale(r: Raster, factor: number): Raster {
  const c = new OffscreenCanvas(r.width, r.height);
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(r.data), r.width, r.height), 0, 0);
  const w = Math.round(r.width / factor),
    h = Math.round(r.height / factor);
  const d = new OffscreenCanvas(w, h);
  const ctx = d.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(c, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  c.width = c.height = d.width = d.height = 0;
  return { width: w, height: h, data };
}

/** Greyscale PGM → thresholded copy (Otsu): a second, independent OCR read. */
function binarised(crop: OcrCrop): Uint8Array {
  const headerEnd = crop.pgm.length - crop.width * crop.height;
  const px = crop.pgm.subarray(headerEnd);
  const hist = new Array<number>(256).fill(0);
  for (const v of px) hist[v]!++;
  const total = px.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0,
    wB = 0,
    best = 0,
    threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB,
      mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  const out = new Uint8Array(crop.pgm);
  for (let i = headerEnd; i < out.length; i++) out[i] = out[i]! <= threshold ? 0 : 255;
  return out;
}

async function readNumber(
  page1: PageContent,
  ocr: OcrCrop | undefined,
  memberNumber: string | undefined,
  bytes: Uint8Array,
): Promise<NumberFacts> {
  const reads: NumberFacts['reads'] = [];
  if (page1.facts.visibleTextOps + page1.facts.invisibleTextOps > 0) {
    let value = extractDevNumber(page1.text);
    if (!value) {
      // Type0 fonts (scan apps' OCR layers) need their CMaps: let pdf.js read the text.
      try {
        const s = await (await import('./pdfjsPages')).openPdfjs(bytes);
        value = extractDevNumber(await s.text(0));
        await s.close();
      } catch {
        /* no text after all */
      }
    }
    if (value) return { reads: [{ value, source: 'text' }] };
  }
  if (!ocr) return { reads: [{ value: null, source: 'ocr' }] };
  try {
    const first = extractDevNumber(await readDigits(ocr.pgm, 'block'));
    reads.push({ value: first, source: 'ocr' });
    // A read that agrees with the member needs no second opinion; anything else gets one.
    if (!first || first !== memberNumber)
      reads.push({ value: extractDevNumber(await readDigits(binarised(ocr), 'sparse')), source: 'ocr' });
  } catch {
    reads.push({ value: null, source: 'ocr' });
  }
  return { reads };
}
