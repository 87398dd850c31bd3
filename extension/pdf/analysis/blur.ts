import type { Paper } from './paper';

/**
 * Marziliano's edge width: at each strong horizontal gradient peak, the distance between the
 * local brightness extremes on either side. Sharp print gives one or two pixels; blur widens it
 * whatever the content. Returns the median width in pixels and how many edges were measured.
 */
export function edgeWidth(gray: Uint8Array, w: number, paper: Paper): { widthPx: number | null; count: number } {
  const widths: number[] = [];
  const minContrast = Math.max(40, paper.level * 0.25);
  const { top, bottom, left, right } = paper;
  for (let y = top; y < bottom; y += 2) {
    const row = y * w;
    for (let x = left + 2; x < right - 2; x++) {
      const g = gray[row + x + 1]! - gray[row + x - 1]!;
      const a = g < 0 ? -g : g;
      // Most of a page is flat paper: settle that before looking either side.
      if (a < 20) continue;
      const prev = gray[row + x]! - gray[row + x - 2]!;
      const next = gray[row + x + 2]! - gray[row + x]!;
      if (a < Math.abs(prev) || a <= Math.abs(next)) continue;
      const dir = Math.sign(g);
      // Walk to the local extremes on both sides along the edge's direction.
      let l = x,
        r = x;
      while (l > left && (gray[row + l]! - gray[row + l - 1]!) * dir > 0 && x - l < 12) l--;
      while (r < right - 1 && (gray[row + r + 1]! - gray[row + r]!) * dir > 0 && r - x < 12) r++;
      const contrast = Math.abs(gray[row + r]! - gray[row + l]!);
      if (contrast < minContrast) continue;
      widths.push(r - l);
      x = r;
    }
  }
  if (widths.length === 0) return { widthPx: null, count: 0 };
  widths.sort((a, b) => a - b);
  // The mean of the middle half: steadier than the median on integer widths.
  const lo = Math.floor(widths.length * 0.25),
    hi = Math.max(lo + 1, Math.ceil(widths.length * 0.75));
  let s = 0;
  for (let i = lo; i < hi; i++) s += widths[i]!;
  return { widthPx: s / (hi - lo), count: widths.length };
}
