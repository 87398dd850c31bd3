import type { Raster } from '../../extension/pdf/analysis/raster';

/**
 * Synthetic A4 sheets at the engine's analysis size (620 × 877 px, 2.95 px/mm) for the pixel
 * measures' unit tests: paper, lines of writing, and marks drawn in millimetres.
 */
export const W = 620,
  H = 877,
  K = W / 210;

export type Rgb = [number, number, number];
export const BLACK: Rgb = [20, 20, 20];
export const SEAL_RED: Rgb = [214, 38, 44];

export function sheet(paper: Rgb | number = 245): Raster {
  const rgb = typeof paper === 'number' ? ([paper, paper, paper] as Rgb) : paper;
  const data = new Uint8ClampedArray(W * H * 4);
  new Uint32Array(data.buffer).fill((255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0]);
  return { width: W, height: H, data };
}

/** A filled rectangle, pixel coordinates. */
export function fill(r: Raster, x0: number, y0: number, x1: number, y1: number, rgb: Rgb): void {
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(r.height, Math.round(y1)); y++)
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(r.width, Math.round(x1)); x++)
      r.data.set(rgb, (y * r.width + x) * 4);
}

/** Multiplies every pixel for which `alpha(xMm, yMm)` > 0 toward `rgb` (a stain over paper and ink alike). */
export function tint(r: Raster, alpha: (xMm: number, yMm: number) => number, rgb: Rgb): void {
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const a = Math.min(1, alpha(x / K, y / K));
      if (a <= 0) continue;
      const i = (y * r.width + x) * 4;
      for (let c = 0; c < 3; c++) r.data[i + c] = (r.data[i + c]! * (255 - a * (255 - rgb[c]!))) / 255;
    }
}

/**
 * Lines of writing: dark bars 1.5–4 mm long with 1 mm gaps (3 mm tall characters, not lined up from line to
 * line), 8 mm apart from `fromMm`, all starting at 25 mm and ragged on the right as writing is
 * (each line ends between 120 and 185 mm), tilted by `deg` counter-clockwise. `heading` adds a
 * centred large title above them.
 */
export function writing(
  r: Raster,
  opts: { deg?: number; fromMm?: number; lines?: number; heading?: boolean } = {},
): void {
  const t = Math.tan(((opts.deg ?? 0) * Math.PI) / 180);
  const from = opts.fromMm ?? 60;
  // The heading: six large characters, each a box of strokes with a cross (not a solid block).
  if (opts.heading)
    for (let c = 0; c < 6; c++) {
      const x0 = W / 2 + (c - 3) * 9 * K,
        x1 = x0 + 6.5 * K;
      for (const y of [20, 23.3, 26.2]) fill(r, x0, y * K, x1, (y + 0.8) * K, BLACK);
      for (const x of [x0, (x0 + x1) / 2 - 0.4 * K, x1 - 0.8 * K]) fill(r, x, 20 * K, x + 0.8 * K, 27 * K, BLACK);
    }
  for (let line = 0; line < (opts.lines ?? 20); line++) {
    const y = (from + line * 8) * K;
    const end = (120 + ((line * 37) % 66)) * K;
    for (let x = 25 * K, k = line; x < end; k++) {
      const len = (1.5 + ((k * 7) % 6) * 0.5) * K;
      fill(r, x, y - (x - W / 2) * t, x + len, y - (x - W / 2) * t + 3 * K, BLACK);
      x += len + K;
    }
  }
}

/** An ellipse's ring (outer half-axes in mm, `widthMm` thick, turned by `deg`), in `rgb` at strength `alpha`. */
export function ring(
  r: Raster,
  cxMm: number,
  cyMm: number,
  aMm: number,
  bMm: number,
  widthMm: number,
  rgb: Rgb,
  alpha = 1,
  deg = 0,
): void {
  const c = Math.cos((deg * Math.PI) / 180),
    s = Math.sin((deg * Math.PI) / 180);
  tint(
    r,
    (x, y) => {
      const u = (x - cxMm) * c + (y - cyMm) * s,
        v = -(x - cxMm) * s + (y - cyMm) * c;
      const rho = Math.hypot(u / aMm, v / bMm);
      return rho <= 1 && rho >= 1 - widthMm / Math.min(aMm, bMm) ? alpha : 0;
    },
    rgb,
  );
}
