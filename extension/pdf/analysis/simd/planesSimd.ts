import { fromBase64 } from '../../../../shared/bytes';
import { PLANES_WASM } from './kernels.generated';

/** The four planes of raster.ts, as the kernel writes them. */
export type PlaneBytes = { gray: Uint8Array; chroma: Uint8Array; red: Uint8Array; yellow: Uint8Array };

interface Kernel {
  memory: WebAssembly.Memory;
  planes(n: number, bgr: number): void;
}

/** Loaded once per worker; null where WebAssembly or its SIMD is missing (then the JS loop runs). */
let kernel: Kernel | null | undefined;

function loaded(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    // 1 KB: compiled on the spot, in a worker or in Node (browsers refuse only big modules on a page's main thread).
    const module = new WebAssembly.Module(new Uint8Array(fromBase64(PLANES_WASM)));
    kernel = new WebAssembly.Instance(module, {}).exports as unknown as Kernel;
  } catch {
    kernel = null;
  }
  return kernel;
}

/**
 * planes() 16 pixels at a time (`planes.as.ts`): a quarter of the JS loop's time, the same bytes.
 * Null when the kernel cannot run here.
 */
export function planesSimd(r: {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  bgr?: boolean;
}): PlaneBytes | null {
  const k = loaded();
  if (!k) return null;
  const n = r.width * r.height;
  const short = n * 8 - k.memory.buffer.byteLength;
  if (short > 0) k.memory.grow(Math.ceil(short / 65_536));
  const m = new Uint8Array(k.memory.buffer);
  // As bytes of the same type, the copy is one memcpy.
  m.set(new Uint8Array(r.data.buffer, r.data.byteOffset, n * 4), 0);
  k.planes(n, r.bgr ? 1 : 0);
  return {
    gray: m.slice(n * 4, n * 5),
    chroma: m.slice(n * 5, n * 6),
    red: m.slice(n * 6, n * 7),
    yellow: m.slice(n * 7, n * 8),
  };
}
