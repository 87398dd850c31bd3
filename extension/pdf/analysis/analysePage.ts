import type { PagePixelFacts } from '../../../shared/pdf/facts';
import { edgeWidth } from './blur';
import { uprightness } from './orientation';
import { findPaper } from './paper';
import { planes, quantileIn, type Raster } from './raster';
import { findSeal } from './seal';
import { inkSignature } from './signature';
import { measureSkew } from './skew';
import { largestBlotch } from './stain';

/** The form is printed on A4. */
const A4_SHORT_MM = 210;

export type PixelMeasures = Omit<PagePixelFacts, 'page' | 'imageDigest'>;

/**
 * Everything measured from one page's pixels, shown the way the page is displayed. `pxPerMm` is
 * the raster's scale on paper. Pure: runs in a worker, and in Node for tests.
 */
export function analysePage(r: Raster, placedPxPerMm: number): PixelMeasures {
  const { width: w, height: h } = r;
  const { gray, chroma, red } = planes(r);
  const paper = findPaper(gray, chroma, w, h);
  // Content is measured on the sheet, taken to be A4 across: a photo's sheet is smaller than its
  // picture, and a Word page shrinks the photo. Without a clear sheet, the placement's scale.
  const sheetWidthPx = Math.min(w, h) * (1 - paper.depth[1] - paper.depth[3]);
  const pxPerMm = sheetWidthPx > Math.min(w, h) * 0.5 ? sheetWidthPx / A4_SHORT_MM : placedPxPerMm;
  const inkCoverage = paper.inkCount / paper.area;
  const sideways = w > h * 1.15;
  const edges = edgeWidth(gray, w, paper);
  const blotch = largestBlotch(gray, red, w, h, paper, pxPerMm);
  const skewDeg = sideways ? null : measureSkew(paper, w);
  // Alignment is read on the straightened page only when the tilt is small enough not to matter.
  const orientation = sideways
    ? 'sideways'
    : skewDeg !== null && Math.abs(skewDeg) > 6
      ? 'unknown'
      : uprightness(paper, w, h, pxPerMm);
  const sealFound = findSeal(red, gray, w, h, pxPerMm);
  return {
    width: w,
    height: h,
    pxPerMm,
    inkCoverage,
    toneCoverage: paper.toneCount / paper.area,
    edgeWidthMm: edges.widthPx === null ? null : edges.widthPx / pxPerMm,
    edgeCount: edges.count,
    largestBlotchMm2: blotch / (pxPerMm * pxPerMm),
    largestBlotchFrac: blotch / paper.area,
    orientation,
    skewDeg,
    borderDepth: paper.depth,
    seal: sealFound,
    chromaP99: quantileIn(chroma, w, 0.99, paper),
    signature: inkSignature(paper, w),
  };
}
