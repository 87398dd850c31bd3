/**
 * Compress a scan that is too large (§3.2.1 "文件大小不超过 20M", under either reading of 20M):
 * each page's JPEG is decoded at the size wanted inside the JPEG decoder and encoded again at a
 * lower quality, never below 200 dpi on the page (DA/T 31-2017), and put back in place with
 * pdf-lib — the page, its text layer and everything else untouched. Pages whose pictures are not
 * JPEG are rendered by pdf.js instead (the slow path, also the benchmark's baseline).
 */
import { PDFDocument, PDFRef } from 'pdf-lib';
import { FIX_TARGET_BYTES, LOW_DPI_WARN } from '../../shared/pdf/thresholds';
import type { PlacedImage } from '../pdf/parser/content';
import { fixPool } from './pool';
import type { FixOptions, FixStats, Progress } from './protocol';
import { isPlainJpeg, scanPdf, type ScannedPage } from './scan';
import { renderPagesToPdf, replacePageWithImage } from './naive';

/** Room for what a save rewrites (cross-reference, object streams). */
const STRUCTURE_SLACK = 150_000;

interface Picture {
  img: PlacedImage;
  /** Lowest resolution it is shown at on any page. */
  dpi: number;
  raw: Uint8Array;
}

const FIRST_QUALITY = 0.8;

/**
 * The passes tried in turn: resolution factor and JPEG quality. The first keeps the resolution
 * when re-encoding alone will do (as a probe of the largest picture predicts), else scales by
 * the square root of the room left; the later ones go down to 200 dpi and lower quality.
 */
function passes(first: number): { scale: number; quality: number }[] {
  return [
    { scale: first, quality: FIRST_QUALITY },
    { scale: 0, quality: 0.72 },
    { scale: 0, quality: 0.6 },
    { scale: 0, quality: 0.45 },
  ];
}

export async function compressPdf(
  input: Uint8Array,
  opts: FixOptions = {},
  progress: Progress = () => {},
): Promise<{ bytes: Uint8Array; stats: FixStats }> {
  const t0 = performance.now();
  if (opts.method === 'naive') return renderPagesToPdf(input, opts, progress);
  const target = opts.targetBytes ?? FIX_TARGET_BYTES;
  const minDpi = opts.minDpi ?? LOW_DPI_WARN;
  progress('读取文件', 0, 1);
  const scanned = await scanPdf(input);
  if (scanned.doc.decrypt) throw new Error('文件已加密（设置了权限密码），请先在原软件中去掉密码后再压缩');
  const pictures = new Map<string, Picture>();
  const slowPages: ScannedPage[] = [];
  for (const p of scanned.pages) {
    let jpegs = 0;
    for (const img of p.images) {
      if (!isPlainJpeg(img)) continue;
      jpegs++;
      const key = img.stream.ref!.key;
      const known = pictures.get(key);
      if (known) known.dpi = Math.min(known.dpi, img.dpi);
      else pictures.set(key, { img, dpi: img.dpi, raw: await scanned.raw(img) });
    }
    // A page whose scan is something else (Flate, JPEG 2000 …) and large: rendered and re-encoded.
    const big = p.images.some((i) => !isPlainJpeg(i) && i.width * i.height > 1_000_000);
    if (big && !jpegs) slowPages.push(p);
  }
  const jpegBytes = [...pictures.values()].reduce((s, p) => s + p.raw.length, 0);
  const rest = input.length - jpegBytes;
  const room = target - rest - STRUCTURE_SLACK;
  // Probe: how much re-encoding alone shrinks the largest picture, while pdf-lib reads the file.
  const largest = [...pictures.values()].sort((a, b) => b.raw.length - a.raw.length)[0];
  const probeP = largest
    ? fixPool.must({
        kind: 'reencode',
        bytes: largest.raw.slice().buffer,
        width: largest.img.width,
        height: largest.img.height,
        quality: FIRST_QUALITY,
      })
    : Promise.resolve(null);
  const pdf = await PDFDocument.load(input, { updateMetadata: false });
  const probe = await probeP;
  const predicted = probe && largest ? jpegBytes * (probe.bytes.byteLength / largest.raw.length) : jpegBytes;
  const firstScale = predicted <= room ? 1 : Math.max(0.05, Math.sqrt(Math.max(0.01, room) / predicted) * 0.95);
  const total = pictures.size + slowPages.length;
  let out: Uint8Array | null = null;
  let chosen = { scale: 1, quality: 0.8 };
  const rendered = new Map<number, PDFRef>();
  for (const pass of passes(firstScale)) {
    chosen = pass;
    let done = 0;
    const results = await Promise.all(
      [...pictures.values()].map(async (p) => {
        const dpi = p.dpi <= minDpi ? p.dpi : Math.max(minDpi, p.dpi * pass.scale);
        const k = Math.min(1, dpi / p.dpi);
        const width = Math.max(1, Math.round(p.img.width * k)),
          height = Math.max(1, Math.round(p.img.height * k));
        const reuse = p === largest && probe && pass.scale === 1 && pass.quality === FIRST_QUALITY && k === 1;
        const copy = p.raw.slice().buffer;
        const r = reuse
          ? probe
          : await fixPool.must({ kind: 'reencode', bytes: copy, width, height, quality: pass.quality }, [copy]);
        progress('重新压缩图片', ++done, total);
        // Never replace a picture by a larger one.
        return { p, r: r.bytes.byteLength < p.raw.length ? r : null };
      }),
    );
    for (const { p, r } of results) {
      if (!r) continue;
      const ref = p.img.stream.ref!;
      pdf.context.assign(
        PDFRef.of(ref.num, ref.gen),
        pdf.context.stream(new Uint8Array(r.bytes), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: r.width,
          Height: r.height,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      );
    }
    for (const page of slowPages) {
      // A page rendered in an earlier pass: its previous picture goes, or the file keeps both.
      const previous = rendered.get(page.page);
      if (previous) pdf.context.delete(previous);
      rendered.set(page.page, await replacePageWithImage(pdf, input, page, minDpi, pass.quality));
      progress('重新生成页面', ++done, total);
    }
    progress('保存文件', total, total);
    out = await pdf.save({ useObjectStreams: true, updateFieldAppearances: false });
    if (out.length <= target) break;
  }
  if (!out || out.length > target)
    throw new Error(
      `压缩后仍有 ${((out?.length ?? 0) / 1e6).toFixed(1)}MB，无法在保持 ${minDpi}dpi 的前提下压缩到 20M 以内。请减少页数或降低扫描分辨率后重新扫描`,
    );
  const minOut = await minimumDpi(out);
  return {
    bytes: out,
    stats: {
      ms: performance.now() - t0,
      inBytes: input.length,
      outBytes: out.length,
      pages: scanned.pages.length,
      ...(minOut !== null ? { minDpi: Math.round(minOut) } : {}),
      notes: [`清晰度保持在 ${Math.round(minOut ?? minDpi)}dpi 以上，图片质量 ${Math.round(chosen.quality * 100)}%`],
    },
  };
}

/** The lowest resolution of any page's main picture, read back from the file itself. */
export async function minimumDpi(bytes: Uint8Array): Promise<number | null> {
  const s = await scanPdf(bytes);
  const dpis = s.pages.flatMap((p) => (p.main ? [p.main.dpi] : []));
  return dpis.length ? Math.min(...dpis) : null;
}
