import { components, dilate, extentMm, type Blob } from './blobs';
import type { Paper } from './paper';
import type { PaperModel } from './paperModel';
import { gluedPhoto } from './photo';
import { rimMarks } from './rim';

/**
 * Stains of every kind (§4.1 污损), found by how they change the paper: where the paper under the
 * writing is darker or yellower than the smooth sheet (tints, tide-marked water damage, blots,
 * smudges, tape), plus thin yellow-brown marks the writing filter would miss (cup rings, tide
 * lines, foxing spots). Each candidate is measured by its extent on the sheet; a glued photo, red
 * or purple seal ink and a neutral shadow over the sheet's edge are not stains.
 */
export interface StainMeasure {
  /** The largest stain's extent (its longer side) in mm; 0 when there is none. */
  sizeMm: number;
  /** The largest stain dark enough to hide the writing it lies on, in mm; 0 when none. */
  hidingMm: number;
  /** The deepest neutral darkening reaching in from the sheet's edge, in mm (a phone's shadow); 0 when none. */
  edgeShadowMm: number;
}

/** How much yellower (G − B) counts as much as one level darker: tea and coffee change hue before lightness. */
const YELLOW_WEIGHT = 1.5;
/** Evidence (levels) a cell needs to join a stain, and that some of its cells must reach. */
const AREA_LOW = 7;
const AREA_CORE = 12;
/** Thin marks: yellower than the sheet by this much, raw (no writing filter). */
const THIN_LOW = 9;
const THIN_CORE = 14;
const THIN_DARKENING = 0.4;
/** Seal ink is red or purple: red well above green, not yellow. */
const SEAL_RED = 30;
/** Darker than this many levels under the paper: writing on it can no longer be read. */
const HIDING_DL = 95;
/** Small yellow spots within this many mm of each other are one patch of foxing. */
const SPOT_LINK_MM = 7;
const SPOT_MAX_MM = 5;
const SPOTS_MIN = 4;
/** Photo content: darker than paper by this much, in clusters linked across this many mm. */
const PHOTO_DL = 20;
const PHOTO_LINK_MM = 10;
/** A shadow runs along at least this share of the side it falls over. */
const SHADOW_ALONG = 0.5;
/** Type closed into a patch: at least this share of it ink, and lighter than a blot (levels under the paper). */
const TYPE_MIN_INK = 0.35;
const TYPE_MAX_DL = 55;
/** A region along the sheet's edge no deeper than this is the edge itself (desk, shadow line), not a stain. */
const EDGE_STRIP_MM = 5;

interface Region {
  blob: Blob;
  cells: number;
  dl: number;
  dy: number;
  dark: number;
  edge: boolean;
}

/** Per coarse cell: the paper's evidence of a stain (levels), 0 for seal ink. */
function areaEvidence(m: PaperModel): Float32Array {
  const c = m.coarse;
  const ev = new Float32Array(c.w * c.h);
  for (let y = c.top; y < c.bottom; y++)
    for (let x = c.left, i = y * c.w + c.left; x < c.right; x++, i++) {
      const dl = c.fitLight[i]! - c.light[i]!;
      const dy = c.yellow[i]! - c.fitYellow[i]!;
      if (c.red[i]! > SEAL_RED && dy < c.red[i]! * 0.3) continue;
      ev[i] = Math.max(dl, YELLOW_WEIGHT * dy);
    }
  return ev;
}

/** Per coarse cell: the strongest thin yellow mark among its four fine cells. */
function thinEvidence(m: PaperModel): Float32Array {
  const { fine: f, coarse: c } = m;
  const ev = new Float32Array(c.w * c.h);
  // Within the coarse grid's sheet, where the fitted paper is known.
  for (let y = c.top * 2; y < c.bottom * 2; y++)
    for (let x = c.left * 2, i = y * f.w + x; x < c.right * 2; x++, i++) {
      const ci = (y >> 1) * c.w + (x >> 1);
      const dy = f.yellow[i]! - c.fitYellow[ci]!;
      if (dy <= 0 || (f.red[i]! > SEAL_RED && dy < f.red[i]! * 0.3)) continue;
      // Stains darken as they yellow (tape least, about 0.6 level a step); colour noise does not.
      if (c.fitLight[ci]! - f.light[i]! < THIN_DARKENING * dy) continue;
      if (dy > ev[ci]!) ev[ci] = dy;
    }
  return ev;
}

