// AssemblyScript, compiled to WebAssembly with SIMD by scripts/kernels.mjs (not TypeScript: tsc and
// ESLint leave *.as.ts alone). The paper model's grids as paperModel.ts's JS makes them, byte for
// byte, 16 cells a step. Every argument after the sizes is a byte offset into memory; the caller
// (paperGridSimd.ts) lays the planes and grids out.

/** Bytes 0, 2, 4 … of a then b (the left pixel of each pair), and 1, 3, 5 … */
function evens(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
}
function odds(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
}

/** (a + b + c + d + 2) >> 2 of each 2 × 2, for the 16 cells whose pixels start at p (row length W). */
function mean4(p: i32, W: i32): v128 {
  const two = i16x8.splat(2);
  const lo = i16x8.add(i16x8.extadd_pairwise_i8x16_u(v128.load(p)), i16x8.extadd_pairwise_i8x16_u(v128.load(p + W)));
  const hi = i16x8.add(
    i16x8.extadd_pairwise_i8x16_u(v128.load(p + 16)),
    i16x8.extadd_pairwise_i8x16_u(v128.load(p + W + 16)),
  );
  return i8x16.narrow_i16x8_u(i16x8.shr_u(i16x8.add(lo, two), 2), i16x8.shr_u(i16x8.add(hi, two), 2));
}

/** The largest of each 2 × 2. */
function max4(p: i32, W: i32): v128 {
  const a = i8x16.max_u(v128.load(p), v128.load(p + W));
  const b = i8x16.max_u(v128.load(p + 16), v128.load(p + W + 16));
  return i8x16.max_u(evens(a, b), odds(a, b));
}

/** Half size: 2 × 2 means of lightness and yellowness, the reddest of the four. */
export function halve(
  W: i32,
  H: i32,
  gray: i32,
  yellow: i32,
  red: i32,
  outLight: i32,
  outYellow: i32,
  outRed: i32,
): void {
  const w = W >> 1,
    h = H >> 1;
  for (let y = 0; y < h; y++) {
    const q = 2 * y * W,
      o = y * w;
    let x = 0;
    for (; x + 16 <= w; x += 16) {
      const s = q + 2 * x;
      v128.store(outLight + o + x, mean4(gray + s, W));
      v128.store(outYellow + o + x, mean4(yellow + s, W));
      v128.store(outRed + o + x, max4(red + s, W));
    }
    for (; x < w; x++) {
      const s = q + 2 * x;
      const g = gray + s,
        yl = yellow + s,
        rd = red + s;
      store<u8>(
        outLight + o + x,
        (<i32>load<u8>(g) + load<u8>(g + 1) + load<u8>(g + W) + load<u8>(g + W + 1) + 2) >> 2,
      );
      store<u8>(
        outYellow + o + x,
        (<i32>load<u8>(yl) + load<u8>(yl + 1) + load<u8>(yl + W) + load<u8>(yl + W + 1) + 2) >> 2,
      );
      store<u8>(outRed + o + x, max(max(load<u8>(rd), load<u8>(rd + 1)), max(load<u8>(rd + W), load<u8>(rd + W + 1))));
    }
  }
}

/**
 * Quarter size from the half grid: the lightest of each 2 × 2 with its own yellowness (the first
 * of equals, in the order top-left, top-right, bottom-left, bottom-right), and the reddest.
 */
