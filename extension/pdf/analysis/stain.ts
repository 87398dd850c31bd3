import { components, erode } from './blobs';
import { backgroundAt, type Paper } from './paper';

/**
 * The largest solid dark blotch (§4.1 污损): dark pixels eroded by a ~1.7 mm square, so strokes of
 * print and handwriting vanish and only filled areas remain. Rectangles (a pasted photo, a filled
 * box) are not stains. Returns its area in pixels, restored for the erosion.
 */
export function largestBlotch(
  gray: Uint8Array,
  red: Uint8Array,
  w: number,
  h: number,
  paper: Paper,
  pxPerMm: number,
): number {
  // Blotches are large: look at half resolution (a 2×2 cell is dark when all four pixels are).
  const W = w >> 1,
    H = h >> 1;
  const dark = new Uint8Array(W * H);
  for (let Y = paper.top >> 1; Y < paper.bottom >> 1; Y++)
    for (let X = paper.left >> 1; X < paper.right >> 1; X++) {
      const x = X << 1,
        y = Y << 1;
      const cut = Math.min(120, backgroundAt(paper, x, y) * 0.55);
      let all = true;
      for (let k = 0; k < 4 && all; k++) {
        const i = (y + (k >> 1)) * w + x + (k & 1);
        // Seals are red and not stains, however dark their centre star.
        if (!(gray[i]! < cut && red[i]! < 60)) all = false;
      }
      if (all) dark[Y * W + X] = 1;
    }
  const half = pxPerMm / 2;
  const r = Math.max(1, Math.round(0.85 * half));
  const core = erode(dark, W, H, r);
  let best = 0;
  const edge = { top: paper.top >> 1, left: paper.left >> 1, right: paper.right >> 1, bottom: paper.bottom >> 1 };
  for (const b of components(core, W, H, 2)) {
    const bw = b.x1 - b.x0 + 1,
      bh = b.y1 - b.y0 + 1;
    if (bw >= 4 && bh >= 4 && b.area / (bw * bh) > 0.9) continue;
    // Touching the sheet's edge: a desk corner of a tilted photo or an edge shadow, not a stain.
    const m = r + 1;
    if (b.x0 <= edge.left + m || b.y0 <= edge.top + m || b.x1 >= edge.right - 1 - m || b.y1 >= edge.bottom - 1 - m)
      continue;
    const restored = b.area + 2 * r * (bw + bh) + 4 * r * r;
    if (restored > best) best = restored;
  }
  // Back to full-resolution pixels.
  return best * 4;
}
