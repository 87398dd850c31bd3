/// <reference lib="webworker" />
import { toBase64 } from '../../../shared/bytes';
import { analysePage } from '../analysis/analysePage';
import type { Raster } from '../analysis/raster';
import { jpegSize, withHeight } from '../jpeg';
import { canvasPixels, decodeAt, drawRotated, rotatedSize, shownPixels } from './frames';
import { ocrImage } from './ocrImage';
import {
  ANALYSIS_SHORT_SIDE,
  OCR_SCALE,
  OCR_TOP_FRACTION,
  type OcrCrop,
  type PageJobRequest,
  type PageJobResult,
} from './protocol';
import { errorText } from '../../../shared/errorText';

/**
 * One page at a time: decode the scan at analysis size inside the JPEG decoder (ImageDecoder with
 * desiredWidth scales during decoding), turn it the way the page shows it, measure it, and make a
 * thumbnail. Two of these run side by side.
 */
declare const self: DedicatedWorkerGlobalScope;

const THUMB_WIDTH = 96;

/**
 * The report's small page image from a raster (pages pdf.js drew): an area average (cheaper than
 * putting the raster on a canvas to resample it, and as smooth), encoded as a small JPEG.
 */
async function thumbnailOf(r: Raster): Promise<string> {
  const tw = Math.min(THUMB_WIDTH, r.width),
    th = Math.max(1, Math.round((r.height * tw) / r.width));
  const out = new Uint8ClampedArray(tw * th * 4);
  const sx = r.width / tw,
    sy = r.height / th;
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor(ty * sy),
      y1 = Math.max(y0 + 1, Math.floor((ty + 1) * sy));
    for (let tx = 0; tx < tw; tx++) {
      const x0 = Math.floor(tx * sx),
        x1 = Math.max(x0 + 1, Math.floor((tx + 1) * sx));
      let R = 0,
        G = 0,
        B = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = (y * r.width + x0) * 4, end = (y * r.width + x1) * 4; i < end; i += 4) {
          R += r.data[i]!;
          G += r.data[i + 1]!;
          B += r.data[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0),
        o = (ty * tw + tx) * 4;
      out[o] = R / n;
      out[o + 1] = G / n;
      out[o + 2] = B / n;
      out[o + 3] = 255;
    }
  }
  const c = new OffscreenCanvas(tw, th);
  c.getContext('2d')!.putImageData(new ImageData(out, tw, th), 0, 0);
  return dataUrlOf(c);
}

/**
 * The thumbnail's picture from a decoded frame, turned as the page shows it. The frame is scaled
 * down by createImageBitmap (a fifth of the cost of drawing the whole frame scaled onto a canvas),
 * then the small picture is turned.
 */
async function thumbnailOfFrame(frame: VideoFrame, w: number, h: number, rotate: number): Promise<OffscreenCanvas> {
  const [dw, dh] = rotatedSize(w, h, rotate);
  const tw = Math.min(THUMB_WIDTH, dw),
    th = Math.max(1, Math.round((dh * tw) / dw));
  const [sw, sh] = rotatedSize(tw, th, rotate);
  const small = await createImageBitmap(frame, { resizeWidth: sw, resizeHeight: sh, resizeQuality: 'high' });
  const c = new OffscreenCanvas(tw, th);
  drawRotated(c.getContext('2d')!, small, rotate, tw, th);
  small.close();
  return c;
}

