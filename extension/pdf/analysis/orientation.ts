import type { Paper } from './paper';

/**
 * Upright or upside down, from the form's layout: every page of 《入团志愿书》 but the cover opens
 * with a centred heading in large type (入团志愿, 介绍人意见 …), and no page ends with one. Turned
 * 180°, the heading sits centred at the bottom. Pages without such a heading (the cover, a page of
 * handwriting) say nothing: 'unknown', never a guess.
 */
export function uprightness(paper: Paper, w: number, h: number, pxPerMm: number): 'upright' | 'upsideDown' | 'unknown' {
  const m = withoutRules(paper, w, pxPerMm);
  const lines = textLines(m, paper, w, pxPerMm);
  const ph = paper.bottom - paper.top;
  const band = ph * 0.22;
  const isHeading = (l: Line) => {
    const width = l.x1 - l.x0 + 1;
    const pw = paper.right - paper.left;
    const centre = (l.x0 + l.x1) / 2 - paper.left;
    return (l.y1 - l.y0 + 1) / pxPerMm >= 5 && width < pw * 0.6 && Math.abs(centre - pw / 2) < pw * 0.06;
  };
  const top = lines.some((l) => l.y1 - paper.top < band && isHeading(l));
  const bottom = lines.some((l) => paper.bottom - l.y0 < band && isHeading(l));
  if (top && !bottom) return 'upright';
  if (bottom && !top) return 'upsideDown';
  return 'unknown';
}

interface Line {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/** Text lines: runs of rows holding ink (gaps under 0.8 mm bridged), with their horizontal extent. */
function textLines(m: Uint8Array, paper: Paper, w: number, pxPerMm: number): Line[] {
  const gap = Math.max(1, Math.round(0.8 * pxPerMm));
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (let y = paper.top; y < paper.bottom; y++) {
    let x0 = -1,
      x1 = -1,
      n = 0;
    for (let x = paper.left, i = y * w + paper.left; x < paper.right; x++, i++)
      if (m[i]) {
        if (x0 < 0) x0 = x;
        x1 = x;
        n++;
      }
    if (n < 2) continue;
    if (cur && y - cur.y1 <= gap) {
      cur.y1 = y;
      cur.x0 = Math.min(cur.x0, x0);
      cur.x1 = Math.max(cur.x1, x1);
    } else {
      if (cur) lines.push(cur);
      cur = { y0: y, y1: y, x0, x1 };
    }
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => (l.y1 - l.y0 + 1) / pxPerMm >= 1.5);
}

/** The ink without table rules: long horizontal and vertical runs removed. Ink lies inside the sheet only. */
function withoutRules(paper: Paper, w: number, pxPerMm: number): Uint8Array {
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
