import { fromBase64 } from '../../../../shared/bytes';

/** What every kernel module exports besides its functions: the memory its arrays live in. */
export interface KernelMemory {
  memory: WebAssembly.Memory;
}

/**
 * A kernel module (base64 from kernels.generated.ts), instantiated on first use and kept for the
 * worker's life; null where WebAssembly or its SIMD is missing (then the caller's JS runs).
 */
export function lazyKernel<K extends KernelMemory>(wasmBase64: string): () => K | null {
  let kernel: K | null | undefined;
  return () => {
    if (kernel !== undefined) return kernel;
    try {
      // A few KB: compiled on the spot, in a worker or in Node (browsers refuse only big modules on a page's main thread).
      const module = new WebAssembly.Module(new Uint8Array(fromBase64(wasmBase64)));
      kernel = new WebAssembly.Instance(module, {}).exports as unknown as K;
    } catch {
      kernel = null;
    }
    return kernel;
  };
}

/** The kernel's memory as bytes, grown first to hold at least `bytes`. */
export function bytesOf(k: KernelMemory, bytes: number): Uint8Array {
  const short = bytes - k.memory.buffer.byteLength;
  if (short > 0) k.memory.grow(Math.ceil(short / 65_536));
  return new Uint8Array(k.memory.buffer);
}