async function dataUrlOf(c: OffscreenCanvas): Promise<string> {
  const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
  return `data:image/jpeg;base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

type JpegJob = Extract<PageJobRequest['job'], { kind: 'jpeg' }>;
/** Page 1's top for OCR, at OCR size: the frame and how many of the shown page's rows it covers. */
type OcrTop = { frame: VideoFrame; rows: number };
type Started = { w: number; h: number; frame: Promise<VideoFrame>; big: Promise<OcrTop> | null };
type Done = Omit<Extract<PageJobResult, { ok: true }>, 'id' | 'ok' | 'ms'>;

/**
 * Starts a page's decodes at once (at analysis size, and for page 1 the larger one OCR reads):
 * ImageDecoder works off this thread, so the next page decodes while this thread still measures
 * the one before it.
 */
function startJpeg(job: JpegJob): Started {
  const size = jpegSize(new Uint8Array(job.bytes));
  if (!size || !size.width || !size.height) throw new Error('图片数据损坏');
  const scale = ANALYSIS_SHORT_SIDE / Math.min(size.width, size.height);
  const w = Math.max(1, Math.round(size.width * scale)),
    h = Math.max(1, Math.round(size.height * scale));
  const frame = decodeAt(job.bytes, w, h);
  const big = job.ocr ? decodeOcrTop(job, size, w * OCR_SCALE, h * OCR_SCALE) : null;
  // Awaited in their turn; an early failure must not go unhandled meanwhile.
  frame.catch(() => {});
  big?.catch(() => {});
  return { w, h, frame, big };
}

/**
 * Page 1 at OCR size (W×H shown), for its top: when the page is shown as stored, only the rows
 * the number's area needs (and a margin) are decoded — a sixth of the work, the same pixels.
 */
async function decodeOcrTop(job: JpegJob, size: { height: number }, W: number, H: number): Promise<OcrTop> {
  const whole = async () => ({ frame: await decodeAt(job.bytes, W, H), rows: H });
  // Whole rows of 16 (a colour JPEG's block row), one beyond the area.
  const rows = Math.ceil((size.height * OCR_TOP_FRACTION) / 16 + 1) * 16;
  const top = job.rotate === 0 ? withHeight(job.bytes, rows) : null;
  if (!top) return whole();
  const shown = Math.round((rows * H) / size.height);
  // A JPEG the cut does not suit is decoded whole, as before.
  return decodeAt(top, W, shown).then((frame) => ({ frame, rows: shown }), whole);
}

/**
 * Measures a page: the part that needs this thread, done in the page's turn. What is left (the
 * thumbnail's encoding, the OCR crop) finishes after the turn is handed on.
 */
async function measureJpeg(job: JpegJob, started: Started): Promise<{ rest: Promise<Done> }> {
  const { w, h } = started;
  const frame = await started.frame;
  let small: OffscreenCanvas;
  let raster: Raster;
  try {
    const pending = thumbnailOfFrame(frame, w, h, job.rotate);
    pending.catch(() => {}); // awaited below, unless the raster fails first
    raster = await shownPixels(frame, w, h, job.rotate);
    // The frame stays open until the thumbnail's small copy is made (it is encoded while the page is measured).
    small = await pending;
  } finally {
    frame.close();
  }
  const thumbnail = dataUrlOf(small);
  const t0 = performance.now();
  const measures = analysePage(raster, ANALYSIS_SHORT_SIDE / job.shortSideMm);
  const analysisMs = performance.now() - t0;
  const ocr = started.big ? started.big.then((big) => ocrCrop(big, w * OCR_SCALE, h * OCR_SCALE, job.rotate)) : null;
  // Wrapped: awaiting a promise of a promise would wait for the rest inside the turn.
  return {
    rest: Promise.all([thumbnail, ocr]).then(([t, o]) => ({
      measures,
      analysisMs,
      thumbnail: t,
      ...(o ? { ocr: o } : {}),
    })),
  };
}

/** The top of page 1 (W×H shown), grey, for the 发展团员编号 reader. */
function ocrCrop(big: OcrTop, W: number, H: number, rotate: number): OcrCrop {
  const [bw, bh] = rotatedSize(W, H, rotate);
  const cropH = Math.round(bh * OCR_TOP_FRACTION);
  const c2 = new OffscreenCanvas(bw, cropH);
  const ctx2 = c2.getContext('2d', { willReadFrequently: true })!;
  try {
    // A top-only frame is drawn at the height its rows have on the shown page.
    if (big.rows < H) drawRotated(ctx2, big.frame, 0, bw, big.rows);
    else drawRotated(ctx2, big.frame, rotate, bw, bh);
  } finally {
    big.frame.close();
  }
  const r = canvasPixels(c2);
  c2.width = c2.height = 0;
  return ocrImage(r.data, r.width, r.height);
}

async function runRaster(job: Extract<PageJobRequest['job'], { kind: 'raster' }>): Promise<Done> {
  const { raster } = job;
  const t0 = performance.now();
  const measures = analysePage(raster, job.pxPerMm);
  const analysisMs = performance.now() - t0;
  const thumbnail = await thumbnailOf(raster);
  let ocr: OcrCrop | undefined;
  if (job.ocrRaster) {
    const r = job.ocrRaster;
    const cropH = Math.round(r.height * OCR_TOP_FRACTION);
    ocr = ocrImage(r.data.subarray(0, r.width * cropH * 4), r.width, cropH);
  }
  return { measures, analysisMs, thumbnail, ...(ocr ? { ocr } : {}) };
}

/** Pages are measured one after another; their decodes start as soon as they arrive. */
let turn: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<PageJobRequest>) => {
  const { id, job } = e.data;
  const t0 = performance.now();
  let started: Started | Error | null = null;
  if (job.kind === 'jpeg') {
    try {
      started = startJpeg(job);
    } catch (err) {
      started = err instanceof Error ? err : new Error(String(err));
    }
  }
  const fail = (err: unknown) => {
    const msg: PageJobResult = { id, ok: false, error: errorText(err) };
    self.postMessage(msg);
  };
  const post = (r: Done) => {
    const msg: PageJobResult = { id, ok: true, ...r, ms: performance.now() - t0 };
    self.postMessage(msg, r.ocr ? [r.ocr.pgm.buffer] : []);
  };
  turn = turn.then(async () => {
    try {
      if (started instanceof Error) throw started;
      if (job.kind === 'jpeg') void (await measureJpeg(job, started!)).rest.then(post, fail);
      else post(await runRaster(job));
    } catch (err) {
      fail(err);
    }
  });
};
