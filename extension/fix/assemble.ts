/**
 * §5.2's third way, without Word: photos or scans of the form's pages (JPEG, PNG, WebP; EXIF
 * orientation honoured), in the admin's order and turned as the admin chose, each on its own A4
 * page, into one PDF within the size limit.
 */
import { PDFDocument } from 'pdf-lib';
import { FIX_TARGET_BYTES, LOW_DPI_WARN } from '../../shared/pdf/thresholds';
import { A4_IN } from './pixels';
import { fixPool } from './pool';
import type { FixStats, Progress } from './protocol';

export interface Photo {
  name: string;
  mime: string;
  bytes: ArrayBuffer;
  /** The admin's turn, clockwise, on top of the photo's own EXIF orientation. */
  rotate: 0 | 90 | 180 | 270;
}

export const A4_PT = { w: 595.28, h: 841.89 };

/** Resolution and quality tried in turn until the file fits: 300 dpi first, never below LOW_DPI_WARN (200, DA/T 31-2017). */
const STEPS = [
  { dpi: 300, quality: 0.85 },
  { dpi: 250, quality: 0.8 },
  { dpi: LOW_DPI_WARN, quality: 0.75 },
  { dpi: LOW_DPI_WARN, quality: 0.6 },
];

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function imageType(name: string, type: string): string | null {
  if (IMAGE_TYPES.includes(type)) return type;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'jpg' || ext === 'jpeg'
    ? 'image/jpeg'
    : ext === 'png'
      ? 'image/png'
      : ext === 'webp'
        ? 'image/webp'
        : null;
}

/** Places a prepared picture on a new A4 page (landscape for a landscape picture), centred. */
export async function addPhotoPage(pdf: PDFDocument, jpeg: ArrayBuffer, width: number, height: number): Promise<void> {
  const img = await pdf.embedJpg(new Uint8Array(jpeg));
  const land = width > height;
  const pw = land ? A4_PT.h : A4_PT.w,
    ph = land ? A4_PT.w : A4_PT.h;
  const k = Math.min(pw / width, ph / height);
  const w = width * k,
    h = height * k;
  pdf.addPage([pw, ph]).drawImage(img, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
}

export async function assemblePhotos(
  photos: Photo[],
  progress: Progress = () => {},
  targetBytes = FIX_TARGET_BYTES,
): Promise<{ bytes: Uint8Array; stats: FixStats }> {
  const t0 = performance.now();
  if (!photos.length) throw new Error('请先添加照片');
  const inBytes = photos.reduce((s, p) => s + p.bytes.byteLength, 0);
  let out: Uint8Array | null = null;
  let minDpi = 0;
  for (const step of STEPS) {
    let done = 0;
    progress('处理照片', 0, photos.length);
    const pics = await Promise.all(
      photos.map(async (p) => {
        const copy = p.bytes.slice(0);
        const r = await fixPool.must(
          { kind: 'photo', bytes: copy, mime: p.mime, rotate: p.rotate, maxDpi: step.dpi, quality: step.quality },
          [copy],
        );
        progress('处理照片', ++done, photos.length);
        return r;
      }),
    );
    const pdf = await PDFDocument.create();
    pdf.setCreator('团员电子档案助手');
    for (const r of pics) await addPhotoPage(pdf, r.bytes, r.width, r.height);
    out = await pdf.save();
    minDpi = Math.min(...pics.map((r) => r.dpi ?? Math.min(r.width, r.height) / A4_IN.w));
    if (out.length <= targetBytes) break;
  }
  if (!out || out.length > targetBytes) throw new Error('照片太多或太大，无法在 20M 以内保持 200dpi：请减少照片数量');
  return {
    bytes: out,
    stats: {
      ms: performance.now() - t0,
      inBytes,
      outBytes: out.length,
      pages: photos.length,
      minDpi: Math.round(minDpi),
    },
  };
}
