import { PLANES_WASM } from './kernels.generated';
import { bytesOf, lazyKernel, type KernelMemory } from './kernel';

/** The four planes of raster.ts, as the kernel writes them. */
export type PlaneBytes = { gray: Uint8Array; chroma: Uint8Array; red: Uint8Array; yellow: Uint8Array };

const kernel = lazyKernel<KernelMemory & { planes(n: number, bgr: number): void }>(PLANES_WASM);

/**
 * planes() 16 pixels at a time (`planes.as.ts`): a quarter of the JS loop's time, the same bytes.
 * With `view`, the planes are the kernel's own memory, good until it runs again in this worker:
 * four fresh page-sized arrays cost more than the kernel (the pages must be faulted in). Null when
 * the kernel cannot run here.
 */
export function planesSimd(
  r: {
    width: number;
    height: number;
    data: Uint8Array | Uint8ClampedArray;
    bgr?: boolean;
  },
  view = false,
): PlaneBytes | null {
  const k = kernel();
  if (!k) return null;
  const n = r.width * r.height;
  const m = bytesOf(k, n * 8);
  // As bytes of the same type, the copy is one memcpy.
  m.set(new Uint8Array(r.data.buffer, r.data.byteOffset, n * 4), 0);
  k.planes(n, r.bgr ? 1 : 0);
  const plane = (i: number) => (view ? m.subarray(i * n, (i + 1) * n) : m.slice(i * n, (i + 1) * n));
  return { gray: plane(4), chroma: plane(5), red: plane(6), yellow: plane(7) };
}
