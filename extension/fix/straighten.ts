/**
 * Straighten one page's picture (§5.2's phone photos): cut the sheet out of the desk around it
 * and undo the perspective, then level the text lines (the engine's skew measure) and turn the
 * page upright (the engine's heading rule). Runs in a fix worker.
 */
import { orientationOf } from '../pdf/analysis/orientation';
import { findPaper } from '../pdf/analysis/paper';
import { planes } from '../pdf/analysis/raster';
import { measureSkew } from '../pdf/analysis/skew';
import { ANALYSIS_SHORT_SIDE } from '../pdf/worker/protocol';
import { A4_IN, canvasOf, pixelsOf, turned } from './pixels';
import { findSheet, quadSize, warp, type Quad } from './sheet';

/** Sheets are found on a copy this size: plenty for corners, cheap to label. */
const DETECT_LONG_SIDE = 800;
/** Tilts below this are left alone (re-sampling costs sharpness for nothing visible). */
const MIN_SKEW_DEG = 0.3;
const A4_RATIO = 297 / 210;

export interface Straightened {
  canvas: OffscreenCanvas;
  notes: string[];
  /** Resolution of the result on an A4 sheet. */
  dpi: number;
}

type Source = CanvasImageSource & { width: number; height: number };

function scaledCopy(src: Source, scale: number): OffscreenCanvas {
  const c = new OffscreenCanvas(
    Math.max(1, Math.round(src.width * scale)),
    Math.max(1, Math.round(src.height * scale)),
  );
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, c.width, c.height);
  return c;
}

/** Cuts the sheet out and flattens it, at most `maxDpi` on A4; null when there is no desk to cut away. */
function flatten(src: Source, maxDpi: number): { canvas: OffscreenCanvas; sideways: boolean } | null {
  const k = DETECT_LONG_SIDE / Math.max(src.width, src.height);
  const small = pixelsOf(scaledCopy(src, Math.min(1, k)));
  const q = findSheet(small);
  if (!q) return null;
  const s = src.width / small.width;
  const quad = q.map((p) => ({ x: p.x * s, y: p.y * s })) as Quad;
  const { width, height } = quadSize(quad);
  const long = Math.max(width, height),
    short = Math.min(width, height);
  // A sheet near A4's proportions becomes exactly A4; anything else keeps what was photographed.
  const ratio = Math.abs(long / short - A4_RATIO) < A4_RATIO * 0.12 ? A4_RATIO : long / short;
  const longPx = Math.min(long, maxDpi * A4_IN.h);
  const shortPx = longPx / ratio;
  const sideways = width > height;
  const W = Math.round(sideways ? longPx : shortPx),
    H = Math.round(sideways ? shortPx : longPx);
  const full = pixelsOf(scaledCopy(src, 1));
  return { canvas: canvasOf(new ImageData(warp(full, quad, W, H), W, H)), sideways };
}

function measure(c: OffscreenCanvas) {
  const k = ANALYSIS_SHORT_SIDE / Math.min(c.width, c.height);
  const img = pixelsOf(scaledCopy(c, k));
  const { gray, chroma } = planes({ width: img.width, height: img.height, data: img.data });
  const paper = findPaper(gray, chroma, img.width, img.height);
  const pxPerMm = Math.min(img.width, img.height) / 210;
  return { paper, w: img.width, h: img.height, pxPerMm };
}

/** Turns the canvas by `deg` clockwise about its centre, same size, white where nothing was. */
function rotateBy(c: OffscreenCanvas, deg: number): OffscreenCanvas {
  const out = new OffscreenCanvas(c.width, c.height);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.translate(c.width / 2, c.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(c, -c.width / 2, -c.height / 2);
  return out;
}

export async function straightenPicture(src: Source, maxDpi: number): Promise<Straightened> {
  const notes: string[] = [];
  let canvas: OffscreenCanvas;
  const flat = flatten(src, maxDpi);
  if (flat) {
    canvas = flat.canvas;
    notes.push('已裁去纸张四周的背景并校正透视');
  } else {
    // Nothing to cut: the picture is the page; keep it, at most maxDpi.
    const long = Math.max(src.width, src.height);
    canvas = scaledCopy(src, Math.min(1, (maxDpi * A4_IN.h) / long));
  }
  // Sideways: turn the way that puts a heading at the top (the engine's rule); else clockwise.
  if (canvas.width > canvas.height * 1.15) {
    const cw = turned(canvas, canvas.width, canvas.height, 90);
    const ccw = turned(canvas, canvas.width, canvas.height, 270);
    const mc = measure(ccw);
    const useCcw = orientationOf(mc.paper, mc.w, mc.h, mc.pxPerMm, null) === 'upright';
    canvas = useCcw ? ccw : cw;
    notes.push(useCcw ? '已向左旋转 90°' : '已向右旋转 90°');
  }
  const m = measure(canvas);
  const skew = measureSkew(m.paper, m.w);
  if (skew !== null && Math.abs(skew) >= MIN_SKEW_DEG) {
    canvas = rotateBy(canvas, skew);
    notes.push(`已纠正歪斜 ${Math.abs(skew).toFixed(1)}°`);
  }
  const after = measure(canvas);
  if (orientationOf(after.paper, after.w, after.h, after.pxPerMm, 0) === 'upsideDown') {
    canvas = turned(canvas, canvas.width, canvas.height, 180);
    notes.push('已旋转 180°（原来上下颠倒）');
  }
  return { canvas, notes, dpi: Math.min(canvas.width, canvas.height) / A4_IN.w };
}
