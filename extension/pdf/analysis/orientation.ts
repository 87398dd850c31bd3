import type { Paper } from './paper';
import { textInk, type TextInk } from './textInk';

/**
 * Which way a page is turned, from its writing (rules taken away), on every page:
 * - sideways: the writing runs in columns, not rows — lines are far sharper across than along;
 * - upside down: printed and handwritten Chinese lines start at a common left edge and end ragged
 *   (indented first lines, short last lines), and a page's centred heading opens it: turned 180°
 *   the common edge is on the right and the heading at the bottom. Both must agree, or one speak
 *   with the other silent;
 * - a sparse page (a cover: a large title, a few lines, a 编号 and a name) holds too little writing
 *   to tell: 'unknown', never a guess for lack of text.
 */
export type Orientation = 'upright' | 'upsideDown' | 'sideways' | 'unknown';

/** Writing on less than this share of the sheet, or fewer lines than this, says nothing about orientation. */
const SPARSE_INK = 0.004;
const MIN_LINES = 5;
/** Lines run across when rows are this much sharper than columns (and sideways when the reverse). */
const DIRECTION_RATIO = 1.25;
/** Beyond this tilt, line ends are not read for up or down. */
const MAX_TILT_DEG = 6;
/** Line starts (or ends) within this many mm count as aligned. */
const ALIGN_MM = 1.5;
/** One side's aligned lines must outnumber the other's by this share of the lines, and by at least 3. */
const ALIGN_MARGIN = 0.25;

interface Line {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  n: number;
}

/** How sharply the writing falls into lines at `deg`: Σ bin² / n of the profile across them (rows, or columns). */
function sharpness(t: TextInk, deg: number, columns: boolean, bins: Int32Array): number {
  bins.fill(0);
  const tan = Math.tan((deg * Math.PI) / 180);
  const off = bins.length / 2;
  const as = columns ? t.xs : t.ys,
    bs = columns ? t.ys : t.xs;
  // Σ bin² grows by 2v + 1 as a bin goes from v to v + 1: summed as the points fall.
  let s = 0;
  for (let i = 0; i < t.n; i++) {
    const k = (as[i]! + bs[i]! * tan + off) | 0;
    if (k >= 0 && k < bins.length) s += 2 * bins[k]!++ + 1;
  }
  return s / Math.max(1, t.n);
}

/** The sharpest line structure across rows and across columns, each at its best angle within ±12°. */
function lineStructure(t: TextInk, size: number): { rows: number; cols: number; rowDeg: number } {
  const bins = new Int32Array(size * 2);
  let rows = 0,
    cols = 0,
    rowDeg = 0;
  for (let d = -12; d <= 12; d += 1) {
    const r = sharpness(t, d, false, bins);
    if (r > rows) {
      rows = r;
      rowDeg = d;
    }
    cols = Math.max(cols, sharpness(t, d, true, bins));
  }
  return { rows, cols, rowDeg };
}

/** Text lines along `deg`: bands of the row profile, with each line's robust left and right ends. */
function linesAlong(t: TextInk, deg: number, size: number, pxPerMm: number): Line[] {
  const tan = Math.tan((deg * Math.PI) / 180);
  const prof = new Float64Array(size * 2);
  const off = size;
  const rowOf = (i: number) => (t.ys[i]! + t.xs[i]! * tan + off) | 0;
  for (let i = 0; i < t.n; i++) prof[rowOf(i)]!++;
  const gap = Math.max(1, Math.round(0.8 * pxPerMm));
  const lineOf = new Int32Array(prof.length).fill(-1);
  const lines: Line[] = [];
  let last = -Infinity;
  for (let y = 0; y < prof.length; y++) {
    if (prof[y]! < 1) continue;
    if (y - last > gap) lines.push({ y0: y, y1: y, x0: 0, x1: 0, n: 0 });
    const l = lines[lines.length - 1]!;
    l.y1 = y;
    last = y;
    for (let k = Math.max(0, y - gap); k <= y; k++) lineOf[k] = lines.length - 1;
  }
  // Each line's ends: the 2nd and 98th percentile of its points' x (specks do not move them).
  const xsOf: number[][] = lines.map(() => []);
  for (let i = 0; i < t.n; i++) {
    const l = lineOf[rowOf(i)]!;
    if (l >= 0) xsOf[l]!.push(t.xs[i]!);
  }
  return lines
    .map((l, k) => {
      const xs = xsOf[k]!.sort((a, b) => a - b);
      return {
        ...l,
        y0: l.y0 - off,
        y1: l.y1 - off,
        n: xs.length,
        x0: xs[Math.floor(xs.length * 0.02)] ?? 0,
        x1: xs[Math.ceil(xs.length * 0.98) - 1] ?? 0,
      };
    })
    .filter((l) => l.n >= 8 && (l.y1 - l.y0 + 1) / pxPerMm >= 1.5);
}

