/// <reference lib="webworker" />
import { analysePage } from '../analysis/analysePage';
import type { Raster } from '../analysis/raster';
import { jpegSize, stripExif } from '../jpeg';
import { ANALYSIS_SHORT_SIDE, OCR_SCALE, OCR_TOP_FRACTION, type OcrCrop, type PageJobRequest, type PageJobResult } from './protocol';

/**
 * One page at a time: decode the scan at analysis size inside the JPEG decoder (ImageDecoder with
 * desiredWidth scales during decoding), turn it the way the page shows it, measure it, and make a
 * thumbnail. Two of these run side by side.
 */
declare const self: DedicatedWorkerGlobalScope;

const THUMB_WIDTH = 96;

function rotatedSize(w: number, h: number, rotate: number): [number, number] {
  return rotate === 90 || rotate === 270 ? [h, w] : [w, h];
}

/** Draws `src` (sw×sh as drawn) turned clockwise by `rotate` onto a dw×dh canvas. */
function drawRotated(ctx: OffscreenCanvasRenderingContext2D, src: CanvasImageSource, rotate: number, dw: number, dh: number): void {
  ctx.save();
  if (rotate === 90) { ctx.translate(dw, 0); ctx.rotate(Math.PI / 2); ctx.drawImage(src, 0, 0, dh, dw); }
  else if (rotate === 180) { ctx.translate(dw, dh); ctx.rotate(Math.PI); ctx.drawImage(src, 0, 0, dw, dh); }
  else if (rotate === 270) { ctx.translate(0, dh); ctx.rotate(-Math.PI / 2); ctx.drawImage(src, 0, 0, dh, dw); }
  else ctx.drawImage(src, 0, 0, dw, dh);
  ctx.restore();
}

async function decodeAt(bytes: ArrayBuffer, width: number, height: number): Promise<VideoFrame> {
  // A phone photo's EXIF orientation would turn the frame; a PDF shows the picture as stored.
  const dec = new ImageDecoder({ data: stripExif(bytes), type: 'image/jpeg', desiredWidth: width, desiredHeight: height });
  try {
    const { image } = await dec.decode();
    return image;
  } finally {
    dec.close();
  }
}

function toRaster(canvas: OffscreenCanvas): Raster {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: img.width, height: img.height, data: img.data };
}

function pgmOf(r: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`);
  const out = new Uint8Array(header.length + r.width * r.height);
  out.set(header);
  const d = r.data;
  for (let i = 0, j = 0; i < r.width * r.height; i++, j += 4) out[header.length + i] = (d[j]! * 77 + d[j + 1]! * 150 + d[j + 2]! * 29) >> 8;
  return out;
}

async function thumbnailOf(src: CanvasImageSource, w: number, h: number): Promise<string> {
  const tw = THUMB_WIDTH, th = Math.max(1, Math.round((h * THUMB_WIDTH) / w));
  const c = new OffscreenCanvas(tw, th);
  const ctx = c.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, tw, th);
  const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
  c.width = c.height = 0;
  const buf = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return `data:image/jpeg;base64,${btoa(s)}`;
}

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function runJpeg(job: Extract<PageJobRequest['job'], { kind: 'jpeg' }>): Promise<Omit<Extract<PageJobResult, { ok: true }>, 'id' | 'ok' | 'ms'>> {
  const digestP = crypto.subtle.digest('SHA-256', job.bytes);
  const size = jpegSize(new Uint8Array(job.bytes));
  if (!size || !size.width || !size.height) throw new Error('图片数据损坏');
  const scale = ANALYSIS_SHORT_SIDE / Math.min(size.width, size.height);
  const w = Math.max(1, Math.round(size.width * scale)), h = Math.max(1, Math.round(size.height * scale));
  const frame = await decodeAt(job.bytes, w, h);
  const [dw, dh] = rotatedSize(w, h, job.rotate);
  const canvas = new OffscreenCanvas(dw, dh);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  try {
    drawRotated(ctx, frame, job.rotate, dw, dh);
  } finally {
    frame.close();
  }
  const raster = toRaster(canvas);
  const measures = analysePage(raster, ANALYSIS_SHORT_SIDE / job.shortSideMm);
  const thumbnail = await thumbnailOf(canvas, dw, dh);
  canvas.width = canvas.height = 0;
  let ocr: OcrCrop | undefined;
  if (job.ocr) {
    const W = w * OCR_SCALE, H = h * OCR_SCALE;
    const big = await decodeAt(job.bytes, W, H);
    const [bw, bh] = rotatedSize(W, H, job.rotate);
    const cropH = Math.round(bh * OCR_TOP_FRACTION);
    const c2 = new OffscreenCanvas(bw, cropH);
    const ctx2 = c2.getContext('2d', { willReadFrequently: true })!;
    drawRotated(ctx2, big, job.rotate, bw, bh);
    big.close();
    const r = toRaster(c2);
    c2.width = c2.height = 0;
    ocr = { width: r.width, height: r.height, pgm: pgmOf(r) };
  }
  return { measures, thumbnail, digest: hex(await digestP), ...(ocr ? { ocr } : {}) };
}

async function runRaster(job: Extract<PageJobRequest['job'], { kind: 'raster' }>) {
  const { raster } = job;
  const measures = analysePage(raster, job.pxPerMm);
  const canvas = new OffscreenCanvas(raster.width, raster.height);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(raster.data), raster.width, raster.height), 0, 0);
  const thumbnail = await thumbnailOf(canvas, raster.width, raster.height);
  canvas.width = canvas.height = 0;
  let ocr: OcrCrop | undefined;
  if (job.ocrRaster) {
    const r = job.ocrRaster;
    const cropH = Math.round(r.height * OCR_TOP_FRACTION);
    const top: Raster = { width: r.width, height: cropH, data: r.data.subarray(0, r.width * cropH * 4) };
    ocr = { width: top.width, height: top.height, pgm: pgmOf(top) };
  }
  return { measures, thumbnail, ...(ocr ? { ocr } : {}) };
}

self.onmessage = async (e: MessageEvent<PageJobRequest>) => {
  const { id, job } = e.data;
  const t0 = performance.now();
  try {
    const r = job.kind === 'jpeg' ? await runJpeg(job) : await runRaster(job);
    const msg: PageJobResult = { id, ok: true, ...r, ms: performance.now() - t0 };
    self.postMessage(msg, r.ocr ? [r.ocr.pgm.buffer] : []);
  } catch (err) {
    const msg: PageJobResult = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    self.postMessage(msg);
  }
};
