import { components, dilate } from './blobs';
import { fitEllipse, SECTORS, VISIBLE_SHARE, within, type Ellipse, type Sheet } from './ellipse';
import type { Planes } from './raster';
import { inkMaskSimd } from './simd/sealInkSimd';

/**
 * A seal (公章): red or purple-red ink (印泥) gathered into a ring — round (League committees' seals
 * are 38–45 mm) or oval — with writing inside, however pale, turned, stamped over writing or cut by
 * the sheet's edge. Measured against the paper's own colour, so yellowed paper is no redder.
 */
const MIN_MM = 15;
const MAX_MM = 70;
/** Ovals as flat as 2:1 (财务章 and the like are about 3:2). */
const MIN_AXIS_RATIO = 0.5;
/** Seal ink: redder than the paper (R − G) by this much, and not yellower (which is a brown stain). */
const INK_RED = 14;
const INK_NOT_YELLOW = 4;
/** The ring must show in this share of the directions that lie on the sheet. */
const RING_SHARE = 0.75;
/** Cut by the sheet's edge, at least this share of the ring's directions lie on the sheet (a third: 120°). */
const CUT_SEEN_SHARE = 0.33;
/** The paper's bounds lie up to this many mm inside the sheet's edge. */
const CUT_REACH_MM = 3;
/** A seal is a ring with a star and writing inside, not a solid patch. */
const MAX_INNER_SHARE = 0.4;
/** …and between the ring and the writing the ink share falls to at most this share of the ring's. */
const RADIAL_STEP = 0.05;
const RING_VALLEY = 0.5;

/** The paper's own R − G and G − B: the median over bright pixels of the sheet's centre. */
function paperHue(p: Planes, w: number, h: number): { rg: number; gb: number } {
  const rg = new Uint32Array(512),
    gb = new Uint32Array(256);
  let n = 0;
  for (let y = Math.floor(h * 0.3); y < h * 0.7; y += 3)
    for (let x = Math.floor(w * 0.3), i = y * w + x; x < w * 0.7; x += 3, i += 3) {
      if (p.gray[i]! < 170) continue;
      rg[rgOf(p, i) + 256]!++;
      gb[p.yellow[i]!]!++;
      n++;
    }
  const median = (hist: Uint32Array, shift: number) => {
    for (let v = 0, acc = 0; v < hist.length; v++) if ((acc += hist[v]!) > n / 2) return v - shift;
    return 0;
  };
  return { rg: median(rg, 256), gb: median(gb, 64) };
}

/** R − G of a pixel, from the planes: redness is R − max(G, B) and yellowness G − B. */
function rgOf(p: Planes, i: number): number {
  const red = p.red[i]!,
    gb = p.yellow[i]! - 64;
  return red > 0 ? red + Math.max(0, -gb) : 0;
}

/** Seal ink at half resolution: a cell is ink when any of its four pixels is. The kernel's, where it runs. */
export function inkMask(
  p: Planes,
  W: number,
  H: number,
  hue = paperHue(p, W, H),
): { mask: Uint8Array; w: number; h: number; any: number } {
  const ink = inkMaskSimd(p, W, H, hue.rg + INK_RED, hue.gb + 64 + INK_NOT_YELLOW);
  return ink ? { ...ink, w: W >> 1, h: H >> 1 } : inkMaskJs(p, W, H, hue);
}

/** inkMask in JS: the fallback, and the kernel's reference. */
export function inkMaskJs(
  p: Planes,
  W: number,
  H: number,
  hue = paperHue(p, W, H),
): { mask: Uint8Array; w: number; h: number; any: number } {
  const w = W >> 1,
    h = H >> 1;
  const mask = new Uint8Array(w * h);
  let any = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < 4; k++) {
        const i = ((y << 1) + (k >> 1)) * W + (x << 1) + (k & 1);
        if (p.red[i]! === 0 || p.gray[i]! > 242) continue;
        if (rgOf(p, i) - hue.rg >= INK_RED && p.yellow[i]! - 64 - hue.gb <= INK_NOT_YELLOW) {
          mask[y * w + x] = 1;
          any++;
          break;
        }
      }
  return { mask, w, h, any };
}

