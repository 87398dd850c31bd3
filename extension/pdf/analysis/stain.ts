import { components, erode } from './blobs';
import type { Paper } from './paper';

/**
 * The largest solid dark blotch (§4.1 污损): dark pixels eroded by a ~1.7 mm square, so strokes of
 * print and handwriting vanish and only filled areas remain. Rectangles (a pasted photo, a filled
 * box) are not stains. Returns its area in pixels, restored for the erosion.
 */
export function largestBlotch(gray: Uint8Array, red: Uint8Array, w: number, h: number, paper: Paper, pxPerMm: number): number {
  const dark = new Uint8Array(w * h);
  for (let y = paper.top; y < paper.bottom; y++)
    for (let x = paper.left; x < paper.right; x++) {
      const i = y * w + x;
      // Seals are red and not stains, however dark their centre star.
      if (gray[i]! < Math.min(120, paper.background[i]! * 0.55) && red[i]! < 60) dark[i] = 1;
    }
  const r = Math.max(1, Math.round(0.85 * pxPerMm));
  const core = erode(dark, w, h, r);
  let best = 0;
  for (const b of components(core, w, h, 2)) {
    const bw = b.x1 - b.x0 + 1, bh = b.y1 - b.y0 + 1;
    if (bw >= 4 && bh >= 4 && b.area / (bw * bh) > 0.9) continue;
    // Touching the sheet's edge: a desk corner of a tilted photo or an edge shadow, not a stain.
    const m = r + 2;
    if (b.x0 <= paper.left + m || b.y0 <= paper.top + m || b.x1 >= paper.right - 1 - m || b.y1 >= paper.bottom - 1 - m) continue;
    const restored = b.area + 2 * r * (bw + bh) + 4 * r * r;
    if (restored > best) best = restored;
  }
  return best;
}
