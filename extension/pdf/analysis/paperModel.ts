import type { Paper } from './paper';
import type { Planes } from './raster';
import { solveInPlace } from './linear';
import { paperGridsJs } from './paperGrids';
import { paperGridSimd } from './simd/paperGridSimd';

/**
 * What the paper itself looks like, everywhere on the sheet: its lightness and its yellowness with
 * the writing taken away, and the smooth sheet they would have without stains (evenly yellowed
 * paper, a phone's falling light and a grey scan all are smooth). Stains are where the paper
 * departs from that sheet. Two grids: `fine` (half the analysis size, ≈ 0.7 mm a cell) keeps thin
 * marks — rings, tide lines, foxing — and `coarse` (a quarter, ≈ 1.4 mm) the paper under the writing.
 */
export interface Grid {
  w: number;
  h: number;
  /** Cells per millimetre. */
  perMm: number;
  /** Paper bounds in cells: [top, bottom) × [left, right). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Lightness (BT.601) and yellowness (G − B + 64) per cell. */
  light: Uint8Array;
  yellow: Uint8Array;
  /** Seal-red per cell (R above G and B): the most of the pixels it covers. */
  red: Uint8Array;
}

export interface PaperModel {
  fine: Grid;
  /** Strokes removed (a closing): the paper's own colour. */
  coarse: Grid & {
    /** The smooth sheet: expected lightness and yellowness per coarse cell. */
    fitLight: Float32Array;
    fitYellow: Float32Array;
  };
}

/** Strokes up to this wide (mm) vanish from the paper estimate; blots and tints wider stay. */
const STROKE_MM = 6;
/** The sheet is fitted on cells of this many mm. */
const FIT_CELL_MM = 8;

function bounds(paper: Paper, shift: number) {
  return {
    top: paper.top >> shift,
    bottom: paper.bottom >> shift,
    left: paper.left >> shift,
    right: paper.right >> shift,
  };
}

/** The ten terms of a cubic in x and y (both scaled to −1…1). */
function terms(u: number, v: number, out: Float64Array): void {
  out[0] = 1;
  out[1] = u;
  out[2] = v;
  out[3] = u * u;
  out[4] = u * v;
  out[5] = v * v;
  out[6] = u * u * u;
  out[7] = u * u * v;
  out[8] = u * v * v;
  out[9] = v * v * v;
}

interface Cells {
  u: Float64Array;
  v: Float64Array;
  value: Float64Array;
}

/**
 * A cubic surface through the cells, refitted without the cells it fits worst: stains, a glued
 * photo and shadows are a minority of the sheet and drop out. `darkSide` says which way a stain
 * moves the value (darker lightness: −1; more yellow: +1): that side is cut sooner.
 */
function robustSurface(c: Cells, darkSide: 1 | -1): Float64Array {
  const n = c.value.length;
  const T = new Float64Array(n * 10);
  const t = T.subarray(0, 10);
  for (let i = 0; i < n; i++) {
    terms(c.u[i]!, c.v[i]!, t);
    T.set(t, i * 10);
  }
  const keep = new Uint8Array(n).fill(1);
  const res = new Float64Array(n);
  const abs = new Float64Array(n);
  let coef: Float64Array = new Float64Array(10);
  for (let pass = 0; pass < 3; pass++) {
    const A = new Float64Array(100),
      b = new Float64Array(10);
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      const o = i * 10,
        v = c.value[i]!;
      for (let r = 0; r < 10; r++) {
        const tr = T[o + r]!;
        b[r] = b[r]! + tr * v;
        for (let k = r; k < 10; k++) A[r * 10 + k] = A[r * 10 + k]! + tr * T[o + k]!;
      }
    }
    for (let r = 0; r < 10; r++) for (let k = 0; k < r; k++) A[r * 10 + k] = A[k * 10 + r]!;
    const x = solveInPlace(A, b, 10, 1e-9);
    if (!x) break;
    coef = x;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const o = i * 10;
      let f = 0;
      for (let k = 0; k < 10; k++) f += coef[k]! * T[o + k]!;
      res[i] = (c.value[i]! - f) * darkSide;
      if (keep[i]) abs[m++] = Math.abs(res[i]!);
    }
    const kept = abs.subarray(0, m).sort();
    const sigma = Math.max(1, 1.48 * (kept[m >> 1] ?? 1));
    const hi = Math.max(3, 2.5 * sigma),
      lo = -Math.max(6, 4 * sigma);
    for (let i = 0; i < n; i++) keep[i] = res[i]! < hi && res[i]! > lo ? 1 : 0;
  }
  return coef;
}

/** The cubic over the sheet's cells: per row it is a cubic in x alone, evaluated by Horner's rule. */
function evaluate(
  c: Float64Array,
  out: Float32Array,
  w: number,
  top: number,
  bottom: number,
  left: number,
  right: number,
  su: number,
  sv: number,
): void {
  for (let y = top; y < bottom; y++) {
    const v = (y - top) * sv - 1;
    const a0 = c[0]! + c[2]! * v + c[5]! * v * v + c[9]! * v * v * v;
    const a1 = c[1]! + c[4]! * v + c[8]! * v * v;
    const a2 = c[3]! + c[7]! * v;
    const a3 = c[6]!;
    for (let x = left, i = y * w + left; x < right; x++, i++) {
      const u = (x - left) * su - 1;
      out[i] = a0 + u * (a1 + u * (a2 + u * a3));
    }
  }
}

export function paperModel(p: Planes, width: number, height: number, paper: Paper, pxPerMm: number): PaperModel {
  const perMm = pxPerMm / 4;
  const radius = Math.max(1, Math.round((STROKE_MM * perMm - 1) / 2));
  const {
    half,
    quarter: q,
    light,
    yellow,
  } = paperGridSimd(p, width, height, radius) ?? paperGridsJs(p, width, height, radius);
  const fine: Grid = { ...half, perMm: pxPerMm / 2, ...bounds(paper, 1) };
  const { w, h } = q;
  const { top, bottom, left, right } = bounds(paper, 2);
  // Cell means of the closed planes over the sheet.
  const cell = Math.max(2, Math.round(FIT_CELL_MM * perMm));
  const us: number[] = [],
    vs: number[] = [],
    ls: number[] = [],
    ys: number[] = [];
  const su = 2 / Math.max(1, right - left),
    sv = 2 / Math.max(1, bottom - top);
  for (let y0 = top; y0 + cell <= bottom; y0 += cell)
    for (let x0 = left; x0 + cell <= right; x0 += cell) {
      let L = 0,
        Y = 0;
      for (let y = y0; y < y0 + cell; y++)
        for (let x = x0, i = y * w + x0; x < x0 + cell; x++, i++) {
          L += light[i]!;
          Y += yellow[i]!;
        }
      const n = cell * cell;
      us.push((x0 + cell / 2 - left) * su - 1);
      vs.push((y0 + cell / 2 - top) * sv - 1);
      ls.push(L / n);
      ys.push(Y / n);
    }
  const cells = { u: Float64Array.from(us), v: Float64Array.from(vs) };
  const cl = robustSurface({ ...cells, value: Float64Array.from(ls) }, -1);
  const cy = robustSurface({ ...cells, value: Float64Array.from(ys) }, 1);
  const fitLight = new Float32Array(w * h),
    fitYellow = new Float32Array(w * h);
  evaluate(cl, fitLight, w, top, bottom, left, right, su, sv);
  evaluate(cy, fitYellow, w, top, bottom, left, right, su, sv);
  return {
    fine,
    coarse: { w, h, perMm, top, bottom, left, right, light, yellow, red: q.red, fitLight, fitYellow },
  };
}
