import type { PagePixelFacts } from '../../../shared/pdf/facts';
import { GREYSCALE_MAX_CHROMA } from '../../../shared/pdf/thresholds';
import { edgeWidth } from './blur';
import { orientationOf } from './orientation';
import { findPaper } from './paper';
import { pagePlanes, quantilesIn, type Raster } from './raster';
import { findSeal } from './seal';
import { inkSignature } from './signature';
import { measureSkew } from './skew';
import { paperModel } from './paperModel';
import { measureStains } from './stain';
import { writingMask } from './textInk';

/** The form is printed on A4. */
const A4_SHORT_MM = 210;
/** A greyscale scan has no chroma anywhere; a colour one shows it at least in its coloured marks. */
const COLOUR_QUANTILE = 0.999;

export type PixelMeasures = Omit<PagePixelFacts, 'page' | 'imageDigest'>;

/**
 * Everything measured from one page's pixels, shown the way the page is displayed. `pxPerMm` is
 * the raster's scale on paper. Pure: runs in a worker, and in Node for tests.
 */
export function analysePage(r: Raster, placedPxPerMm: number): PixelMeasures {
  const { width: w, height: h } = r;
  const p = pagePlanes(r);
  const { gray, chroma } = p;
  const paper = findPaper(gray, chroma, w, h);
  // Content is measured on the sheet, taken to be A4 across: a photo's sheet is smaller than its
  // picture, and a Word page shrinks the photo. Without a clear sheet, the placement's scale.
  const sheetWidthPx = Math.min(w, h) * (1 - paper.depth[1] - paper.depth[3]);
  const pxPerMm = sheetWidthPx > Math.min(w, h) * 0.5 ? sheetWidthPx / A4_SHORT_MM : placedPxPerMm;
  const inkCoverage = paper.inkCount / paper.area;
  const sideways = w > h * 1.15;
  const edges = edgeWidth(gray, w, paper);
  const [chromaP99, chromaTop] = quantilesIn(chroma, w, [0.99, COLOUR_QUANTILE], paper) as [number, number];
  // Colour to tell a stain's hue by: a few pixels are enough (a brown ring on a black-ink page).
  const colour = chromaTop >= GREYSCALE_MAX_CHROMA;
  // The writing without table rules: what a stain may hide, a photo never holds, and orientation reads.
  const writing = writingMask(paper, w, pxPerMm);
  const stains = measureStains(paperModel(p, w, h, paper, pxPerMm), paper, writing, w, colour);
  const skewDeg = sideways ? null : measureSkew(paper, w);
  const orientation = sideways ? 'sideways' : orientationOf(paper, w, h, pxPerMm, skewDeg, writing);
  const sealFound = findSeal(p, w, h, pxPerMm, paper);
  return {
    width: w,
    height: h,
    pxPerMm,
    inkCoverage,
    toneCoverage: paper.toneCount / paper.area,
    edgeWidthMm: edges.widthPx === null ? null : edges.widthPx / pxPerMm,
    edgeCount: edges.count,
    stainMm: stains.sizeMm,
    stainHidingMm: stains.hidingMm,
    edgeShadowMm: stains.edgeShadowMm,
    orientation,
    skewDeg,
    borderDepth: paper.depth,
    seal: sealFound,
    chromaP99,
    signature: inkSignature(paper, w),
  };
}
