// AssemblyScript, compiled to WebAssembly with SIMD by scripts/kernels.mjs (not TypeScript: tsc and
// ESLint leave *.as.ts alone). The same ink mask as seal.ts's inkMaskJs, byte for byte, 16 cells a step.
//
// Memory: the red, gray and yellow planes (n = W·H bytes each) at 0, n and 2n; the mask (w·h cells,
// w = W >> 1, h = H >> 1) follows at 3n.

/** Seal ink where red + max(0, 64 − yellow) ≥ minRg and yellow ≤ maxYellow; returns the cells set. */
export function inkMask(W: i32, H: i32, minRg: i32, maxYellow: i32): i32 {
  const n = W * H,
    w = W >> 1,
    h = H >> 1;
  const gray = n,
    yellow = n * 2,
    mask = n * 3;
  // Yellow is never below 0: no ink anywhere.
  if (maxYellow < 0) {
    memory.fill(mask, 0, w * h);
    return 0;
  }
  // rgOf ≤ 255 + 64, so clamping the bounds into bytes changes no answer.
  const rgMin = min(max(minRg, 0), 510),
    yMax = min(maxYellow, 255);
  // rgOf ≥ rgMin as bytes: red ≥ c − (s − e) and s ≥ e, with c + e = rgMin (e > 0 only when rgMin > 255).
  const c = i8x16.splat(<u8>min(rgMin, 255)),
    e = i8x16.splat(<u8>(rgMin - min(rgMin, 255))),
    ym = i8x16.splat(<u8>yMax),
    c64 = i8x16.splat(64),
    c242 = i8x16.splat(<u8>242),
    one = i8x16.splat(1);
  let total = i32x4.splat(0),
    tail = 0;
  for (let y = 0; y < h; y++) {
    const row0 = (y << 1) * W,
      row1 = row0 + W,
      out = mask + y * w;
    let count = i16x8.splat(0);
    let x = 0;
    for (; x + 16 <= w; x += 16) {
      const p0 = row0 + (x << 1),
        p1 = row1 + (x << 1);
      // Vertical pairs first: a cell's two rows OR'd, 32 pixels wide…
      const a = v128.or(ink(p0, gray, yellow, c, e, ym, c64, c242), ink(p1, gray, yellow, c, e, ym, c64, c242));
      const b = v128.or(
        ink(p0 + 16, gray, yellow, c, e, ym, c64, c242),
        ink(p1 + 16, gray, yellow, c, e, ym, c64, c242),
      );
      // …then even and odd columns OR'd into 16 cells.
      const even = i8x16.shuffle(a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
      const odd = i8x16.shuffle(a, b, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
      const cells = v128.and(v128.or(even, odd), one);
      v128.store(out + x, cells);
      count = i16x8.add(count, i16x8.extadd_pairwise_i8x16_u(cells));
    }
    // A row's count fits 16-bit lanes; a page's need not.
    total = i32x4.add(total, i32x4.extadd_pairwise_i16x8_u(count));
    for (; x < w; x++) {
      const p0 = row0 + (x << 1),
        p1 = row1 + (x << 1);
      const set =
        inkAt(p0, gray, yellow, minRg, maxYellow) ||
        inkAt(p0 + 1, gray, yellow, minRg, maxYellow) ||
        inkAt(p1, gray, yellow, minRg, maxYellow) ||
        inkAt(p1 + 1, gray, yellow, minRg, maxYellow);
      store<u8>(out + x, set ? 1 : 0);
      tail += <i32>set;
    }
  }
  return (
    tail +
    i32x4.extract_lane(total, 0) +
    i32x4.extract_lane(total, 1) +
    i32x4.extract_lane(total, 2) +
    i32x4.extract_lane(total, 3)
  );
}

/** 16 pixels from p as 0xFF (ink) or 0 bytes. */
function ink(p: i32, gray: i32, yellow: i32, c: v128, e: v128, ym: v128, c64: v128, c242: v128): v128 {
  const R = v128.load(p),
    G = v128.load(gray + p),
    Y = v128.load(yellow + p);
  // s = max(0, 64 − yellow): what rgOf adds to red.
  const s = i8x16.sub_sat_u(c64, Y);
  // At least 1: red 0 is never ink.
  const need = i8x16.max_u(i8x16.sub_sat_u(c, i8x16.sub_sat_u(s, e)), i8x16.splat(1));
  return v128.and(v128.and(i8x16.ge_u(R, need), i8x16.ge_u(s, e)), v128.and(i8x16.le_u(G, c242), i8x16.le_u(Y, ym)));
}

/** One pixel, as the JS tests it. */
function inkAt(p: i32, gray: i32, yellow: i32, minRg: i32, maxYellow: i32): bool {
  const red = <i32>load<u8>(p),
    Y = <i32>load<u8>(yellow + p);
  if (red == 0 || <i32>load<u8>(gray + p) > 242) return false;
  return red + max(0, 64 - Y) >= minRg && Y <= maxYellow;
}