/** Lines whose start (or end) another line shares within ALIGN_MM. */
function alignedCount(ends: number[], tolPx: number): number {
  let n = 0;
  for (let i = 0; i < ends.length; i++) if (ends.some((e, j) => j !== i && Math.abs(e - ends[i]!) <= tolPx)) n++;
  return n;
}

/** +1 when lines share a left edge more than a right one (upright), −1 for the reverse, 0 when unclear. */
function alignmentVote(lines: Line[], pxPerMm: number): number {
  const tol = ALIGN_MM * pxPerMm;
  const left = alignedCount(
    lines.map((l) => l.x0),
    tol,
  );
  const right = alignedCount(
    lines.map((l) => l.x1),
    tol,
  );
  const margin = Math.max(3, lines.length * ALIGN_MARGIN);
  return left - right >= margin ? 1 : right - left >= margin ? -1 : 0;
}

/** +1 for a centred large heading opening the page, −1 for one closing it, 0 for neither or both. */
function headingVote(lines: Line[], paper: Paper, pxPerMm: number): number {
  const pw = paper.right - paper.left,
    ph = paper.bottom - paper.top;
  const isHeading = (l: Line) => {
    const centre = (l.x0 + l.x1) / 2 - paper.left;
    return (l.y1 - l.y0 + 1) / pxPerMm >= 5 && l.x1 - l.x0 < pw * 0.6 && Math.abs(centre - pw / 2) < pw * 0.06;
  };
  // The first and last lines only: a heading leads its page (or, turned, ends it).
  const first = lines[0],
    last = lines[lines.length - 1];
  const top = !!first && first.y1 - paper.top < ph * 0.22 && isHeading(first);
  const bottom = !!last && paper.bottom - last.y0 < ph * 0.22 && isHeading(last);
  return top && !bottom ? 1 : bottom && !top ? -1 : 0;
}

/** `skewDeg`: the page's measured tilt when known (finer than this search's 1° steps). */
export function orientationOf(
  paper: Paper,
  w: number,
  h: number,
  pxPerMm: number,
  skewDeg: number | null,
  writing?: Uint8Array,
): Orientation {
  if (w > h * 1.15) return 'sideways';
  const t = textInk(paper, w, pxPerMm, writing);
  if (t.total < paper.area * SPARSE_INK) return 'unknown';
  const size = Math.max(w, h);
  const s = lineStructure(t, size);
  if (s.cols > s.rows * DIRECTION_RATIO) return 'sideways';
  // Up or down is read on lines only when they are clear and the page is not much tilted.
  if (s.rows < s.cols * DIRECTION_RATIO || (skewDeg !== null && Math.abs(skewDeg) > MAX_TILT_DEG)) return 'unknown';
  const lines = linesAlong(t, skewDeg ?? s.rowDeg, size, pxPerMm);
  if (lines.length < MIN_LINES) return 'unknown';
  const votes = [alignmentVote(lines, pxPerMm), headingVote(lines, paper, pxPerMm)];
  if (votes.includes(-1) && !votes.includes(1)) return 'upsideDown';
  return votes.includes(1) ? 'upright' : 'unknown';
}
