import { PAPERINK_WASM } from './kernels.generated';
import { bytesOf, lazyKernel, type KernelMemory } from './kernel';

/** The sheet's ink mask and counts, as paper.ts's paperInkJs gives them. */
export type SheetInk = { ink: Uint8Array; inkCount: number; toneCount: number };

/** The inner rectangle of the sheet: [top, bottom) × [left, right). */
export type Sheet = { top: number; right: number; bottom: number; left: number };

const kernel = lazyKernel<
  KernelMemory & {
    paperInk(w: number, h: number, top: number, right: number, bottom: number, left: number): void;
    blockLevels(w: number, h: number): void;
  }
>(PAPERINK_WASM);

/**
 * paperInkJs() a block of 16 pixels a step (`paperInk.as.ts`), the same mask and counts. `toneCut`
 * and `inkCut` hold each 16-px block's cuts. The mask is left in the kernel's memory, good until it
 * runs again in this worker (blockLevelsSimd too). Null when the kernel cannot run here.
 */
export function paperInkSimd(
  gray: Uint8Array,
  w: number,
  h: number,
  toneCut: Uint8Array,
  inkCut: Uint8Array,
  s: Sheet,
): SheetInk | null {
  const k = kernel();
  if (!k) return null;
  const n = w * h,
    blocks = toneCut.length;
  const m = bytesOf(k, 48 + 2 * n + 2 * blocks);
  m.set(gray.subarray(0, n), 16);
  m.set(toneCut, 48 + 2 * n);
  m.set(inkCut, 48 + 2 * n + blocks);
  k.paperInk(w, h, s.top, s.right, s.bottom, s.left);
  const counts = new Int32Array(m.buffer, 0, 2);
  return { ink: m.subarray(32 + n, 32 + 2 * n), inkCount: counts[0]!, toneCount: counts[1]! };
}

/**
 * blockLevelsJs() with 16 compares a block for each bit of its level (`paperInk.as.ts`), the same
 * levels. Null when the kernel cannot run here.
 */
export function blockLevelsSimd(gray: Uint8Array, w: number, h: number): Uint8Array | null {
  const k = kernel();
  if (!k) return null;
  const n = w * h,
    blocks = Math.ceil(w / 16) * Math.ceil(h / 16);
  const m = bytesOf(k, 48 + n + blocks);
  m.set(gray.subarray(0, n), 16);
  k.blockLevels(w, h);
  return m.slice(32 + n, 32 + n + blocks);
}
