import { SEALINK_WASM } from './kernels.generated';
import { bytesOf, lazyKernel, type KernelMemory } from './kernel';
import type { Planes } from '../raster';

const kernel = lazyKernel<KernelMemory & { inkMask(W: number, H: number, minRg: number, maxYellow: number): number }>(
  SEALINK_WASM,
);

/**
 * seal.ts's ink mask 16 cells at a time (`sealInk.as.ts`): a pixel is ink where red > 0, gray ≤ 242,
 * rgOf ≥ minRg and yellow ≤ maxYellow (the paper's hue already added in). The mask is left in the
 * kernel's memory, good until it runs again in this worker. Null when the kernel cannot run here.
 */
export function inkMaskSimd(
  p: Planes,
  W: number,
  H: number,
  minRg: number,
  maxYellow: number,
): { mask: Uint8Array; any: number } | null {
  const k = kernel();
  if (!k) return null;
  const n = W * H,
    cells = (W >> 1) * (H >> 1);
  const m = bytesOf(k, n * 3 + cells);
  m.set(p.red.subarray(0, n), 0);
  m.set(p.gray.subarray(0, n), n);
  m.set(p.yellow.subarray(0, n), n * 2);
  const any = k.inkMask(W, H, minRg, maxYellow);
  return { mask: m.subarray(n * 3, n * 3 + cells), any };
}
