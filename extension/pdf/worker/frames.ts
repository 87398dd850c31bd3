import type { Raster } from '../analysis/raster';
import { stripExif } from '../jpeg';

/** Pictures in the engine's workers: JPEG decoding at a chosen size, and turning as a page shows it. */

export function rotatedSize(w: number, h: number, rotate: number): [number, number] {
  return rotate === 90 || rotate === 270 ? [h, w] : [w, h];
}

/** Draws `src` (sw×sh as drawn) turned clockwise by `rotate` onto a dw×dh canvas. */
export function drawRotated(
  ctx: OffscreenCanvasRenderingContext2D,
  src: CanvasImageSource,
  rotate: number,
  dw: number,
  dh: number,
): void {
  ctx.save();
  if (rotate === 90) {
    ctx.translate(dw, 0);
    ctx.rotate(Math.PI / 2);
    ctx.drawImage(src, 0, 0, dh, dw);
  } else if (rotate === 180) {
    ctx.translate(dw, dh);
    ctx.rotate(Math.PI);
    ctx.drawImage(src, 0, 0, dw, dh);
  } else if (rotate === 270) {
    ctx.translate(0, dh);
    ctx.rotate(-Math.PI / 2);
    ctx.drawImage(src, 0, 0, dh, dw);
  } else ctx.drawImage(src, 0, 0, dw, dh);
  ctx.restore();
}

export async function decodeAt(bytes: ArrayBuffer, width: number, height: number): Promise<VideoFrame> {
  // A phone photo's EXIF orientation would turn the frame; a PDF shows the picture as stored.
  const dec = new ImageDecoder({
    data: stripExif(bytes),
    type: 'image/jpeg',
    desiredWidth: width,
    desiredHeight: height,
  });
  try {
    const { image } = await dec.decode();
    return image;
  } finally {
    dec.close();
  }
}

/** Frame layouts copied as they are: four bytes a pixel, in one of the two orders a Raster reads. */
const NATIVE_LAYOUTS: Partial<Record<VideoPixelFormat, { bgr: boolean }>> = {
  BGRX: { bgr: true },
  BGRA: { bgr: true },
  RGBX: { bgr: false },
  RGBA: { bgr: false },
};

/**
 * One buffer for the pages' pixels, kept for the worker's life: a worker reads one page at a time
 * and keeps nothing of its pixels, and a fresh page-sized array costs more than copying into it
 * (every new page of memory is a fault).
 */
let pageBuffer = new Uint8ClampedArray(0);
function pageBytes(n: number): Uint8ClampedArray {
  if (pageBuffer.length < n) pageBuffer = new Uint8ClampedArray(n);
  return pageBuffer.subarray(0, n);
}

/** What is drawn on a canvas, as a Raster of its own. */
export function canvasPixels(canvas: OffscreenCanvas): Raster {
  const img = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
  return { width: img.width, height: img.height, data: img.data };
}

/**
 * A frame decoded for a page at w×h (as stored), as the page shows it: turned by `rotate`. An
 * unturned frame the decoder made at the size asked is copied straight out of it (framePixels);
 * otherwise it is drawn, turned and at w×h, on a canvas of its own.
 */
export async function shownPixels(frame: VideoFrame, w: number, h: number, rotate: number): Promise<Raster> {
  if (rotate === 0 && frame.displayWidth === w && frame.displayHeight === h) return framePixels(frame, w, h);
  const [dw, dh] = rotatedSize(w, h, rotate);
  const canvas = new OffscreenCanvas(dw, dh);
  drawRotated(canvas.getContext('2d', { willReadFrequently: true })!, frame, rotate, dw, dh);
  const raster = canvasPixels(canvas);
  canvas.width = canvas.height = 0;
  return raster;
}

/**
 * An unturned frame's pixels (w×h as decoded), copied straight out of it into the worker's page
 * buffer — good until the next page's: the same bytes a canvas would give, at a third of the cost;
 * in the frame's own byte order when it has four bytes a pixel, a twentieth of converting them.
 */
async function framePixels(frame: VideoFrame, w: number, h: number): Promise<Raster> {
  const data = pageBytes(w * h * 4);
  const native = frame.format ? NATIVE_LAYOUTS[frame.format] : undefined;
  await frame.copyTo(data, native ? {} : { format: 'RGBA' });
  return { width: w, height: h, data, ...(native?.bgr ? { bgr: true } : {}) };
}