function regionsOf(m: PaperModel, mask: Uint8Array, core: Uint8Array, link: number): Region[] {
  const c = m.coarse;
  const grown = dilate(mask, c.w, c.h, link);
  const label = labelCells(grown, c.w, c.h);
  const out: Region[] = [];
  const byLabel = new Map<number, Region>();
  for (const [k, blob] of label.blobs.entries())
    byLabel.set(k + 1, { blob, cells: 0, dl: 0, dy: 0, dark: 0, edge: false });
  const hasCore = new Set<number>();
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const r = byLabel.get(label.ids[i]!);
    if (!r) continue;
    const dl = c.fitLight[i]! - c.light[i]!;
    r.cells++;
    r.dl += dl;
    r.dy += c.yellow[i]! - c.fitYellow[i]!;
    if (dl > HIDING_DL) r.dark++;
    if (core[i]) hasCore.add(label.ids[i]!);
  }
  for (const [id, r] of byLabel) {
    if (!hasCore.has(id) || r.cells === 0) continue;
    r.dl /= r.cells;
    r.dy /= r.cells;
    const b = r.blob;
    r.edge =
      b.x0 <= c.left + link + 1 ||
      b.y0 <= c.top + link + 1 ||
      b.x1 >= c.right - 2 - link ||
      b.y1 >= c.bottom - 2 - link;
    out.push(r);
  }
  return out;
}

/** Labels of the grown mask's components, with their boxes: component k has label k + 1. */
function labelCells(mask: Uint8Array, w: number, h: number): { ids: Int32Array; blobs: Blob[] } {
  const ids = new Int32Array(w * h);
  return { ids, blobs: components(mask, w, h, 1, Infinity, ids) };
}

/** Ink on the sheet around a box (full-resolution pixels): is there writing there to hide? */
function writingAround(
  paper: Paper,
  writing: Uint8Array,
  w: number,
  b: Blob,
  scale: number,
  marginPx: number,
): boolean {
  const x0 = Math.max(paper.left, b.x0 * scale - marginPx),
    x1 = Math.min(paper.right - 1, (b.x1 + 1) * scale + marginPx);
  const y0 = Math.max(paper.top, b.y0 * scale - marginPx),
    y1 = Math.min(paper.bottom - 1, (b.y1 + 1) * scale + marginPx);
  let ink = 0,
    n = 0;
  for (let y = y0; y <= y1; y += 2)
    for (let x = x0; x <= x1; x += 2) {
      n++;
      ink += writing[y * w + x]!;
    }
  return n > 0 && ink / n > 0.01;
}

/** Foxing: small yellow spots close together, measured as one patch. */
function spotPatches(spots: Region[], perMm: number, link: number): number {
  const gap = SPOT_LINK_MM * perMm;
  const parent = spots.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < spots.length; i++)
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i]!.blob,
        b = spots[j]!.blob;
      const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1),
        dy = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
      if (dx <= gap && dy <= gap) parent[find(i)] = find(j);
    }
  const groups = new Map<number, Blob & { n: number }>();
  spots.forEach((s, i) => {
    const g = groups.get(find(i));
    const b = s.blob;
    if (!g) groups.set(find(i), { ...b, n: 1 });
    else {
      g.x0 = Math.min(g.x0, b.x0);
      g.y0 = Math.min(g.y0, b.y0);
      g.x1 = Math.max(g.x1, b.x1);
      g.y1 = Math.max(g.y1, b.y1);
      g.n++;
    }
  });
  let best = 0;
  for (const g of groups.values()) if (g.n >= SPOTS_MIN) best = Math.max(best, extentMm(g, link, perMm));
  return best;
}

/** Glued photos: clusters of photo-dark content (hair, clothes, a background) that look like a photo. */
function photoBoxes(m: PaperModel, writing: Uint8Array, fullWidth: number): Blob[] {
  const c = m.coarse;
  const darkish = new Uint8Array(c.w * c.h);
  for (let y = c.top; y < c.bottom; y++)
    for (let x = c.left, i = y * c.w + c.left; x < c.right; x++, i++)
      if (c.fitLight[i]! - c.light[i]! > PHOTO_DL) darkish[i] = 1;
  const grow = Math.max(1, Math.round(PHOTO_LINK_MM * c.perMm));
  const out: Blob[] = [];
  for (const b of labelCells(dilate(darkish, c.w, c.h, grow), c.w, c.h).blobs) {
    // Back to the content's own box (the growth taken off).
    const box = { ...b, x0: b.x0 + grow, y0: b.y0 + grow, x1: b.x1 - grow, y1: b.y1 - grow };
    const photo = box.x1 > box.x0 && box.y1 > box.y0 ? gluedPhoto(m, box, writing, fullWidth) : null;
    if (photo) out.push(photo);
  }
  return out;
}