/** The ring shows all round (where the picture reaches) and the inside is not a solid patch. */
function isRing(
  grown: Uint8Array,
  mask: Uint8Array,
  w: number,
  h: number,
  e: Ellipse,
  sheet: Sheet,
  cut: boolean,
): boolean {
  const hit = new Uint8Array(SECTORS),
    visible = new Uint8Array(SECTORS);
  for (let s = 0; s < SECTORS; s++) {
    const t = ((s + 0.5) / SECTORS) * 2 * Math.PI;
    const x = e.cx + e.a * Math.cos(t) * e.ux - e.b * Math.sin(t) * e.uy,
      y = e.cy + e.a * Math.cos(t) * e.uy + e.b * Math.sin(t) * e.ux;
    if (within(sheet, x, y, -sheet.margin)) visible[s] = 1;
  }
  const R = Math.max(e.a, e.b) * 1.15;
  let inner = 0,
    innerRed = 0;
  // Ink share by distance from the centre (ρ in steps of 0.05): a ring is a peak with paper inside it.
  const bins = Math.ceil(1.15 / RADIAL_STEP);
  const radialInk = new Float64Array(bins),
    radialAll = new Float64Array(bins);
  for (let y = Math.max(0, Math.floor(e.cy - R)); y <= Math.min(h - 1, Math.ceil(e.cy + R)); y++)
    for (let x = Math.max(0, Math.floor(e.cx - R)); x <= Math.min(w - 1, Math.ceil(e.cx + R)); x++) {
      const dx = x - e.cx,
        dy = y - e.cy;
      const u = (dx * e.ux + dy * e.uy) / e.a,
        v = (-dx * e.uy + dy * e.ux) / e.b;
      const rho = Math.hypot(u, v);
      if (rho < 0.5) {
        inner++;
        innerRed += mask[y * w + x]!;
      }
      if (rho < 1.15) {
        const k = Math.floor(rho / RADIAL_STEP);
        radialAll[k]!++;
        radialInk[k] = radialInk[k]! + mask[y * w + x]!;
      }
      if (!grown[y * w + x] || rho < 0.8 || rho > 1.15) continue;
      const s = Math.floor(((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * SECTORS + SECTORS / 2) % SECTORS;
      hit[s] = 1;
    }
  let seen = 0,
    found = 0;
  for (let s = 0; s < SECTORS; s++) {
    seen += visible[s]!;
    found += visible[s]! & hit[s]!;
  }
  return (
    seen >= SECTORS * (cut ? CUT_SEEN_SHARE : VISIBLE_SHARE) &&
    found >= seen * RING_SHARE &&
    innerRed < inner * MAX_INNER_SHARE &&
    paperInsideRing(radialInk, radialAll)
  );
}

/**
 * Inside its ring a seal has a band of bare paper before the writing; a red patch (a red photo
 * background, a filled stamp) is ink all the way in.
 */
function paperInsideRing(ink: Float64Array, all: Float64Array): boolean {
  const share = (k: number) => (all[k]! > 0 ? ink[k]! / all[k]! : 0);
  let peak = 0,
    at = 0;
  for (let k = Math.floor(0.8 / RADIAL_STEP); k < ink.length; k++)
    if (share(k) > peak) {
      peak = share(k);
      at = k;
    }
  let valley = 1;
  for (let k = Math.floor(0.5 / RADIAL_STEP); k < at; k++) valley = Math.min(valley, share(k));
  return valley <= peak * RING_VALLEY;
}

/** `sheet`: the paper's bounds in full-resolution pixels (the picture's when not given). */
export function findSeal(
  p: Planes,
  W: number,
  H: number,
  pxPerMmFull: number,
  sheetPx: { top: number; right: number; bottom: number; left: number } = { top: 0, right: W, bottom: H, left: 0 },
): boolean {
  // A seal is 40 mm across: half resolution is plenty.
  const { mask, w, h, any } = inkMask(p, W, H);
  if (any < 10) return false;
  const pxPerMm = pxPerMmFull / 2;
  const r = Math.max(1, Math.round(1.5 * pxPerMm));
  // The paper's bounds lie a hair inside the sheet's edge (paper.ts): ink grown by r that far from them is cut.
  const sheet: Sheet = {
    top: Math.max(0, (sheetPx.top >> 1) - CUT_REACH_MM * pxPerMm),
    right: Math.min(w, (sheetPx.right >> 1) + CUT_REACH_MM * pxPerMm),
    bottom: Math.min(h, (sheetPx.bottom >> 1) + CUT_REACH_MM * pxPerMm),
    left: Math.max(0, (sheetPx.left >> 1) - CUT_REACH_MM * pxPerMm),
    margin: r + 1,
  };
  const grown = dilate(mask, w, h, r);
  for (const b of components(grown, w, h, 20)) {
    const bw = (b.x1 - b.x0 + 1 - 2 * r) / pxPerMm,
      bh = (b.y1 - b.y0 + 1 - 2 * r) / pxPerMm;
    if (Math.max(bw, bh) < MIN_MM || Math.max(bw, bh) > MAX_MM * 1.1) continue;
    // A ring cut by the sheet's edge is tried round too.
    const cut = !within(sheet, b.x0, b.y0, -sheet.margin) || !within(sheet, b.x1, b.y1, -sheet.margin);
    for (const round of cut ? [false, true] : [false]) {
      const e = fitEllipse(grown, w, b, sheet, round);
      if (!e) continue;
      const major = (2 * Math.max(e.a, e.b)) / pxPerMm,
        minor = (2 * Math.min(e.a, e.b)) / pxPerMm;
      if (minor < MIN_MM || major > MAX_MM || minor / major < MIN_AXIS_RATIO) continue;
      if (isRing(grown, mask, w, h, e, sheet, cut)) return true;
    }
  }
  return false;
}
