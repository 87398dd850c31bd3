/**
 * Ink pixels of a 0/1 mask as points, for the projection profiles of skew and orientation: every
 * k-th ink pixel in reading order, at most `maxPoints` of them — enough to see lines, cheap to turn.
 * A page is mostly paper, so the mask is read four pixels at a time and empty words are skipped.
 */
export interface InkPoints {
  /** Picture coordinates of the kept points. */
  xs: Int32Array;
  ys: Int32Array;
  n: number;
  /** Ink pixels in the box (before sampling). */
  total: number;
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The mask's bytes four at a time (a mask made for a page starts its own buffer: aligned). */
function words(mask: Uint8Array): Uint32Array | null {
  return mask.byteOffset % 4 === 0 ? new Uint32Array(mask.buffer, mask.byteOffset, mask.length >> 2) : null;
}

/** Calls `visit(i)` for each set byte of mask[from, to), in order; skips empty words. */
function eachSet(
  mask: Uint8Array,
  w32: Uint32Array | null,
  from: number,
  to: number,
  visit: (i: number) => void,
): void {
  let i = from;
  if (w32) {
    for (; i < to && i & 3; i++) if (mask[i]) visit(i);
    for (; i + 4 <= to; i += 4) {
      if (w32[i >> 2] === 0) continue;
      for (let k = i; k < i + 4; k++) if (mask[k]) visit(k);
    }
  }
  for (; i < to; i++) if (mask[i]) visit(i);
}

/** Ink pixels of a 0/1 mask in the box. */
export function countInk(mask: Uint8Array, box: Box, w: number): number {
  const w32 = words(mask);
  let total = 0;
  for (let y = box.top; y < box.bottom; y++) {
    let i = y * w + box.left;
    const end = y * w + box.right;
    if (w32) {
      for (; i < end && i & 3; i++) total += mask[i]!;
      // Four 0/1 bytes add up in the top byte of their product with 0x01010101.
      for (; i + 4 <= end; i += 4) {
        const v = w32[i >> 2]!;
        if (v !== 0) total += Math.imul(v, 0x01010101) >>> 24;
      }
    }
    for (; i < end; i++) total += mask[i]!;
  }
  return total;
}

/** `total`: the box's ink count when the caller knows it already. */
export function sampleInk(mask: Uint8Array, box: Box, w: number, maxPoints: number, total = -1): InkPoints {
  if (total < 0) total = countInk(mask, box, w);
  const stride = Math.max(1, Math.ceil(total / maxPoints));
  const cap = Math.ceil(total / stride) + 1;
  const xs = new Int32Array(cap),
    ys = new Int32Array(cap);
  const w32 = words(mask);
  let k = 0,
    n = 0,
    y = 0,
    row = 0;
  const visit = (i: number) => {
    if (k++ % stride === 0 && n < cap) {
      xs[n] = i - row;
      ys[n++] = y;
    }
  };
  for (y = box.top; y < box.bottom; y++) {
    row = y * w;
    eachSet(mask, w32, row + box.left, row + box.right, visit);
  }
  return { xs, ys, n, total };
}