/** Most of the region lies inside the box. */
function inside(r: Blob, box: Blob): boolean {
  const ix = Math.max(0, Math.min(r.x1, box.x1 + 2) - Math.max(r.x0, box.x0 - 2) + 1),
    iy = Math.max(0, Math.min(r.y1, box.y1 + 2) - Math.max(r.y0, box.y0 - 2) + 1);
  return ix * iy >= 0.7 * (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
}

/** `writing`: the sheet's ink without table rules (textInk's writingMask). */
export function measureStains(
  m: PaperModel,
  paper: Paper,
  writing: Uint8Array,
  fullWidth: number,
  colour: boolean,
): StainMeasure {
  const c = m.coarse;
  const area = areaEvidence(m);
  const thin = colour ? thinEvidence(m) : new Float32Array(area.length);
  const mask = new Uint8Array(area.length),
    core = new Uint8Array(area.length);
  for (let i = 0; i < area.length; i++) {
    if (area[i]! >= AREA_LOW || thin[i]! >= THIN_LOW) mask[i] = 1;
    if (area[i]! >= AREA_CORE || thin[i]! >= THIN_CORE) core[i] = 1;
  }
  const link = 1;
  const regions = regionsOf(m, mask, core, link);
  let sizeMm = 0,
    hidingMm = 0,
    edgeShadowMm = 0;
  const spots: Region[] = [];
  const photos = regions.length ? photoBoxes(m, writing, fullWidth) : [];
  for (const r of regions) {
    const size = extentMm(r.blob, link, c.perMm);
    // A neutral darkening over the sheet's edge is a shadow (or a grey scan's edge), not a stain.
    const neutral = YELLOW_WEIGHT * r.dy < 0.35 * r.dl;
    // Along the very edge: the desk or the sheet's own edge showing, not a mark on the paper.
    if (r.edge && acrossEdgeMm(r.blob, c, link) <= EDGE_STRIP_MM) continue;
    if (r.edge && (neutral || !colour)) {
      edgeShadowMm = Math.max(edgeShadowMm, shadowDepth(r.blob, c, link) / c.perMm);
      continue;
    }
    // A large bold title's strokes, blurred together by the scale-down, close into a grey patch:
    // mostly ink and not dark; a blot is darker, a smudge over writing mostly paper.
    if (neutral && r.dl < TYPE_MAX_DL && inkShare(paper, fullWidth, r.blob, 4) >= TYPE_MIN_INK) continue;
    if (size < SPOT_MAX_MM) {
      if (colour && r.dy > 3) spots.push(r);
      continue;
    }
    if (photos.some((p) => inside(r.blob, p))) continue;
    sizeMm = Math.max(sizeMm, size);
    const dark = r.dark >= Math.max(4, r.cells * 0.3);
    if (dark && size > hidingMm && writingAround(paper, writing, fullWidth, r.blob, 4, Math.round(5 * c.perMm * 4)))
      hidingMm = size;
  }
  sizeMm = Math.max(sizeMm, spotPatches(spots, c.perMm, link));
  const rims = colour ? rimMarks(m, paper, writing, fullWidth) : [];
  const rimPhotos = rims.length && !regions.length ? photoBoxes(m, writing, fullWidth) : photos;
  for (const r of rims) if (!rimPhotos.some((p) => inside(r.blob, p))) sizeMm = Math.max(sizeMm, r.sizeMm);
  return { sizeMm, hidingMm, edgeShadowMm };
}

/** How far in from the sheet's edge a region reaches, from the side it touches least deep. */
function acrossEdgeMm(b: Blob, c: PaperModel['coarse'], link: number): number {
  const d = [b.y1 - c.top, c.right - 1 - b.x0, c.bottom - 1 - b.y0, b.x1 - c.left];
  const touching = touchingSides(b, c, link);
  let least = Infinity;
  for (let s = 0; s < 4; s++) if (touching[s]) least = Math.min(least, d[s]! - link);
  return least / c.perMm;
}

function touchingSides(b: Blob, c: PaperModel['coarse'], link: number): boolean[] {
  return [b.y0 <= c.top + link + 1, b.x1 >= c.right - 2 - link, b.y1 >= c.bottom - 2 - link, b.x0 <= c.left + link + 1];
}

/**
 * A shadow falls over one side of the sheet along most of its length: how deep it reaches in from
 * that side, in cells; 0 when the region runs along no side that far (a corner of desk showing
 * past a tilted sheet is background, not a shadow).
 */
function shadowDepth(b: Blob, c: PaperModel['coarse'], link: number): number {
  const depth = [b.y1 - c.top, c.right - 1 - b.x0, c.bottom - 1 - b.y0, b.x1 - c.left];
  const along = [b.x1 - b.x0 + 1, b.y1 - b.y0 + 1, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1];
  const side = [c.right - c.left, c.bottom - c.top, c.right - c.left, c.bottom - c.top];
  const touching = touchingSides(b, c, link);
  let best = 0;
  for (let s = 0; s < 4; s++)
    if (touching[s] && along[s]! - 2 * link >= SHADOW_ALONG * side[s]!) best = Math.max(best, depth[s]! - link);
  return best;
}

/** Ink on the full-resolution sheet within a region's box, as a share of its pixels. */
function inkShare(paper: Paper, w: number, b: Blob, scale: number): number {
  let ink = 0,
    n = 0;
  for (let y = b.y0 * scale; y < (b.y1 + 1) * scale; y += 2)
    for (let x = b.x0 * scale; x < (b.x1 + 1) * scale; x += 2) {
      n++;
      ink += paper.ink[y * w + x]!;
    }
  return n ? ink / n : 0;
}