export function quarter(
  W: i32,
  H: i32,
  light: i32,
  yellow: i32,
  red: i32,
  outLight: i32,
  outYellow: i32,
  outRed: i32,
): void {
  const w = W >> 1,
    h = H >> 1;
  for (let y = 0; y < h; y++) {
    const a = 2 * y * W,
      b = a + W,
      o = y * w;
    let x = 0;
    for (; x + 16 <= w; x += 16) {
      const s = 2 * x;
      const la0 = v128.load(light + a + s),
        la1 = v128.load(light + a + s + 16);
      const lb0 = v128.load(light + b + s),
        lb1 = v128.load(light + b + s + 16);
      const ya0 = v128.load(yellow + a + s),
        ya1 = v128.load(yellow + a + s + 16);
      const yb0 = v128.load(yellow + b + s),
        yb1 = v128.load(yellow + b + s + 16);
      let L = evens(la0, la1),
        Y = evens(ya0, ya1);
      let c = odds(la0, la1);
      let m = i8x16.gt_u(c, L);
      L = v128.bitselect(c, L, m);
      Y = v128.bitselect(odds(ya0, ya1), Y, m);
      c = evens(lb0, lb1);
      m = i8x16.gt_u(c, L);
      L = v128.bitselect(c, L, m);
      Y = v128.bitselect(evens(yb0, yb1), Y, m);
      c = odds(lb0, lb1);
      m = i8x16.gt_u(c, L);
      L = v128.bitselect(c, L, m);
      Y = v128.bitselect(odds(yb0, yb1), Y, m);
      v128.store(outLight + o + x, L);
      v128.store(outYellow + o + x, Y);
      v128.store(outRed + o + x, max4(red + a + s, W));
    }
    for (; x < w; x++) {
      const i = a + 2 * x,
        j = b + 2 * x;
      let k = i;
      if (load<u8>(light + i + 1) > load<u8>(light + k)) k = i + 1;
      if (load<u8>(light + j) > load<u8>(light + k)) k = j;
      if (load<u8>(light + j + 1) > load<u8>(light + k)) k = j + 1;
      store<u8>(outLight + o + x, load<u8>(light + k));
      store<u8>(outYellow + o + x, load<u8>(yellow + k));
      store<u8>(
        outRed + o + x,
        max(max(load<u8>(red + i), load<u8>(red + i + 1)), max(load<u8>(red + j), load<u8>(red + j + 1))),
      );
    }
  }
}

function pick(a: v128, b: v128, isMax: i32): v128 {
  return isMax ? i8x16.max_u(a, b) : i8x16.min_u(a, b);
}
function pick1(a: u8, b: u8, isMax: i32): u8 {
  return isMax ? max(a, b) : min(a, b);
}

/**
 * Running max (isMax) or min over a (2r + 1)² window clipped at the grid's edges: along rows into
 * tmp, then between rows into out.
 */
export function rank(src: i32, tmp: i32, out: i32, w: i32, h: i32, r: i32, isMax: i32): void {
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let x = 0;
    // Where the window is whole, 16 cells at once from 2r + 1 shifted loads.
    const from = r < w ? r : w;
    for (; x < from; x++) rankCell(src, tmp, row, x, w, r, isMax);
    for (; x + 16 + r <= w; x += 16) {
      let m = v128.load(src + row + x - r);
      for (let k = 1 - r; k <= r; k++) m = pick(m, v128.load(src + row + x + k), isMax);
      v128.store(tmp + row + x, m);
    }
    for (; x < w; x++) rankCell(src, tmp, row, x, w, r, isMax);
  }
  for (let y = 0; y < h; y++) {
    const y0 = y > r ? y - r : 0,
      y1 = y + r < h ? y + r : h - 1,
      o = out + y * w;
    let x = 0;
    for (; x + 16 <= w; x += 16) {
      let m = v128.load(tmp + y0 * w + x);
      for (let k = y0 + 1; k <= y1; k++) m = pick(m, v128.load(tmp + k * w + x), isMax);
      v128.store(o + x, m);
    }
    for (; x < w; x++) {
      let m = load<u8>(tmp + y0 * w + x);
      for (let k = y0 + 1; k <= y1; k++) m = pick1(m, load<u8>(tmp + k * w + x), isMax);
      store<u8>(o + x, m);
    }
  }
}

function rankCell(src: i32, tmp: i32, row: i32, x: i32, w: i32, r: i32, isMax: i32): void {
  const e = x + r < w ? x + r : w - 1;
  let m = load<u8>(src + row + x);
  for (let k = x > r ? x - r : 0; k <= e; k++) m = pick1(m, load<u8>(src + row + k), isMax);
  store<u8>(tmp + row + x, m);
}
