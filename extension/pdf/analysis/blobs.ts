/** Connected components (4-connected) of a binary mask, with their size and bounding box. */
export interface Blob {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** `label`, when given, receives each pixel's component number (1, 2, … in the order found; 0 off the mask). */
export function components(
  mask: Uint8Array,
  w: number,
  h: number,
  minArea = 1,
  maxBlobs = 100_000,
  label = new Int32Array(w * h),
): Blob[] {
  const out: Blob[] = [];
  const stack = new Int32Array(w * h);
  let next = 1;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || label[i]) continue;
    let sp = 0;
    stack[sp++] = i;
    label[i] = next;
    const b: Blob = { area: 0, x0: w, y0: h, x1: 0, y1: 0 };
    while (sp > 0) {
      const p = stack[--sp]!;
      const x = p % w,
        y = (p - x) / w;
      b.area++;
      if (x < b.x0) b.x0 = x;
      if (x > b.x1) b.x1 = x;
      if (y < b.y0) b.y0 = y;
      if (y > b.y1) b.y1 = y;
      if (x > 0 && mask[p - 1] && !label[p - 1]) {
        label[p - 1] = next;
        stack[sp++] = p - 1;
      }
      if (x < w - 1 && mask[p + 1] && !label[p + 1]) {
        label[p + 1] = next;
        stack[sp++] = p + 1;
      }
      if (y > 0 && mask[p - w] && !label[p - w]) {
        label[p - w] = next;
        stack[sp++] = p - w;
      }
      if (y < h - 1 && mask[p + w] && !label[p + w]) {
        label[p + w] = next;
        stack[sp++] = p + w;
      }
    }
    next++;
    if (b.area >= minArea) out.push(b);
    if (out.length >= maxBlobs) break;
  }
  return out;
}

/** Sums of the mask over every top-left rectangle, (w+1)×(h+1): any box's count in four reads. */
function integralImage(mask: Uint8Array, w: number, h: number): Uint32Array {
  const W = w + 1;
  const integral = new Uint32Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += mask[y * w + x]!;
      integral[(y + 1) * W + x + 1] = integral[y * W + x + 1]! + rowSum;
    }
  }
  return integral;
}

/** Pixels whose whole (2r+1)² neighbourhood is set: erosion by a square, via an integral image. */
export function erode(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const W = w + 1;
  const integral = integralImage(mask, w, h);
  const out = new Uint8Array(w * h);
  const full = (2 * r + 1) ** 2;
  for (let y = r; y < h - r; y++)
    for (let x = r; x < w - r; x++) {
      const s =
        integral[(y + r + 1) * W + x + r + 1]! -
        integral[(y - r) * W + x + r + 1]! -
        integral[(y + r + 1) * W + x - r]! +
        integral[(y - r) * W + x - r]!;
      if (s === full) out[y * w + x] = 1;
    }
  return out;
}

/** Sets every pixel within r of a set pixel (dilation by a square), via an integral image. */
export function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const W = w + 1;
  const integral = integralImage(mask, w, h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - r),
      yb = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - r),
        xb = Math.min(w, x + r + 1);
      const s = integral[yb * W + xb]! - integral[ya * W + xb]! - integral[yb * W + xa]! + integral[ya * W + xa]!;
      if (s > 0) out[y * w + x] = 1;
    }
  }
  return out;
}

/** Extent in mm of a region grown by `link` cells on each side. */
export function extentMm(b: Blob, link: number, perMm: number): number {
  return Math.max(0, Math.max(b.x1 - b.x0 + 1, b.y1 - b.y0 + 1) - 2 * link) / perMm;
}
