import type { Box } from '../inkPoints';
import { WRITING_WASM } from './kernels.generated';
import { bytesOf, lazyKernel, type KernelMemory } from './kernel';

const kernel = lazyKernel<
  KernelMemory & {
    writingMask(...args: [n: number, w: number, ...box: number[]]): void;
  }
>(WRITING_WASM);

/**
 * textInk.ts's writing mask sixteen pixels at a time where nothing starts or ends (`writing.as.ts`):
 * the same bytes, left in the kernel's memory: good until it runs again in this worker. Null when
 * the kernel cannot run here.
 */
export function writingMaskSimd(ink: Uint8Array, w: number, box: Box, hRule: number, vRule: number): Uint8Array | null {
  const k = kernel();
  if (!k) return null;
  const n = ink.length;
  const runs = 2 * n;
  const m = bytesOf(k, runs + 2 * Math.max(0, box.right - box.left));
  m.set(ink, 0);
  k.writingMask(n, w, box.top, box.bottom, box.left, box.right, hRule, vRule, runs);
  return m.subarray(n, 2 * n);
}
