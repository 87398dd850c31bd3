import { clip, cropGrey, inkPlane, type Grey, type Rect } from './ocr/grey';

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
 * Pixels inside `skip` (writing already read) are not counted; rules are still followed through them.
 * Seal ink is not writing: where the scan has colour, the seal-free plane is measured (`inkPlane`).
 */
export function inkFraction(
  page: Grey,
  r: Rect,
  band = r.h,
  rule = Math.max(24, band * 1.6),
  skip: readonly Rect[] = [],
): number {
  const rows = writingRows(page, r, rule, skip, INK_CUT);
  const h = rows.length;
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
 * The bands of `r` that hold writing (as `inkFraction` counts it, fainter ink too: rules and `skip`
 * left out), each at least 0.15 of `rowHeight` high (a speck is lower): a row's writing the reader
 * has not read.
 */
export function writingBands(page: Grey, r: Rect, rowHeight: number, skip: readonly Rect[] = []): Rect[] {
  // Lighter grey counts here: a thin light-blue “2” at 150 dpi is only a few pixels below the ink cut.
  const rows = writingRows(page, r, Math.max(24, rowHeight * 1.6), skip, FAINT_CUT);
  const w = Math.max(1, Math.ceil(r.w));
  const out: Rect[] = [];
  let top = -1,
    last = -1;
  const close = () => {
    if (top >= 0 && last - top + 1 >= rowHeight * 0.15) out.push({ x: r.x, y: r.y + top, w: r.w, h: last - top + 1 });
    top = -1;
  };
  for (let y = 0; y < rows.length; y++) {
    // A pixel of writing on each row is enough (a thin pen's “1” at 150 dpi); a speck is too short.
    if (rows[y]! * w < 0.5) continue;
    if (top >= 0 && y - last > 2) close();
    if (top < 0) top = y;
    last = y;
  }
  close();
  return out;
}

/**
 * Ink is darker than this share of the paper's grey; faint writing, than FAINT_CUT. BOX_CUT is the
 * cut inside one text box (`sealOnly`, `inkBounds`), against the paper of the rows it lies on.
 */
const INK_CUT = 0.6;
const FAINT_CUT = 0.8;
const BOX_CUT = 0.65;

/**
 * Per row of `r`, the share of its pixels that are writing ink: darker than `cut` of the paper, not
 * on a rule, not in `skip`.
 */
function writingRows(page: Grey, r: Rect, rule: number, skip: readonly Rect[], cut: number): Float64Array {
  const g = inkPlane(page);
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
  const W = c.width,
    H = c.height;
  const dark = new Uint8Array(W * H);
  for (let i = 0; i < dark.length; i++) dark[i] = c.data[i]! < paper * cut ? 1 : 0;
  const ruled = new Uint8Array(W * H);
  markRuns(dark, W, H, Math.min(rule, w * 0.7), ruled, false);
  markRuns(dark, W, H, Math.min(rule, h * 0.7), ruled, true);
  for (const s of skip) fill(ruled, W, H, { x: s.x - x0, y: s.y - y0, w: s.w, h: s.h });
  const rows = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) {
      const k = (iy + y) * W + ix + x;
      if (dark[k] && !ruled[k]) n++;
    }
    rows[y] = n / w;
  }
  return rows;
}

/** Sets `r` (clipped to w×h) in a mask. */
function fill(mask: Uint8Array, w: number, h: number, r: Rect): void {
  const x0 = Math.max(0, Math.floor(r.x)),
    x1 = Math.min(w, Math.ceil(r.x + r.w));
  for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(h, Math.ceil(r.y + r.h)); y++)
    mask.fill(1, y * w + x0, y * w + x1);
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

/**
 * The span across a table column between its two ruled lines, found outward from `at` (a point
 * inside it) over the rows `top`…`bottom`: a rule is a line of pixels dark along most of that
 * height, straight up or leaning a little (a phone photo's perspective leans a column's rules by up
 * to ≈ 1°). Returns the widest upright span inside both rules; undefined when either rule is not
 * there (a table without column rules, a page turned too far).
 */
export function columnBetweenRules(
  g: Grey,
  at: number,
  top: number,
  bottom: number,
): { left: number; right: number } | undefined {
  const y0 = Math.max(0, Math.round(top)),
    y1 = Math.min(g.height, Math.round(bottom));
  if (y1 - y0 < 10) return undefined;
  const cut = percentile(g, y0, y1, 0.9) * 0.75;
  const span = y1 - y0;
  /** Where a rule through (x at y0) leaning `lean` px over the span is dark along most of it. */
  const isRule = (x: number, lean: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) {
      const px = Math.round(x + (lean * (y - y0)) / span);
      if (px < 1 || px >= g.width - 1) return false;
      const k = y * g.width + px;
      if (Math.min(g.data[k - 1]!, g.data[k]!, g.data[k + 1]!) < cut) n++;
    }
    return n > span * 0.8;
  };
  const maxLean = Math.ceil(span * 0.02);
  const find = (step: number): [number, number] | undefined => {
    for (let x = Math.round(at); x > maxLean && x < g.width - maxLean; x += step)
      for (let lean = -maxLean; lean <= maxLean; lean += 2) if (isRule(x, lean)) return [x, x + lean];
    return undefined;
  };
  const l = find(-1),
    r = find(1);
  if (!l || !r) return undefined;
  return { left: Math.max(...l), right: Math.min(...r) };
}

