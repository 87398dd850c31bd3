import { planesSimd } from './simd/planesSimd';

/** A page's pixels at analysis size: four bytes a pixel, row-major, as canvas and VideoFrame give them. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
  /**
   * The bytes are B, G, R, X (a decoded JPEG frame's own layout in Chromium) rather than R, G, B, A:
   * copying a frame as it is costs a twentieth of converting it.
   */
  bgr?: boolean;
}

export interface Planes {
  gray: Uint8Array;
  chroma: Uint8Array;
  red: Uint8Array;
  /** Yellowness, G − B + 64 (clamped): tea, coffee, rust and old tape are yellow-brown; ink and seals are not. */
  yellow: Uint8Array;
}

/** Luma (BT.601, integer), chroma (max − min of R, G, B), redness and yellowness planes. */
export function planes(r: Raster): Planes {
  return planesSimd(r) ?? planesJs(r);
}

/**
 * The planes for measuring one page, not to be kept: where the kernel runs they are its memory,
 * overwritten when the next page's planes are made in this worker.
 */
export function pagePlanes(r: Raster): Planes {
  return planesSimd(r, true) ?? planesJs(r);
}

/** The planes in plain JS: where WebAssembly SIMD cannot run, and the reference its kernel is tested against. */
export function planesJs(r: Raster): Planes {
  const n = r.width * r.height;
  const gray = new Uint8Array(n);
  const chroma = new Uint8Array(n);
  // How much redder than green and blue: seals are red, ink is black or blue.
  const red = new Uint8Array(n);
  const yellow = new Uint8Array(n);
  // One 32-bit read per pixel (RGBA in memory: R in the low byte on little-endian machines).
  const bytes = r.data.byteOffset % 4 === 0 ? r.data : r.data.slice(0, n * 4);
  const px = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  const rShift = r.bgr ? 16 : 0,
    bShift = r.bgr ? 0 : 16;
  for (let i = 0; i < n; i++) {
    const v = px[i]!;
    const R = (v >> rShift) & 255,
      G = (v >> 8) & 255,
      B = (v >> bShift) & 255;
    gray[i] = (R * 77 + G * 150 + B * 29) >> 8;
    const mx = R > G ? (R > B ? R : B) : G > B ? G : B;
    const mn = R < G ? (R < B ? R : B) : G < B ? G : B;
    chroma[i] = mx - mn;
    const gb = G > B ? G : B;
    red[i] = R > gb ? R - gb : 0;
    const y = G - B + 64;
    yellow[i] = y < 0 ? 0 : y > 255 ? 255 : y;
  }
  return { gray, chroma, red, yellow };
}

/** Rotates clockwise by a multiple of 90° (a page drawn rotated, or /Rotate). */
export function rotateRaster(r: Raster, clockwise: number): Raster {
  const k = ((Math.round(clockwise / 90) % 4) + 4) % 4;
  if (k === 0) return r;
  const { width: w, height: h, data } = r;
  const W = k === 2 ? w : h,
    H = k === 2 ? h : w;
  const out = new Uint8ClampedArray(W * H * 4);
  const src32 = new Uint32Array(data.buffer, data.byteOffset, w * h);
  const dst32 = new Uint32Array(out.buffer);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let X: number, Y: number;
      if (k === 1) {
        X = h - 1 - y;
        Y = x;
      } else if (k === 2) {
        X = w - 1 - x;
        Y = h - 1 - y;
      } else {
        X = y;
        Y = w - 1 - x;
      }
      dst32[Y * W + X] = src32[y * w + x]!;
    }
  return { width: W, height: H, data: out };
}

/** Values at quantiles qs (0–1) of a byte plane of row width w over the rectangle [top, bottom) × [left, right), from one pass. */
export function quantilesIn(
  plane: Uint8Array,
  w: number,
  qs: number[],
  box: { top: number; right: number; bottom: number; left: number },
): number[] {
  const hist = new Uint32Array(256);
  for (let y = box.top; y < box.bottom; y++)
    for (let i = y * w + box.left, end = y * w + box.right; i < end; i++) hist[plane[i]!]!++;
  const n = Math.max(0, box.bottom - box.top) * Math.max(0, box.right - box.left);
  return qs.map((q) => {
    if (n === 0) return 0;
    const target = q * (n - 1);
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc > target) return v;
    }
    return 255;
  });
}
