import type { Planes } from './raster';

/** A grid of cells: lightness, yellowness and seal-red per cell, row-major. */
export interface Cells {
  w: number;
  h: number;
  light: Uint8Array;
  yellow: Uint8Array;
  red: Uint8Array;
}

/** What the paper model is made from: the half and quarter grids, and the quarter grid's paper. */
export interface Grids {
  half: Cells;
  quarter: Cells;
  /** The quarter grid's lightness with strokes up to the window closed away. */
  light: Uint8Array;
  /** Its yellowness with ink closed away and colour fringes opened away. */
  yellow: Uint8Array;
}

/**
 * The grids in plain JS: where WebAssembly SIMD cannot run, and the reference its kernel
 * (simd/paperGridSimd.ts) is tested against. `radius`: the closing's, in quarter cells (strokes up
 * to 2·radius + 1 cells wide vanish).
 */
export function paperGridsJs(p: Planes, W: number, H: number, radius: number): Grids {
  const half = halve(p, W, H);
  const quarter = quarterOf(half);
  const { w, h } = quarter;
  const light = minFilter(maxFilter(quarter.light, w, h, radius), w, h, radius);
  // Ink is less yellow than paper (closing takes it away); colour fringes beside it are more (opening does).
  // (Two running maxes in a row are one of their radii summed.)
  const yellow = minFilter(maxFilter(minFilter(quarter.yellow, w, h, 1), w, h, radius + 1), w, h, radius);
  return { half, quarter, light, yellow };
}

/** 2×2 averages of lightness and yellowness; the reddest of the four. */
function halve(p: Planes, W: number, H: number): Cells {
  const w = W >> 1,
    h = H >> 1;
  const light = new Uint8Array(w * h),
    yellow = new Uint8Array(w * h),
    red = new Uint8Array(w * h);
  const { gray: g, yellow: yl, red: rd } = p;
  for (let y = 0; y < h; y++)
    for (let x = 0, i = y * w, q = 2 * y * W; x < w; x++, i++, q += 2) {
      const q2 = q + W;
      light[i] = (g[q]! + g[q + 1]! + g[q2]! + g[q2 + 1]! + 2) >> 2;
      yellow[i] = (yl[q]! + yl[q + 1]! + yl[q2]! + yl[q2 + 1]! + 2) >> 2;
      const r0 = rd[q]! > rd[q + 1]! ? rd[q]! : rd[q + 1]!,
        r1 = rd[q2]! > rd[q2 + 1]! ? rd[q2]! : rd[q2 + 1]!;
      red[i] = r0 > r1 ? r0 : r1;
    }
  return { w, h, light, yellow, red };
}

/** The lightest of each 2×2 of the half grid, with its yellowness: the paper between strokes, not their average. */
function quarterOf(g: Cells): Cells {
  const w = g.w >> 1,
    h = g.h >> 1;
  const light = new Uint8Array(w * h),
    yellow = new Uint8Array(w * h),
    red = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const a = 2 * y * g.w + 2 * x,
        b = a + g.w;
      // The lightest of the four is the paper between strokes; its yellowness is the paper's.
      let k = a;
      if (g.light[a + 1]! > g.light[k]!) k = a + 1;
      if (g.light[b]! > g.light[k]!) k = b;
      if (g.light[b + 1]! > g.light[k]!) k = b + 1;
      light[y * w + x] = g.light[k]!;
      yellow[y * w + x] = g.yellow[k]!;
      const r0 = g.red[a]! > g.red[a + 1]! ? g.red[a]! : g.red[a + 1]!,
        r1 = g.red[b]! > g.red[b + 1]! ? g.red[b]! : g.red[b + 1]!;
      red[y * w + x] = r0 > r1 ? r0 : r1;
    }
  return { w, h, light, yellow, red };
}

/**
 * Running max (or min) over a (2r+1)² window, clipped at the grid's edges: along rows, then
 * between rows (a whole row at a time, in memory order).
 */
function rankFilter(src: Uint8Array, w: number, h: number, r: number, max: boolean): Uint8Array {
  const tmp = new Uint8Array(src.length),
    out = new Uint8Array(src.length);
  // Bytes compared as v ^ flip: 255 − v for a min, so one comparison serves both.
  const flip = max ? 0 : 255;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let m = src[row + x]! ^ flip;
      for (let k = x > r ? x - r : 0, e = x + r < w ? x + r : w - 1; k <= e; k++) {
        const v = src[row + k]! ^ flip;
        if (v > m) m = v;
      }
      tmp[row + x] = m ^ flip;
    }
  }
  for (let y = 0; y < h; y++) {
    const y0 = y > r ? y - r : 0,
      y1 = y + r < h ? y + r : h - 1,
      o = y * w;
    out.set(tmp.subarray(y0 * w, y0 * w + w), o);
    for (let k = y0 + 1; k <= y1; k++)
      for (let x = 0, i = k * w; x < w; x++, i++) {
        const v = tmp[i]! ^ flip;
        if (v > (out[o + x]! ^ flip)) out[o + x] = v ^ flip;
      }
  }
  return out;
}

function maxFilter(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  return rankFilter(src, w, h, r, true);
}
function minFilter(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  return rankFilter(src, w, h, r, false);
}
