import { components, dilate, extentMm, type Blob } from './blobs';
import type { Paper } from './paper';
import type { PaperModel } from './paperModel';

/**
 * Rims (§4.1 污损): a heavy cup ring or tide line leaves a dark brown line that the thin-mark
 * filter of stain.ts takes for a stroke — barely yellower than the paper for how much darker it is
 * — yet browner than the page's own writing. A flatbed scanner's 7 cm coffee ring was missed for
 * that. Measured against the ink on the same page (a scan app's warm black, a scanner's neutral
 * one, blue handwriting), and only curved marks count: a rule's colour fringe is straight.
 */
/** Dark marks (levels under the paper) browner than the page's own ink by this much (G − B): a heavy ring's rim. */
const RIM_DL = 30;
const RIM_OVER_INK = 6;
const RIM_INK_QUANTILE = 0.75;
/** Rim cells within this many mm are one mark; a mark needs this many rim cells (coarse) to count. */
const RIM_LINK_MM = 10;
const RIM_MIN_CELLS = 12;
/** A rule's colour fringe is a straight line; a ring's rim bends away from any line by at least this (mm, spread). */
const RIM_MIN_BEND_MM = 2;
/** Seal ink (red well above green and blue) is not a rim. */
const SEAL_RED = 30;

/** Per coarse cell: 1 where a fine cell is darker than RIM_DL and browner than most of the page's ink. */
function rimCells(m: PaperModel, rules: Uint8Array): Uint8Array {
  const { fine: f, coarse: c } = m;
  const hist = new Uint32Array(512);
  let n = 0;
  const dark = (i: number, ci: number) => c.fitLight[ci]! - f.light[i]! >= RIM_DL && f.red[i]! <= SEAL_RED && !rules[i];
  for (let y = c.top * 2; y < c.bottom * 2; y++)
    for (let x = c.left * 2, i = y * f.w + x; x < c.right * 2; x++, i++) {
      const ci = (y >> 1) * c.w + (x >> 1);
      if (!dark(i, ci)) continue;
      hist[Math.max(0, Math.min(511, Math.round(f.yellow[i]! - c.fitYellow[ci]!) + 256))]!++;
      n++;
    }
  const out = new Uint8Array(c.w * c.h);
  if (n < 50) return out;
  const quantile = (q: number) => {
    for (let v = 0, acc = 0; v < 512; v++) if ((acc += hist[v]!) > n * q) return v - 256;
    return 0;
  };
  const ink = quantile(RIM_INK_QUANTILE);
  const cut = Math.max(0, ink) + RIM_OVER_INK;
  for (let y = c.top * 2; y < c.bottom * 2; y++)
    for (let x = c.left * 2, i = y * f.w + x; x < c.right * 2; x++, i++) {
      const ci = (y >> 1) * c.w + (x >> 1);
      if (dark(i, ci) && f.yellow[i]! - c.fitYellow[ci]! >= cut) out[ci] = 1;
    }
  return out;
}

/**
 * Fine cells on or beside a table rule (ink that is not writing: textInk's writingMask takes long
 * straight runs away): a form printed in warm black, or a rule's colour fringe, is no rim.
 */
function ruleCells(m: PaperModel, paper: Paper, writing: Uint8Array, fullWidth: number): Uint8Array {
  const f = m.fine;
  const out = new Uint8Array(f.w * f.h);
  for (let y = paper.top; y < paper.bottom; y++)
    for (let x = paper.left, i = y * fullWidth + x; x < paper.right; x++, i++)
      if (paper.ink[i] && !writing[i]) out[(y >> 1) * f.w + (x >> 1)] = 1;
  return dilate(out, f.w, f.h, 1);
}

/** Rim marks: their boxes (grown by the link) and extents in mm. `writing`: the ink without rules. */
export function rimMarks(
  m: PaperModel,
  paper: Paper,
  writing: Uint8Array,
  fullWidth: number,
): { blob: Blob; sizeMm: number }[] {
  const c = m.coarse;
  const rim = rimCells(m, ruleCells(m, paper, writing, fullWidth));
  const link = Math.max(1, Math.round((RIM_LINK_MM * c.perMm) / 2));
  const ids = new Int32Array(c.w * c.h);
  const blobs = components(dilate(rim, c.w, c.h, link), c.w, c.h, 1, Infinity, ids);
  const moments = blobs.map(() => ({ n: 0, x: 0, y: 0, xx: 0, yy: 0, xy: 0 }));
  for (let i = 0; i < rim.length; i++) {
    if (!rim[i]) continue;
    const k = moments[ids[i]! - 1]!;
    const x = i % c.w,
      y = (i - x) / c.w;
    k.n++;
    k.x += x;
    k.y += y;
    k.xx += x * x;
    k.yy += y * y;
    k.xy += x * y;
  }
  return blobs.flatMap((blob, k) => {
    const mo = moments[k]!;
    return mo.n >= RIM_MIN_CELLS && bendMm(mo, c.perMm) >= RIM_MIN_BEND_MM
      ? [{ blob, sizeMm: extentMm(blob, link, c.perMm) }]
      : [];
  });
}

/** How far the cells spread across their main direction (mm, standard deviation): a rule's is its width. */
function bendMm(k: { n: number; x: number; y: number; xx: number; yy: number; xy: number }, perMm: number): number {
  const mx = k.x / k.n,
    my = k.y / k.n;
  const a = k.xx / k.n - mx * mx,
    b = k.xy / k.n - mx * my,
    d = k.yy / k.n - my * my;
  const minor = (a + d) / 2 - Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return Math.sqrt(Math.max(0, minor)) / perMm;
}
