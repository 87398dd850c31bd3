import type { Blob } from './blobs';
import type { PaperModel } from './paperModel';

/**
 * A glued photo (the 基本情况 page's 1- or 2-inch ID photo, in colour or black and white) is not a
 * stain: it is photo-sized, holds dark content (hair, clothes, a blue or red background), and has
 * at least one straight side where the print is cut (a stain's edge is never a straight line).
 */
const MIN_SIDE_MM = 20;
const MAX_SIDE_MM = 75;
/** Darker than the paper by this many levels: hair, dark clothes, a coloured background. */
const DARK_DL = 90;
const MIN_DARK_SHARE = 0.05;
/** A face: mid tones, lighter than hair but clearly not paper. */
const MID_DL = 15;
const MIN_MID_SHARE = 0.12;
/** ID photos are portrait, 1- or 2-inch (25 × 35, 33 × 48 mm): width over height. */
const MIN_ASPECT = 0.55;
const MAX_ASPECT = 0.9;
/** A side is straight when the region's edge along it follows a line within this many cells over most of its length. */
const STRAIGHT_RMS_CELLS = 0.8;
const STRAIGHT_SHARE = 0.7;
/** A straight side is at least this long (a small blot's edge can pass for straight over a few cells). */
const MIN_STRAIGHT_MM = 15;
/** More ink than this share of its bare background is writing: the box holds a blot among words, not a photo. */
const MAX_WRITING_INSIDE = 0.01;
/** A frame line: the mean lightness step across it (levels per two fine cells), and how far out to look. */
const FRAME_STEP = 3;
/** …and the share of the span that steps the same way: a cut edge or a rule is continuous, a line of writing is not. */
const FRAME_AGREE = 0.8;
const FRAME_REACH_MM = 20;

/** The region's edge seen from one side of its box: depth of the first dark cell at each position along the side. */
function sideDepths(m: PaperModel, b: Blob, side: 0 | 1 | 2 | 3): (number | null)[] {
  const c = m.coarse;
  const horizontal = side === 0 || side === 2;
  const along = horizontal ? b.x1 - b.x0 + 1 : b.y1 - b.y0 + 1;
  const across = horizontal ? b.y1 - b.y0 + 1 : b.x1 - b.x0 + 1;
  const reach = Math.max(2, Math.floor(across * 0.25));
  const out: (number | null)[] = [];
  for (let t = 0; t < along; t++) {
    let found: number | null = null;
    for (let d = 0; d < reach && found === null; d++) {
      const x = horizontal ? b.x0 + t : side === 1 ? b.x1 - d : b.x0 + d;
      const y = horizontal ? (side === 0 ? b.y0 + d : b.y1 - d) : b.y0 + t;
      const i = y * c.w + x;
      if (c.fitLight[i]! - c.light[i]! > 20) found = d;
    }
    out.push(found);
  }
  return out;
}

/** Found along most of the side, and on a line (a photo set a little crooked is still straight). */
function isStraight(depths: (number | null)[], minCells: number): boolean {
  const pts = depths.flatMap((d, t) => (d === null ? [] : [[t, d] as const]));
  if (pts.length < depths.length * STRAIGHT_SHARE || pts.length < minCells) return false;
  const n = pts.length;
  const mt = pts.reduce((s, [t]) => s + t, 0) / n,
    md = pts.reduce((s, [, d]) => s + d, 0) / n;
  let stt = 0,
    std = 0;
  for (const [t, d] of pts) {
    stt += (t - mt) ** 2;
    std += (t - mt) * (d - md);
  }
  const slope = stt ? std / stt : 0;
  let sse = 0;
  for (const [t, d] of pts) sse += (d - md - slope * (t - mt)) ** 2;
  return Math.sqrt(sse / n) <= STRAIGHT_RMS_CELLS;
}

/**
 * A straight line (the photo's cut edge, its hairline shadow, the printed photo box) parallel to one
 * side of the region, within `reachMm` outside it: the strongest mean step in lightness along the
 * side's span, on the fine grid. Returns its distance from the region in cells, or null.
 */
function frameLine(m: PaperModel, b: Blob, side: 0 | 1 | 2 | 3, reachMm: number): number | null {
  const f = m.fine;
  const horizontal = side === 0 || side === 2;
  // The region's box on the fine grid (coarse cells are 2×2 fine ones).
  const x0 = b.x0 * 2,
    x1 = b.x1 * 2 + 1,
    y0 = b.y0 * 2,
    y1 = b.y1 * 2 + 1;
  const reach = Math.round(reachMm * f.perMm);
  let best = 0,
    at: number | null = null;
  for (let d = 0; d <= reach; d++) {
    const line = side === 0 ? y0 - d : side === 2 ? y1 + d : side === 3 ? x0 - d : x1 + d;
    const lo = horizontal ? x0 : y0,
      hi = horizontal ? x1 : y1;
    if (line < 2 || line >= (horizontal ? f.h : f.w) - 2) break;
    let sum = 0,
      agree = 0,
      n = 0;
    for (let t = lo; t <= hi; t++) {
      const i = horizontal ? line * f.w + t : t * f.w + line;
      const step = horizontal ? f.light[i + f.w]! - f.light[i - f.w]! : f.light[i + 1]! - f.light[i - 1]!;
      sum += step;
      if (step > 1) agree++;
      else if (step < -1) agree--;
      n++;
    }
    const mean = Math.abs(sum / n);
    if (mean > best && Math.abs(agree) >= n * FRAME_AGREE) {
      best = mean;
      at = d;
    }
  }
  return best >= FRAME_STEP ? at : null;
}

