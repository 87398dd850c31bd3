import type { PagePixelFacts } from './facts';
import { DUPLICATE_MIN_CORRELATION } from './thresholds';

/**
 * Pearson correlation of two pages' coarse ink maps, best over small shifts (a sheet rescanned
 * lands a few millimetres off). Maps of different shapes do not compare.
 */
export function signatureSimilarity(
  a: PagePixelFacts['signature'],
  b: PagePixelFacts['signature'],
  maxShift = 2,
): number {
  if (a.cols !== b.cols || a.rows !== b.rows) return 0;
  let best = -1;
  for (let dy = -maxShift; dy <= maxShift; dy++)
    for (let dx = -maxShift; dx <= maxShift; dx++) best = Math.max(best, shiftedCorrelation(a, b, dx, dy));
  return best;
}

function shiftedCorrelation(
  a: PagePixelFacts['signature'],
  b: PagePixelFacts['signature'],
  dx: number,
  dy: number,
): number {
  let n = 0,
    sa = 0,
    sb = 0,
    saa = 0,
    sbb = 0,
    sab = 0;
  for (let y = Math.max(0, -dy); y < Math.min(a.rows, a.rows - dy); y++) {
    for (let x = Math.max(0, -dx); x < Math.min(a.cols, a.cols - dx); x++) {
      const va = a.cells[y * a.cols + x]!;
      const vb = b.cells[(y + dy) * b.cols + (x + dx)]!;
      n++;
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  if (n < 4) return -1;
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  if (va <= 1e-12 || vb <= 1e-12) return -1;
  return cov / Math.sqrt(va * vb);
}

/**
 * Pages that repeat an earlier page (§4.1 缺页/错页): each later page with the first page it repeats.
 * Identical image streams are duplicates outright; otherwise the ink maps must agree closely.
 */
export function findDuplicatePages(
  pages: readonly (PagePixelFacts | null)[],
  isBlank: (p: PagePixelFacts) => boolean,
): { page: number; of: number }[] {
  const found: { page: number; of: number }[] = [];
  const live = pages.filter((p): p is PagePixelFacts => p !== null && !isBlank(p));
  for (let j = 1; j < live.length; j++) {
    const b = live[j]!;
    for (let i = 0; i < j; i++) {
      const a = live[i]!;
      const same =
        (a.imageDigest !== undefined && a.imageDigest === b.imageDigest) ||
        signatureSimilarity(a.signature, b.signature) >= DUPLICATE_MIN_CORRELATION;
      if (same) {
        found.push({ page: b.page, of: a.page });
        break;
      }
    }
  }
  return found;
}
