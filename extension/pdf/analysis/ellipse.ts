import type { Blob } from './blobs';
import { solveInPlace } from './linear';

/**
 * A seal's ring as an ellipse, fitted from the outermost ink in each direction — from its visible
 * arc when the sheet's edge cuts it.
 */
export const SECTORS = 48;
/** Directions that must reach the ring: of all, and where the sheet's edge cuts the ring. */
export const VISIBLE_SHARE = 0.5;
const CUT_VISIBLE_SHARE = 0.4;
/** Cut, a ring is refitted from the points at least this far out on the first fit (1 on it; writing inside lies lower). */
const CUT_INNER_LEVEL = 0.8;

export interface Ellipse {
  cx: number;
  cy: number;
  /** Unit vector of the first axis; the second is perpendicular. */
  ux: number;
  uy: number;
  a: number;
  b: number;
}

/**
 * The ring's ellipse: axes from the ink's spread, then centre and half-axes fitted to the outermost
 * ink in each direction (A u² + B v² + C u + D v = 1), so a seal cut by the sheet's edge is fitted
 * from its visible arc.
 */
export function fitEllipse(mask: Uint8Array, w: number, b: Blob, sheet: Sheet, round = false): Ellipse | null {
  let n = 0,
    sx = 0,
    sy = 0;
  for (let y = b.y0; y <= b.y1; y++)
    for (let x = b.x0; x <= b.x1; x++)
      if (mask[y * w + x]) {
        n++;
        sx += x;
        sy += y;
      }
  if (n < 20) return null;
  const mx = sx / n,
    my = sy / n;
  let cxx = 0,
    cyy = 0,
    cxy = 0;
  for (let y = b.y0; y <= b.y1; y++)
    for (let x = b.x0; x <= b.x1; x++)
      if (mask[y * w + x]) {
        cxx += (x - mx) ** 2;
        cyy += (y - my) ** 2;
        cxy += (x - mx) * (y - my);
      }
  const theta = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  const ux = Math.cos(theta),
    uy = Math.sin(theta);
  // Outermost ink per direction from the ink's centre, in the axes' frame.
  const far = new Float64Array(SECTORS).fill(-1);
  const pu = new Float64Array(SECTORS),
    pv = new Float64Array(SECTORS);
  for (let y = b.y0; y <= b.y1; y++)
    for (let x = b.x0; x <= b.x1; x++) {
      if (!mask[y * w + x]) continue;
      const dx = x - mx,
        dy = y - my;
      const d = dx * dx + dy * dy;
      const s = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * SECTORS) % SECTORS;
      if (d > far[s]!) {
        far[s] = d;
        pu[s] = dx * ux + dy * uy;
        pv[s] = -dx * uy + dy * ux;
      }
    }
  // A direction whose outermost ink lies on the sheet's edge ends where the sheet does, not at the
  // ring: it says nothing of the ring's size.
  const pts: [number, number][] = [];
  let cut = 0;
  for (let s = 0; s < SECTORS; s++) {
    if (far[s]! < 0) continue;
    const x = mx + pu[s]! * ux - pv[s]! * uy,
      y = my + pu[s]! * uy + pv[s]! * ux;
    if (within(sheet, x, y, -sheet.margin)) pts.push([pu[s]!, pv[s]!]);
    else cut++;
  }
  if (pts.length < SECTORS * (cut ? CUT_VISIBLE_SHARE : VISIBLE_SHARE)) return null;
  let sol = conicThrough(pts, round);
  // Cut by the edge, some directions end on the writing inside before the edge: refitted without
  // the points well inside the first fit.
  if (sol && cut > 0) {
    const [A, B, C, D] = Array.from(sol) as [number, number, number, number];
    const outer = pts.filter(([u, v]) => A * u * u + B * v * v + C * u + D * v >= CUT_INNER_LEVEL);
    if (outer.length >= SECTORS * CUT_VISIBLE_SHARE) sol = conicThrough(outer, round);
  }
  if (!sol) return null;
  const [A, B, C, D] = Array.from(sol) as [number, number, number, number];
  if (A <= 0 || B <= 0) return null;
  const u0 = -C / (2 * A),
    v0 = -D / (2 * B);
  const k = 1 + A * u0 * u0 + B * v0 * v0;
  if (k <= 0) return null;
  return { cx: mx + u0 * ux - v0 * uy, cy: my + u0 * uy + v0 * ux, ux, uy, a: Math.sqrt(k / A), b: Math.sqrt(k / B) };
}

/**
 * Least squares for A u² + B v² + C u + D v = 1 through the points; `round`: a circle (A = B), which
 * an arc alone pins down where an ellipse's width along a cut is left loose.
 */
function conicThrough(pts: [number, number][], round: boolean): Float64Array | null {
  const n = round ? 3 : 4;
  const M = new Float64Array(n * n),
    r = new Float64Array(n);
  for (const [u, v] of pts) {
    const row = round ? [u * u + v * v, u, v] : [u * u, v * v, u, v];
    for (let i = 0; i < n; i++) {
      r[i] = r[i]! + row[i]!;
      for (let j = 0; j < n; j++) M[i * n + j] = M[i * n + j]! + row[i]! * row[j]!;
    }
  }
  const x = solveInPlace(Float64Array.from(M), Float64Array.from(r), n, 1e-12);
  return x && round ? Float64Array.of(x[0]!, x[0]!, x[1]!, x[2]!) : x;
}

/** The sheet's bounds at half resolution, and how near its edge (px) ink counts as cut by it. */
export interface Sheet {
  top: number;
  right: number;
  bottom: number;
  left: number;
  margin: number;
}

/** Inside the sheet's bounds grown by `by` px (negative: shrunk). */
export function within(s: Sheet, x: number, y: number, by: number): boolean {
  return x >= s.left - by && x < s.right + by && y >= s.top - by && y < s.bottom + by;
}
