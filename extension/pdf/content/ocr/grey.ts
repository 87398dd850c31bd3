/** A greyscale picture (0 black – 255 white), row-major: what the reader works on. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
  /**
   * The same picture with red and purple-red ink (a seal) turned to paper, where the scan has
   * colour: what the ink checks of empty entries and signature lines measure — a seal stamped over
   * an unsigned line is not a signature. Absent for grey scans.
   */
  sealFree?: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Luma of an RGBA picture (BT.601, integer), and its seal-free copy when a pixel is seal-coloured.
 * `bgr`: the bytes are B, G, R, X (a decoded frame's own order in Chromium).
 */
export function greyOf(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, bgr = false): Grey {
  const data = new Uint8Array(width * height);
  let sealFree: Uint8Array | undefined;
  const ri = bgr ? 2 : 0,
    bi = bgr ? 0 : 2;
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const r = rgba[j + ri]!,
      g = rgba[j + 1]!,
      b = rgba[j + bi]!;
    data[i] = (r * 77 + g * 150 + b * 29) >> 8;
    // Seal ink: red well above green and above blue (red or purple-red); brown stains, yellowed
    // paper and blue or black writing are not.
    if (r - g > SEAL_RED_OVER_GREEN && r - b > SEAL_RED_OVER_BLUE) {
      if (!sealFree) (sealFree = new Uint8Array(data.length)).set(data.subarray(0, i));
      sealFree[i] = 255;
    } else if (sealFree) sealFree[i] = data[i]!;
  }
  return { width, height, data, ...(sealFree ? { sealFree } : {}) };
}

const SEAL_RED_OVER_GREEN = 50;
const SEAL_RED_OVER_BLUE = 30;

/** The picture the ink checks measure: seal ink turned to paper where the scan told it apart. */
export function inkPlane(g: Grey): Grey {
  return g.sealFree ? { width: g.width, height: g.height, data: g.sealFree } : g;
}

/** The whole pixels `r` covers, clipped to the picture: columns x0…x1 − 1, rows y0…y1 − 1. */
export function clip(g: Grey, r: Rect): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(0, Math.floor(r.x)),
    y0: Math.max(0, Math.floor(r.y)),
    x1: Math.min(g.width, Math.ceil(r.x + r.w)),
    y1: Math.min(g.height, Math.ceil(r.y + r.h)),
  };
}

/** The part of `g` inside `r` (clipped to the picture). */
export function cropGrey(g: Grey, r: Rect): Grey {
  const { x0, y0, x1, y1 } = clip(g, r);
  const w = Math.max(1, x1 - x0),
    h = Math.max(1, y1 - y0);
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h && y0 + y < g.height; y++)
    data.set(g.data.subarray((y0 + y) * g.width + x0, (y0 + y) * g.width + x0 + Math.min(w, g.width - x0)), y * w);
  return { width: w, height: h, data };
}

/** Bilinear resampling to w×h (area-averaged first when shrinking by more than 2×, so thin strokes survive). */
export function resizeGrey(g: Grey, w: number, h: number): Grey {
  let src = g;
  while (src.width >= w * 2 && src.height >= h * 2) src = halve(src);
  const out = new Uint8Array(w * h);
  const sx = src.width / w,
    sy = src.height / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(src.height - 1, Math.floor(fy)),
      y1 = Math.min(src.height - 1, y0 + 1),
      wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(src.width - 1, Math.floor(fx)),
        x1 = Math.min(src.width - 1, x0 + 1),
        wx = fx - x0;
      const a = src.data[y0 * src.width + x0]!,
        b = src.data[y0 * src.width + x1]!;
      const c = src.data[y1 * src.width + x0]!,
        d = src.data[y1 * src.width + x1]!;
      out[y * w + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
    }
  }
  return { width: w, height: h, data: out };
}

function halve(g: Grey): Grey {
  const w = g.width >> 1,
    h = g.height >> 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = 2 * y * g.width + 2 * x;
      out[y * w + x] = (g.data[i]! + g.data[i + 1]! + g.data[i + g.width]! + g.data[i + g.width + 1]! + 2) >> 2;
    }
  return { width: w, height: h, data: out };
}

/** Turned clockwise by a multiple of 90°. */
export function rotateGrey(g: Grey, clockwise: number): Grey {
  const k = ((Math.round(clockwise / 90) % 4) + 4) % 4;
  if (k === 0) return g;
  const { width: w, height: h, data } = g;
  const W = k === 2 ? w : h,
    H = k === 2 ? h : w;
  const turn = (plane: Uint8Array) => {
    const out = new Uint8Array(W * H);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = plane[y * w + x]!;
        if (k === 1) out[x * W + (h - 1 - y)] = v;
        else if (k === 2) out[(h - 1 - y) * W + (w - 1 - x)] = v;
        else out[(w - 1 - x) * W + y] = v;
      }
    return out;
  };
  return { width: W, height: H, data: turn(data), ...(g.sealFree ? { sealFree: turn(g.sealFree) } : {}) };
}
