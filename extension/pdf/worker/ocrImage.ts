import type { OcrCrop } from './protocol';

/** Room left around the writing: tesseract reads a line badly when it touches the image's edge. */
const MARGIN_PX = 24;

/**
 * The top strip of page 1 as the number reader takes it: grey, and cut down to where there is
 * writing. Tesseract's time grows with the picture, and the strip is mostly empty paper; cutting
 * by the ink found, not by where a layout puts the number, keeps any cover layout readable.
 */
export function ocrImage(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): OcrCrop {
  const grey = new Uint8Array(width * height);
  const hist = new Uint32Array(256);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    const v = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
    grey[i] = v;
    hist[v]!++;
  }
  const box = writingBox(grey, hist, width, height);
  const header = new TextEncoder().encode(`P5\n${box.w} ${box.h}\n255\n`);
  const pgm = new Uint8Array(header.length + box.w * box.h);
  pgm.set(header);
  for (let y = 0; y < box.h; y++)
    pgm.set(grey.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.w), header.length + y * box.w);
  return { width: box.w, height: box.h, pgm };
}

/**
 * The rectangle holding the strip's writing, with a margin: rows and columns with at least two
 * pixels clearly darker than the paper. Where that is most of the strip anyway (a photo's desk,
 * a dark scan), or nothing, the whole strip.
 */
function writingBox(
  grey: Uint8Array,
  hist: Uint32Array,
  width: number,
  height: number,
): { x: number; y: number; w: number; h: number } {
  const whole = { x: 0, y: 0, w: width, h: height };
  let paper = 255;
  for (let v = 255, acc = 0; v >= 0; v--) {
    acc += hist[v]!;
    if (acc >= grey.length * 0.5) {
      paper = v;
      break;
    }
  }
  const cut = paper * 0.6;
  const rows = new Uint32Array(height),
    cols = new Uint32Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0, i = y * width; x < width; x++, i++)
      if (grey[i]! < cut) {
        rows[y]!++;
        cols[x]!++;
      }
  const first = (a: Uint32Array) => a.findIndex((n) => n >= 2);
  const last = (a: Uint32Array) => a.length - 1 - [...a].reverse().findIndex((n) => n >= 2);
  const y0 = first(rows),
    x0 = first(cols);
  if (y0 < 0 || x0 < 0) return whole;
  const y1 = last(rows),
    x1 = last(cols);
  const x = Math.max(0, x0 - MARGIN_PX),
    y = Math.max(0, y0 - MARGIN_PX);
  const w = Math.min(width, x1 + 1 + MARGIN_PX) - x,
    h = Math.min(height, y1 + 1 + MARGIN_PX) - y;
  return w * h > width * height * 0.7 ? whole : { x, y, w, h };
}