/**
 * The part of a page that holds anything printed or written, its blank margins left out (with a
 * little paper around it): the detector's work follows its pixels, and a form's side margins are
 * about a fifth of an A4 page's width. A column (row) counts from AREA_MIN_DARK dark pixels on, so
 * a speck, scanner grain or a thin rule drawn across alone (nothing to read in it) does not widen
 * it; a phone photo's dark surround keeps the whole page.
 */
export function printedArea(g: Grey): Rect {
  const cut = percentile(g, 0, g.height, 0.9) * INK_CUT;
  const cols = new Uint16Array(g.width),
    rows = new Uint16Array(g.height);
  for (let y = 0; y < g.height; y += 2)
    for (let x = 0, i = y * g.width; x < g.width; x += 2, i += 2)
      if (g.data[i]! < cut) {
        cols[x] = cols[x]! + 1;
        rows[y] = rows[y]! + 1;
      }
  const first = (a: Uint16Array) => a.findIndex((n) => n >= AREA_MIN_DARK);
  const last = (a: Uint16Array) => a.findLastIndex((n) => n >= AREA_MIN_DARK);
  if (first(cols) < 0) return { x: 0, y: 0, w: g.width, h: g.height };
  const pad = Math.round(g.width * AREA_PAD);
  const x0 = Math.max(0, first(cols) - pad),
    y0 = Math.max(0, first(rows) - pad);
  const x1 = Math.min(g.width, last(cols) + 2 + pad),
    y1 = Math.min(g.height, last(rows) + 2 + pad);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Dark pixels (of every other row or column) that make a column or row part of the printed area. */
const AREA_MIN_DARK = 3;
/** Paper kept around the printed area, in page widths (8 mm on A4): the detector's view of a line at the area's edge stays as on the whole page. */
const AREA_PAD = 0.04;

/**
 * The grey level at `q` of the rows y0…y1 (every 7th pixel: enough for a paper level), counted in
 * a histogram: sorting the sample took ≈ 90 ms on a whole page.
 */
function percentile(g: Grey, y0: number, y1: number, q: number): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = y0 * g.width; i < y1 * g.width; i += 7, n++) hist[g.data[i]!]!++;
  const rank = Math.floor(n * q);
  for (let v = 0, below = 0; v < 256; v++) if ((below += hist[v]!) > rank) return v;
  return 255;
}

/**
 * Whether a text box holds seal ink alone — the seal's own characters (组织部, 委员会) — where the
 * scan has colour: almost none of its dark pixels stay dark once seal ink is turned to paper.
 * Writing over a seal keeps its own dark strokes, so a signature through a seal is never one.
 */
export function sealOnly(g: Grey, r: Rect): boolean {
  if (!g.sealFree) return false;
  const { x0, y0, x1, y1 } = clip(g, r);
  const cut = percentile(g, y0, y1, 0.9) * BOX_CUT;
  let dark = 0,
    kept = 0;
  for (let y = y0; y < y1; y++)
    for (let i = y * g.width + x0; i < y * g.width + x1; i++)
      if (g.data[i]! < cut) {
        dark++;
        if (g.sealFree[i]! < cut) kept++;
      }
  return dark > 0 && kept < dark * SEAL_ONLY_KEPT;
}

/** A seal-only box keeps under this share of its dark pixels (a seal's edges lose their colour in JPEG). */
const SEAL_ONLY_KEPT = 0.08;

/**
 * The part of `r` its ink lies in (with `faint`, a light-blue pen's thin strokes too), a pixel around it;
 * undefined when there is none. A lone digit in a box with paper above and below it reads as
 * nothing (an 8 or 0 a third smaller than its box), hugged by its box as itself.
 */
export function inkBounds(page: Grey, r: Rect, faint = false): Rect | undefined {
  const g = inkPlane(page);
  const { x0, y0, x1, y1 } = clip(g, r);
  const cut = percentile(g, y0, y1, 0.9) * (faint ? FAINT_CUT : BOX_CUT);
  let left = x1,
    right = -1,
    top = y1,
    bottom = -1;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (g.data[y * g.width + x]! < cut) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  if (right < 0) return undefined;
  return { x: left - 1, y: top - 1, w: right - left + 3, h: bottom - top + 3 };
}
