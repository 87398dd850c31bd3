/**
 * Straighten the pages of a PDF made from phone photos: each chosen page's picture is cut to the
 * sheet, flattened, levelled and turned upright in a worker, and placed alone on an A4 page;
 * the other pages are copied as they are.
 */
import { PDFDocument } from 'pdf-lib';
import { renderPage } from './naive';
import { A4_IN } from './pixels';
import { fixPool } from './pool';
import type { FixOptions, FixStats, Progress } from './protocol';
import { scanPdf, type ScannedPage } from './scan';

const A4_PT = { w: 595.28, h: 841.89 };
/** Straightened pages keep at most this resolution (a phone photo's sheet is 200–300 dpi). */
const MAX_DPI = 300;

async function pictureOf(
  input: Uint8Array,
  page: ScannedPage,
  raw: () => Promise<Uint8Array>,
): Promise<{ bytes: ArrayBuffer; mime: string; rotate: number }> {
  const m = page.main;
  if (m && m.kind === 'jpeg' && page.images.length === 1)
    return { bytes: (await raw()).slice().buffer, mime: 'image/jpeg', rotate: m.displayRotation };
  const r = await renderPage(input, page.page - 1, Math.min(page.widthPt, page.heightPt) / 72, 250, 0.92);
  return { bytes: r.bytes, mime: 'image/jpeg', rotate: 0 };
}

export async function straightenPdf(
  input: Uint8Array,
  opts: FixOptions = {},
  progress: Progress = () => {},
): Promise<{ bytes: Uint8Array; stats: FixStats }> {
  const t0 = performance.now();
  const scanned = await scanPdf(input);
  const wanted = new Set(opts.pages?.length ? opts.pages : scanned.pages.map((p) => p.page));
  const todo = scanned.pages.filter((p) => wanted.has(p.page) && p.images.length > 0);
  let done = 0;
  progress('裁剪拉直', 0, todo.length);
  const results = new Map<
    number,
    { bytes: ArrayBuffer; width: number; height: number; notes: string[]; dpi: number }
  >();
  await Promise.all(
    todo.map(async (p) => {
      const pic = await pictureOf(input, p, () => scanned.raw(p.main!));
      const r = await fixPool.must(
        {
          kind: 'straighten',
          bytes: pic.bytes,
          mime: pic.mime,
          rotate: pic.rotate,
          quality: 0.85,
          maxDpi: MAX_DPI,
          fromPdf: true,
        },
        [pic.bytes],
      );
      results.set(p.page, { bytes: r.bytes, width: r.width, height: r.height, notes: r.notes ?? [], dpi: r.dpi ?? 0 });
      progress('裁剪拉直', ++done, todo.length);
    }),
  );
  const src = await PDFDocument.load(input, { updateMetadata: false, ignoreEncryption: true });
  const out = await PDFDocument.create();
  const notes: string[] = [];
  for (const p of scanned.pages) {
    const r = results.get(p.page);
    if (!r) {
      const [copy] = await out.copyPages(src, [p.page - 1]);
      out.addPage(copy!);
      continue;
    }
    const img = await out.embedJpg(new Uint8Array(r.bytes));
    const a4 = Math.abs(r.height / r.width - A4_IN.h / A4_IN.w) < 0.02;
    const size: [number, number] = a4 ? [A4_PT.w, A4_PT.h] : [(r.width / r.dpi) * 72, (r.height / r.dpi) * 72];
    out.addPage(size).drawImage(img, { x: 0, y: 0, width: size[0], height: size[1] });
    if (r.notes.length) notes.push(`第${p.page}页：${r.notes.join('，')}`);
  }
  const bytes = await out.save();
  const dpis = [...results.values()].map((r) => r.dpi).filter((d) => d > 0);
  return {
    bytes,
    stats: {
      ms: performance.now() - t0,
      inBytes: input.length,
      outBytes: bytes.length,
      pages: scanned.pages.length,
      changedPages: [...results.keys()].sort((a, b) => a - b),
      ...(dpis.length ? { minDpi: Math.round(Math.min(...dpis)) } : {}),
      notes,
    },
  };
}
