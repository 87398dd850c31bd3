import type { Cells, Grids } from '../paperGrids';
import type { Planes } from '../raster';
import { PAPERGRID_WASM } from './kernels.generated';
import { bytesOf, lazyKernel, type KernelMemory } from './kernel';

type Step = (W: number, H: number, ...offsets: number[]) => void;

const kernel = lazyKernel<
  KernelMemory & {
    halve: Step;
    quarter: Step;
    rank(src: number, tmp: number, out: number, w: number, h: number, r: number, isMax: number): void;
  }
>(PAPERGRID_WASM);

/**
 * paperGridsJs() 16 cells at a time (`paperGrid.as.ts`), every grid made in the kernel's memory from
 * one copy of the planes, and left there: the grids are good until the kernel runs again in this
 * worker (the next page's model). Null when the kernel cannot run here.
 */
export function paperGridSimd(p: Planes, W: number, H: number, radius: number): Grids | null {
  const k = kernel();
  if (!k) return null;
  const N = W * H,
    w2 = W >> 1,
    h2 = H >> 1,
    w4 = w2 >> 1,
    h4 = h2 >> 1;
  const n2 = w2 * h2,
    n4 = w4 * h4;
  // Planes, then the half grid, the quarter grid and the filters' four scratch grids.
  const at = { gray: 0, yellow: N, red: 2 * N, half: 3 * N, quarter: 3 * N + 3 * n2 };
  const tmp = at.quarter + 3 * n4,
    a = tmp + n4,
    b = a + n4,
    light = b + n4,
    yellow = light + n4;
  const m = bytesOf(k, yellow + n4);
  m.set(p.gray, at.gray);
  m.set(p.yellow, at.yellow);
  m.set(p.red, at.red);
  k.halve(W, H, at.gray, at.yellow, at.red, at.half, at.half + n2, at.half + 2 * n2);
  k.quarter(w2, h2, at.half, at.half + n2, at.half + 2 * n2, at.quarter, at.quarter + n4, at.quarter + 2 * n4);
  const r = radius;
  k.rank(at.quarter, tmp, a, w4, h4, r, 1);
  k.rank(a, tmp, light, w4, h4, r, 0);
  k.rank(at.quarter + n4, tmp, b, w4, h4, 1, 0);
  k.rank(b, tmp, a, w4, h4, r + 1, 1);
  k.rank(a, tmp, yellow, w4, h4, r, 0);
  const cells = (w: number, h: number, base: number, n: number): Cells => ({
    w,
    h,
    light: m.subarray(base, base + n),
    yellow: m.subarray(base + n, base + 2 * n),
    red: m.subarray(base + 2 * n, base + 3 * n),
  });
  return {
    half: cells(w2, h2, at.half, n2),
    quarter: cells(w4, h4, at.quarter, n4),
    light: m.subarray(light, light + n4),
    yellow: m.subarray(yellow, yellow + n4),
  };
}
