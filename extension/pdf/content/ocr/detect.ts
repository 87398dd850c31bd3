import { DETECTION } from '../../../../shared/pdf/content/thresholds';
import { resizeGrey, type Grey, type Rect } from './grey';

/**
 * PP-OCR's text detector (DB, "differentiable binarisation") around the model: the picture made
 * into its input, and its probability map made into text boxes. The model marks the shrunk core
 * of each text line; a line is a connected region of the map, grown back by the unclip distance.
 * Boxes are upright rectangles: the reader puts pages upright first, and forms are ruled straight.
 */

/** ImageNet mean and spread the detector was trained with. */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetInput {
  data: Float32Array;
  width: number;
  height: number;
  /** Input pixels per source pixel, per axis. */
  sx: number;
  sy: number;
  /** Where the input starts in the picture scaled by sx, sy (a window of it: see `detInput`). */
  ox: number;
  oy: number;
}

/**
 * The picture scaled so its longer side is at most `maxSide`, each side a multiple of 32, as NCHW
 * floats. With `within`, only the window of that input around it, cut on the model's 32-pixel grid:
 * the model sees the very pixels it would have seen in the whole picture, at the same scale, so it
 * finds the same boxes there — and its work is the window's.
 */
export function detInput(g: Grey, maxSide: number, within?: Rect): DetInput {
  const scale = Math.min(1, maxSide / Math.max(g.width, g.height));
  const fullW = Math.max(32, Math.round((g.width * scale) / 32) * 32);
  const fullH = Math.max(32, Math.round((g.height * scale) / 32) * 32);
  const sx = fullW / g.width,
    sy = fullH / g.height;
  const r = resizeGrey(g, fullW, fullH);
  const grid = (v: number, up: boolean, max: number) =>
    Math.min(max, Math.max(0, (up ? Math.ceil(v / 32) : Math.floor(v / 32)) * 32));
  const ox = within ? grid(within.x * sx, false, fullW - 32) : 0;
  const oy = within ? grid(within.y * sy, false, fullH - 32) : 0;
  const width = within ? Math.max(32, grid((within.x + within.w) * sx, true, fullW) - ox) : fullW;
  const height = within ? Math.max(32, grid((within.y + within.h) * sy, true, fullH) - oy) : fullH;
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) {
    const m = MEAN[c]!,
      s = STD[c]!;
    for (let y = 0; y < height; y++)
      for (let x = 0, i = (y + oy) * fullW + ox; x < width; x++, i++)
        data[c * n + y * width + x] = (r.data[i]! / 255 - m) / s;
  }
  return { data, width, height, sx, sy, ox, oy };
}

export interface TextBox extends Rect {
  /** Mean probability inside the region (0–1). */
  score: number;
}

/**
 * Text boxes from the detector's probability map (width × height, values 0–1), in source pixels.
 * Regions whose mean probability is under the box threshold, or too small to be a character, are
 * dropped; each is grown by area × ratio / perimeter, as PP-OCR's unclip does.
 */
export function boxesFromMap(prob: Float32Array, input: DetInput, srcW: number, srcH: number): TextBox[] {
  const { width: w, height: h } = input;
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const boxes: TextBox[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start]! <= DETECTION.pixelThreshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = w,
      y0 = h,
      x1 = -1,
      y1 = -1,
      n = 0,
      sum = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w,
        y = (i - x) / w;
      n++;
      sum += prob[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (!seen[j] && prob[j]! > DETECTION.pixelThreshold) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    const bw = x1 - x0 + 1,
      bh = y1 - y0 + 1;
    const score = sum / n;
    if (Math.min(bw, bh) < DETECTION.minSide || score < DETECTION.boxThreshold) continue;
    const d = (bw * bh * DETECTION.unclipRatio) / (2 * (bw + bh));
    const { ox, oy } = input;
    const bx0 = Math.max(0, (x0 + ox - d) / input.sx),
      by0 = Math.max(0, (y0 + oy - d) / input.sy);
    const bx1 = Math.min(srcW, (x1 + ox + 1 + d) / input.sx),
      by1 = Math.min(srcH, (y1 + oy + 1 + d) / input.sy);
    boxes.push({ x: bx0, y: by0, w: bx1 - bx0, h: by1 - by0, score });
  }
  // Reading order: top to bottom, then left to right within a line's height.
  return boxes.sort((a, b) => (Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2 ? a.x - b.x : a.y - b.y));
}
