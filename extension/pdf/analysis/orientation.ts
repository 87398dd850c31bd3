import type { Paper } from './paper';

/**
 * Upright or upside down, from the form's layout: every page of 《入团志愿书》 but the cover opens
 * with a centred heading in large type (入团志愿, 介绍人意见 …), and no page ends with one. Turned
 * 180°, the heading sits centred at the bottom. Pages without such a heading (the cover, a page of
 * handwriting) say nothing: 'unknown', never a guess.
 */
export function uprightness(paper: Paper, w: number, h: number, pxPerMm: number): 'upright' | 'upsideDown' | 'unknown' {
  const m = withoutRules(paper, w, h, pxPerMm);
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
    let x0 = -1, x1 = -1, n = 0;
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

/** The ink without table rules: long horizontal and vertical runs removed. */
function withoutRules(paper: Paper, w: number, h: number, pxPerMm: number): Uint8Array {
  const { ink } = paper;
  const m = new Uint8Array(ink);
  const hRule = Math.round(15 * pxPerMm), vRule = Math.round(10 * pxPerMm);
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const on = x < w && ink[y * w + x];
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start >= hRule) for (let k = start; k < x; k++) m[y * w + k] = 0;
        start = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const on = y < h && ink[y * w + x];
      if (on && start < 0) start = y;
      if (!on && start >= 0) {
        if (y - start >= vRule) for (let k = start; k < y; k++) m[k * w + x] = 0;
        start = -1;
      }
    }
  }
  return m;
}
