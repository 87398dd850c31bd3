import { sampleInk } from './inkPoints';
import type { Paper } from './paper';

/** Points enough to find the lines' angle to a tenth of a degree. */
const MAX_POINTS = 12_000;

/**
 * The dominant angle of text lines and table rules, by projection profiles: the angle whose row
 * histogram of ink is sharpest. Degrees, positive when the content is turned counter-clockwise;
 * null when the page has no lines to go by.
 */
export function measureSkew(paper: Paper, w: number, maxDeg = 12): number | null {
  const { xs, ys, n } = sampleInk(paper.ink, paper, w, MAX_POINTS, paper.inkCount);
  const left = paper.left;
  if (n < 300) return null;
  const bins = new Int32Array(
    Math.ceil(paper.bottom + (paper.right - paper.left) * Math.tan((maxDeg * Math.PI) / 180) * 2) + 4,
  );
  const offset = (paper.right - paper.left) * Math.tan((maxDeg * Math.PI) / 180) + 2;
  // Σ bin² grows by 2v + 1 as a bin goes from v to v + 1: summed as the points fall.
  const score = (deg: number) => {
    bins.fill(0);
    const t = Math.tan((deg * Math.PI) / 180);
    let s = 0;
    for (let i = 0; i < n; i++) s += 2 * bins[(ys[i]! + (xs[i]! - left) * t + offset + 0.5) | 0]!++ + 1;
    return s;
  };
  const coarse: { deg: number; s: number }[] = [];
  for (let d = -maxDeg; d <= maxDeg; d += 1) coarse.push({ deg: d, s: score(d) });
  const best = coarse.reduce((a, b) => (b.s > a.s ? b : a));
  const sorted = coarse.map((c) => c.s).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  if (best.s < median * 1.25) return null;
  let fine = best;
  for (let d = best.deg - 0.8; d <= best.deg + 0.8; d += 0.2) {
    const s = score(d);
    if (s > fine.s) fine = { deg: d, s };
  }
  const mid = fine.deg;
  for (const d of [mid - 0.1, mid + 0.1]) {
    const s = score(d);
    if (s > fine.s) fine = { deg: d, s };
  }
  return Math.round(fine.deg * 10) / 10;
}
