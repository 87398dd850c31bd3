/// <reference lib="webworker" />
import { ocrImage } from '../pdf/worker/ocrImage';
import { ANALYSIS_SHORT_SIDE, OCR_SCALE, OCR_TOP_FRACTION } from '../pdf/worker/protocol';
import { jpegSize } from '../pdf/jpeg';
import type { FixJob, FixJobRequest, FixJobResult, JobOutput } from './jobs';
import { stripExif } from '../pdf/jpeg';
import { A4_IN, decodeImage, decodeJpegAt, encodeJpeg, turned } from './pixels';
import { straightenPicture } from './straighten';
import { errorText } from '../../shared/errorText';

/** One picture at a time: the fix page runs two of these side by side. */
declare const self: DedicatedWorkerGlobalScope;

async function reencode(job: Extract<FixJob, { kind: 'reencode' }>): Promise<JobOutput> {
  const frame = await decodeJpegAt(stripExif(job.bytes), job.width, job.height);
  try {
    const c = new OffscreenCanvas(job.width, job.height);
    const ctx = c.getContext('2d')!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(frame, 0, 0, job.width, job.height);
    return { bytes: await encodeJpeg(c, job.quality), width: job.width, height: job.height };
  } finally {
    frame.close();
  }
}

async function encode(job: Extract<FixJob, { kind: 'encode' }>): Promise<JobOutput> {
  const c = new OffscreenCanvas(job.width, job.height);
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(job.pixels), job.width, job.height), 0, 0);
  return { bytes: await encodeJpeg(c, job.quality), width: job.width, height: job.height };
}

/** A photo for an A4 page: upright (EXIF, then the admin's turn), at most `maxDpi` on the sheet. */
async function photo(job: Extract<FixJob, { kind: 'photo' }>): Promise<JobOutput> {
  const bmp = await decodeImage(job.bytes, job.mime);
  try {
    const side = job.rotate % 180 !== 0;
    const w = side ? bmp.height : bmp.width,
      h = side ? bmp.width : bmp.height;
    // Fitted inside A4 (portrait, or landscape for a landscape picture): the scale that keeps maxDpi.
    const land = w > h;
    const pageW = land ? A4_IN.h : A4_IN.w,
      pageH = land ? A4_IN.w : A4_IN.h;
    const fit = Math.min(pageW / w, pageH / h);
    const dpi = 1 / fit;
    const scale = Math.min(1, job.maxDpi / dpi);
    const c = turned(bmp, bmp.width, bmp.height, job.rotate, scale);
    return { bytes: await encodeJpeg(c, job.quality), width: c.width, height: c.height, dpi: dpi * scale };
  } finally {
    bmp.close();
  }
}

async function thumb(job: Extract<FixJob, { kind: 'thumb' }>): Promise<JobOutput> {
  let src: VideoFrame | ImageBitmap;
  let w: number, h: number;
  // A photo's EXIF orientation counts; a picture inside a PDF is shown as stored.
  const size = job.mime === 'image/jpeg' && job.fromPdf ? jpegSize(new Uint8Array(job.bytes)) : null;
  if (size) {
    const s = Math.min(1, (job.width * 2) / Math.min(size.width, size.height));
    src = await decodeJpegAt(stripExif(job.bytes), size.width * s, size.height * s);
    w = src.displayWidth;
    h = src.displayHeight;
  } else {
    src = await decodeImage(job.bytes, job.mime);
    w = src.width;
    h = src.height;
  }
  try {
    const side = job.rotate % 180 !== 0;
    const scale = job.width / (side ? h : w);
    const c = turned(src, w, h, job.rotate, scale);
    return { bytes: await encodeJpeg(c, 0.7), width: c.width, height: c.height };
  } finally {
    src.close();
  }
}

/** The cover's top strip at the engine's OCR scale, as the page-1 number reader takes it. */
async function coverCrop(job: Extract<FixJob, { kind: 'coverCrop' }>): Promise<JobOutput> {
  const size = jpegSize(new Uint8Array(job.bytes));
  if (!size) throw new Error('图片数据损坏');
  const shortPx = Math.min(size.width, size.height);
  const s = (ANALYSIS_SHORT_SIDE * OCR_SCALE) / shortPx;
  const frame = await decodeJpegAt(stripExif(job.bytes), size.width * s, size.height * s);
  try {
    const c = turned(
      frame,
      frame.displayWidth,
      frame.displayHeight,
      job.rotate,
      Math.round(size.width * s) / frame.displayWidth,
    );
    const cropH = Math.round(c.height * OCR_TOP_FRACTION);
    const img = c.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, c.width, cropH);
    const crop = ocrImage(img.data, img.width, img.height);
    return { bytes: crop.pgm.buffer as ArrayBuffer, width: crop.width, height: crop.height };
  } finally {
    frame.close();
  }
}

async function straighten(job: Extract<FixJob, { kind: 'straighten' }>): Promise<JobOutput> {
  const size = job.mime === 'image/jpeg' && job.fromPdf ? jpegSize(new Uint8Array(job.bytes)) : null;
  const src = size
    ? await decodeJpegAt(stripExif(job.bytes), size.width, size.height)
    : await decodeImage(job.bytes, job.mime);
  const w = src instanceof VideoFrame ? src.displayWidth : src.width;
  const h = src instanceof VideoFrame ? src.displayHeight : src.height;
  try {
    const upright = turned(src, w, h, job.rotate);
    const r = await straightenPicture(upright, job.maxDpi);
    return {
      bytes: await encodeJpeg(r.canvas, job.quality),
      width: r.canvas.width,
      height: r.canvas.height,
      notes: r.notes,
      dpi: r.dpi,
    };
  } finally {
    src.close();
  }
}

function run(job: FixJob): Promise<JobOutput> {
  switch (job.kind) {
    case 'reencode':
      return reencode(job);
    case 'encode':
      return encode(job);
    case 'photo':
      return photo(job);
    case 'thumb':
      return thumb(job);
    case 'coverCrop':
      return coverCrop(job);
    case 'straighten':
      return straighten(job);
  }
}

self.onmessage = async (e: MessageEvent<FixJobRequest>) => {
  const { id, job } = e.data;
  const t0 = performance.now();
  try {
    const out = await run(job);
    const msg: FixJobResult = { id, ok: true, ms: performance.now() - t0, ...out };
    self.postMessage(msg, [out.bytes]);
  } catch (err) {
    const msg: FixJobResult = { id, ok: false, error: errorText(err) };
    self.postMessage(msg);
  }
};