/** The photo's box (coarse cells) when the content in `b` is a glued photo, else null. */
/** Shares of the box's cells that are photo-dark (hair, clothes, a coloured background) and mid-toned (a face). */
function tones(m: PaperModel, b: Blob): { dark: number; mid: number } {
  const c = m.coarse;
  let dark = 0,
    mid = 0,
    n = 0;
  for (let y = Math.max(c.top, b.y0); y <= Math.min(c.bottom - 1, b.y1); y++)
    for (let x = Math.max(c.left, b.x0), i = y * c.w + x; x <= Math.min(c.right - 1, b.x1); x++, i++) {
      n++;
      const dl = c.fitLight[i]! - c.light[i]!;
      if (dl > DARK_DL) dark++;
      else if (dl > MID_DL) mid++;
    }
  return { dark: dark / Math.max(1, n), mid: mid / Math.max(1, n) };
}

/** The photo's box (coarse cells) when the content in `b` is a glued photo, else null. */
export function gluedPhoto(m: PaperModel, b: Blob, writing: Uint8Array, fullWidth: number): Blob | null {
  const c = m.coarse;
  if (tones(m, b).dark < MIN_DARK_SHARE) return null;
  const wMm = (b.x1 - b.x0 + 1) / c.perMm,
    hMm = (b.y1 - b.y0 + 1) / c.perMm;
  const sides = [0, 1, 2, 3] as const;
  const straight = sides.map((s) => isStraight(sideDepths(m, b, s), Math.round(MIN_STRAIGHT_MM * c.perMm)));
  // Cut straight on two sides: a coloured background, or dark clothes cut by the photo's edges.
  if (photoSized(wMm, hMm) && straight.filter(Boolean).length >= 2 && !writingInside(m, b, writing, fullWidth))
    return b;
  // Or framed: its own straight cut and the lines around it (a light background's edge, the photo's
  // hairline shadow, the printed box), photo-shaped, cut straight on one side or with a face's mid
  // tones inside (an ink blot among lines of writing has neither).
  const found = sides.map((s) => frameLine(m, b, s, FRAME_REACH_MM) ?? (straight[s] ? 0 : null));
  if (found.filter((d) => d !== null).length < 3) return null;
  const grow = (s: number) => (found[s] ?? 0) / m.fine.perMm;
  const fw = wMm + grow(1) + grow(3),
    fh = hMm + grow(0) + grow(2);
  if (!photoSized(fw, fh) || fw / fh < MIN_ASPECT || fw / fh > MAX_ASPECT) return null;
  // Fine cells out to the frame, back in coarse cells.
  const out = (s: number) => Math.ceil((found[s] ?? 0) / 2);
  const frame = { ...b, x0: b.x0 - out(3), y0: b.y0 - out(0), x1: b.x1 + out(1), y1: b.y1 + out(2) };
  if (writingInside(m, frame, writing, fullWidth)) return null;
  return straight.some(Boolean) || tones(m, frame).mid >= MIN_MID_SHARE ? frame : null;
}

/**
 * Writing inside the box, around the dark content: a photo covers its box (its background is bare),
 * a blot lies among lines of writing. Counts ink pixels in the box's light cells that open onto the
 * box's edge two ways at least (a blot's box has paper in its corners): a face between hair and
 * background is part of the photo, even above a white shirt, whatever its eyes look like to the ink mask.
 */
function writingInside(m: PaperModel, b: Blob, writing: Uint8Array, fullWidth: number): boolean {
  const c = m.coarse;
  const x0 = Math.max(c.left, b.x0),
    x1 = Math.min(c.right - 1, b.x1),
    y0 = Math.max(c.top, b.y0),
    y1 = Math.min(c.bottom - 1, b.y1);
  const dark = (x: number, y: number) => c.fitLight[y * c.w + x]! - c.light[y * c.w + x]! > MID_DL;
  const clear = (x: number, y: number, dx: number, dy: number) => {
    for (let u = x + dx, v = y + dy; u >= x0 && u <= x1 && v >= y0 && v <= y1; u += dx, v += dy)
      if (dark(u, v)) return false;
    return true;
  };
  let ink = 0,
    n = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      if (dark(x, y)) continue;
      const open = +clear(x, y, -1, 0) + +clear(x, y, 1, 0) + +clear(x, y, 0, -1) + +clear(x, y, 0, 1);
      if (open < 2) continue;
      // The four-by-four analysis pixels of this coarse cell.
      for (let yy = y * 4; yy < y * 4 + 4; yy++)
        for (let xx = x * 4; xx < x * 4 + 4; xx++) {
          n++;
          ink += writing[yy * fullWidth + xx]!;
        }
    }
  return n > 0 && ink / n > MAX_WRITING_INSIDE;
}

function photoSized(wMm: number, hMm: number): boolean {
  return Math.min(wMm, hMm) >= MIN_SIDE_MM && Math.max(wMm, hMm) <= MAX_SIDE_MM;
}
