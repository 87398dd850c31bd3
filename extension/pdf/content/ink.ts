import { cropGrey, type Grey, type Rect } from './ocr/grey';

/**
 * Share of writing ink (pixels clearly darker than the paper) in the most written band of a
 * region, bands `band` px high (the whole region by default): one line of writing in a large empty
 * space is still writing. Printed rules are not writing: a table's rows and columns, the ruled
 * lines of a 入团志愿 box, a signature's underline, a table cell's border beside a label. They are
 * told by their length — a dark run longer than `rule` px across or down (a stroke of handwriting
 * is about one character long) — looked for with the rows (columns)
 * on either side merged in, so a rule that a scan turned by a degree or two, and so comes as a
 * staircase of short runs, is still one long run; its pixels and the grey fringe beside them are
 * left out. A run across 0.7 of the region is a rule however short the region (a table cell's
 * border beside an entry's label): a handwritten stroke is shorter than 0.7 of a one-line space.
 */
export function inkFraction(g: Grey, r: Rect, band = r.h, rule = Math.max(24, band * 1.6)): number {
  // Rules are looked for around the region too: a rule the region's edge cuts (a turned table
  // line that only dips into it) is seen whole, not as a short run of writing.
  const m = Math.ceil(rule);
  const x0 = Math.max(0, Math.floor(r.x) - m),
    y0 = Math.max(0, Math.floor(r.y) - m);
  const c = cropGrey(g, { x: x0, y: y0, w: Math.ceil(r.x + r.w) + m - x0, h: Math.ceil(r.y + r.h) + m - y0 });
  const inner = cropGrey(g, r);
  const { width: w, height: h } = inner;
  const ix = Math.max(0, Math.floor(r.x)) - x0,
    iy = Math.max(0, Math.floor(r.y)) - y0;
  const sorted = Uint8Array.from(inner.data).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  const cut = paper * 0.6;
  const W = c.width,
    H = c.height;
  const dark = new Uint8Array(W * H);
  for (let i = 0; i < dark.length; i++) dark[i] = c.data[i]! < cut ? 1 : 0;
  const ruled = new Uint8Array(W * H);
  markRuns(dark, W, H, Math.min(rule, w * 0.7), ruled, false);
  markRuns(dark, W, H, Math.min(rule, h * 0.7), ruled, true);
  const rows = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) {
      const k = (iy + y) * W + ix + x;
      if (dark[k] && !ruled[k]) n++;
    }
    rows[y] = n / w;
  }
  const bh = Math.max(1, Math.min(h, Math.round(band)));
  let best = 0;
  for (let b0 = 0; b0 + bh <= h; b0 += Math.max(1, bh >> 1)) {
    let sum = 0;
    for (let y = b0; y < b0 + bh; y++) sum += rows[y]!;
    best = Math.max(best, sum / bh);
  }
  return best;
}

/**
 * Marks in `out` the dark pixels on runs at least `min` long along rows (or columns, `down`), a
 * run counted over three neighbouring rows at once (dark in any of them), and the pixels within
 * two of such a run across it (a rule's blurred edge).
 */
function markRuns(dark: Uint8Array, w: number, h: number, min: number, out: Uint8Array, down: boolean): void {
  const along = down ? h : w;
  const across = down ? w : h;
  const at = (a: number, b: number) => (down ? a * w + b : b * w + a);
  const any = (a: number, b: number) => {
    for (let d = -1; d <= 1; d++) {
      const bb = b + d;
      if (bb >= 0 && bb < across && dark[at(a, bb)]) return true;
    }
    return false;
  };
  for (let b = 0; b < across; b++) {
    let start = -1;
    for (let a = 0; a <= along; a++) {
      const on = a < along && any(a, b);
      if (on && start < 0) start = a;
      if (!on && start >= 0) {
        if (a - start >= min)
          for (let k = start; k < a; k++)
            for (let d = -2; d <= 2; d++) {
              const bb = b + d;
              if (bb >= 0 && bb < across) out[at(k, bb)] = 1;
            }
        start = -1;
      }
    }
  }
}
