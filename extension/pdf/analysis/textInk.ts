import type { Paper } from './paper';

/**
 * The writing on a page without its table rules, as points: what orientation is read from. At most
 * `MAX_POINTS` points are kept (every k-th ink pixel), enough to see lines and cheap to turn.
 */
export interface TextInk {
  xs: Int32Array;
  ys: Int32Array;
  n: number;
  /** Ink pixels of writing on the sheet (before sampling). */
  total: number;
}

const MAX_POINTS = 12_000;

/** `m`: the writing mask (writingMask), when the caller has it already. */
export function textInk(paper: Paper, w: number, pxPerMm: number, m = writingMask(paper, w, pxPerMm)): TextInk {
  let total = 0;
  for (let y = paper.top; y < paper.bottom; y++)
    for (let i = y * w + paper.left, end = y * w + paper.right; i < end; i++) total += m[i]!;
  const stride = Math.max(1, Math.ceil(total / MAX_POINTS));
  const cap = Math.ceil(total / stride) + 1;
  const xs = new Int32Array(cap),
    ys = new Int32Array(cap);
  let k = 0,
    n = 0;
  for (let y = paper.top; y < paper.bottom; y++)
    for (let x = paper.left, i = y * w + paper.left; x < paper.right; x++, i++)
      if (m[i] && k++ % stride === 0) {
        xs[n] = x;
        ys[n++] = y;
      }
  return { xs, ys, n, total };
}

/** The ink without table rules: long horizontal and vertical runs removed. Ink lies inside the sheet only. */
export function writingMask(paper: Paper, w: number, pxPerMm: number): Uint8Array {
  const { ink, top, bottom, left, right } = paper;
  const m = new Uint8Array(ink);
  const hRule = Math.round(15 * pxPerMm),
    vRule = Math.round(10 * pxPerMm);
  for (let y = top; y < bottom; y++) {
    let start = -1;
    for (let x = left, i = y * w + left; x <= right; x++, i++) {
      const on = x < right && ink[i];
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start >= hRule) m.fill(0, y * w + start, y * w + x);
        start = -1;
      }
    }
  }
  // Vertical runs, row by row (the memory's order): where each column's current run began.
  const runStart = new Int32Array(right - left).fill(-1);
  const clearColumn = (x: number, from: number, to: number) => {
    for (let k = from; k < to; k++) m[k * w + x] = 0;
  };
  for (let y = top; y <= bottom; y++) {
    for (let x = left, i = y * w + left; x < right; x++, i++) {
      const c = x - left;
      const on = y < bottom && ink[i];
      if (on) {
        if (runStart[c]! < 0) runStart[c] = y;
      } else if (runStart[c]! >= 0) {
        if (y - runStart[c]! >= vRule) clearColumn(x, runStart[c]!, y);
        runStart[c] = -1;
      }
    }
  }
  return m;
}
