/**
 * The slow path: pdf.js renders a page (decoding its pictures at full size, whatever their
 * kind) and the rendering is encoded as one JPEG. Used for pages whose scan is not a JPEG, and
 * for the whole file as the benchmark's baseline against the fast path.
 */
import { PDFDocument, PDFName, PDFRef, degrees, type PDFPage } from 'pdf-lib';
import { LOW_DPI_WARN } from '../../shared/pdf/thresholds';
import type { PdfjsSession } from '../pdf/pdfjsPages';
import { fixPool } from './pool';
import type { FixOptions, FixStats, Progress } from './protocol';
import type { ScannedPage } from './scan';

const sessions = new WeakMap<Uint8Array, Promise<PdfjsSession>>();
const session = (input: Uint8Array) => {
  let s = sessions.get(input);
  // pdf.js loads only when a file needs it.
  if (!s) sessions.set(input, (s = import('../pdf/pdfjsPages').then((m) => m.openPdfjs(input))));
  return s;
};

/** One page rendered at `dpi` and encoded as JPEG. */
export async function renderPage(
  input: Uint8Array,
  pageIndex: number,
  shortSideIn: number,
  dpi: number,
  quality: number,
) {
  const s = await session(input);
  const raster = await s.render(pageIndex, Math.round(shortSideIn * dpi));
  const pixels = raster.data.buffer as ArrayBuffer;
  return fixPool.must({ kind: 'encode', pixels, width: raster.width, height: raster.height, quality }, [pixels]);
}

/** Makes `page` show only a picture filling it, upright, at its displayed size. */
export function setPageImage(pdf: PDFDocument, p: PDFPage, imageRef: PDFRef, widthPt: number, heightPt: number): void {
  p.setRotation(degrees(0));
  p.setMediaBox(0, 0, widthPt, heightPt);
  for (const box of ['CropBox', 'TrimBox', 'BleedBox', 'ArtBox']) p.node.delete(PDFName.of(box));
  const content = pdf.context.stream(`q ${widthPt.toFixed(2)} 0 0 ${heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`);
  p.node.set(PDFName.of('Contents'), pdf.context.register(content));
  p.node.set(PDFName.of('Resources'), pdf.context.obj({ XObject: { Im0: imageRef } }));
}

/** Replaces a page by its rendering; the pictures it drew are dropped from the file. */
export async function replacePageWithImage(
  pdf: PDFDocument,
  input: Uint8Array,
  page: ScannedPage,
  dpi: number,
  quality: number,
): Promise<PDFRef> {
  const r = await renderPage(input, page.page - 1, Math.min(page.widthPt, page.heightPt) / 72, dpi, quality);
  const img = await pdf.embedJpg(new Uint8Array(r.bytes));
  const p = pdf.getPage(page.page - 1);
  setPageImage(pdf, p, img.ref, page.widthPt, page.heightPt);
  for (const i of page.images) if (i.stream.ref) pdf.context.delete(PDFRef.of(i.stream.ref.num, i.stream.ref.gen));
  return img.ref;
}

/** The whole file the naive way: every page rendered by pdf.js at `minDpi`, into a new PDF. */
export async function renderPagesToPdf(
  input: Uint8Array,
  opts: FixOptions,
  progress: Progress,
): Promise<{ bytes: Uint8Array; stats: FixStats }> {
  const t0 = performance.now();
  const dpi = opts.minDpi ?? LOW_DPI_WARN;
  const s = await session(input);
  const src = await PDFDocument.load(input, { updateMetadata: false, ignoreEncryption: true });
  const out = await PDFDocument.create();
  const n = src.getPageCount();
  for (let i = 0; i < n; i++) {
    const p = src.getPage(i);
    const rot = p.getRotation().angle % 180 !== 0;
    const w = rot ? p.getHeight() : p.getWidth(),
      h = rot ? p.getWidth() : p.getHeight();
    const r = await renderPage(input, i, Math.min(w, h) / 72, dpi, 0.8);
    const img = await out.embedJpg(new Uint8Array(r.bytes));
    out.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
    progress('逐页重新生成', i + 1, n);
  }
  await s.close();
  sessions.delete(input);
  const bytes = await out.save();
  return {
    bytes,
    stats: { ms: performance.now() - t0, inBytes: input.length, outBytes: bytes.length, pages: n, minDpi: dpi },
  };
}
