import { components } from './blobs';
import type { Paper } from './paper';

/**
 * Upright or upside down, from alignment: text in forms and handwriting is left-aligned (labels in
 * cells, paragraph starts) and ragged on the right. Turned 180°, left edges become right edges.
 * Long rules (table lines) are removed first; characters are smeared into words.
 */
export function uprightness(paper: Paper, w: number, h: number, pxPerMm: number): 'upright' | 'upsideDown' | 'unknown' {
  const { ink } = paper;
  const m = new Uint8Array(ink);
  const hRule = Math.round(15 * pxPerMm), vRule = Math.round(10 * pxPerMm);
  // Remove long horizontal and vertical runs.
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
  // Smear characters into words: fill short horizontal gaps.
  const gap = Math.max(2, Math.round(1.6 * pxPerMm));
  for (let y = 0; y < h; y++) {
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (!m[y * w + x]) continue;
      if (last >= 0 && x - last > 1 && x - last <= gap) for (let k = last + 1; k < x; k++) m[y * w + k] = 1;
      last = x;
    }
  }
  const words = components(m, w, h, 6).filter((b) => {
    const bw = (b.x1 - b.x0 + 1) / pxPerMm, bh = (b.y1 - b.y0 + 1) / pxPerMm;
    return bh >= 1.5 && bh <= 14 && bw >= 2.5 && bw < (paper.right - paper.left) / pxPerMm * 0.8;
  });
  if (words.length < 8) return 'unknown';
  const aligned = (edges: number[]) => {
    edges.sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < edges.length; i++) {
      const left = i > 0 && edges[i]! - edges[i - 1]! <= 1;
      const right = i + 1 < edges.length && edges[i + 1]! - edges[i]! <= 1;
      if (left || right) n++;
    }
    return n;
  };
  const L = aligned(words.map((b) => b.x0));
  const R = aligned(words.map((b) => b.x1));
  if (L >= R * 1.3 + 2) return 'upright';
  if (R >= L * 1.3 + 2) return 'upsideDown';
  return 'unknown';
}
