// AssemblyScript, compiled to WebAssembly with SIMD by scripts/kernels.mjs (not TypeScript: tsc and
// ESLint leave *.as.ts alone). The same planes as raster.ts's planesJs, byte for byte, 16 pixels a step.
//
// Memory: the n pixels (4 bytes each, R G B A or B G R X) at 0; gray, chroma, red and yellow
// follow at 4n, 5n, 6n and 7n.

export function planes(n: i32, bgr: i32): void {
  const gray = n * 4,
    chroma = n * 5,
    red = n * 6,
    yellow = n * 7;
  const c77 = i16x8.splat(77),
    c150 = i16x8.splat(150),
    c29 = i16x8.splat(29),
    c64 = i16x8.splat(64);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const p = i << 2;
    const v0 = v128.load(p),
      v1 = v128.load(p + 16),
      v2 = v128.load(p + 32),
      v3 = v128.load(p + 48);
    // Bytes 0 and 1 of each pixel (then 2 and 3), eight pixels from each pair of loads…
    const lo01 = i8x16.shuffle(v0, v1, 0, 4, 8, 12, 16, 20, 24, 28, 1, 5, 9, 13, 17, 21, 25, 29);
    const hi01 = i8x16.shuffle(v0, v1, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31);
    const lo23 = i8x16.shuffle(v2, v3, 0, 4, 8, 12, 16, 20, 24, 28, 1, 5, 9, 13, 17, 21, 25, 29);
    const hi23 = i8x16.shuffle(v2, v3, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31);
    // …joined into one vector per channel.
    const first = i8x16.shuffle(lo01, lo23, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
    const G = i8x16.shuffle(lo01, lo23, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31);
    const third = i8x16.shuffle(hi01, hi23, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
    const R = bgr ? third : first,
      B = bgr ? first : third;
    const Rl = i16x8.extend_low_i8x16_u(R),
      Rh = i16x8.extend_high_i8x16_u(R);
    const Gl = i16x8.extend_low_i8x16_u(G),
      Gh = i16x8.extend_high_i8x16_u(G);
    const Bl = i16x8.extend_low_i8x16_u(B),
      Bh = i16x8.extend_high_i8x16_u(B);
    // R·77 + G·150 + B·29 ≤ 65,280: it fits 16 bits unsigned; shifted down it fits 8.
    const yl = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.mul(Rl, c77), i16x8.mul(Gl, c150)), i16x8.mul(Bl, c29)), 8);
    const yh = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.mul(Rh, c77), i16x8.mul(Gh, c150)), i16x8.mul(Bh, c29)), 8);
    v128.store(gray + i, i8x16.narrow_i16x8_u(yl, yh));
    const gb = i8x16.max_u(G, B);
    v128.store(chroma + i, i8x16.sub(i8x16.max_u(R, gb), i8x16.min_u(R, i8x16.min_u(G, B))));
    // R − max(G, B), or 0: a saturating subtraction.
    v128.store(red + i, i8x16.sub_sat_u(R, gb));
    // G − B + 64, clamped to 0…255 by the saturating narrow.
    v128.store(yellow + i, i8x16.narrow_i16x8_u(i16x8.add(i16x8.sub(Gl, Bl), c64), i16x8.add(i16x8.sub(Gh, Bh), c64)));
  }
  for (; i < n; i++) {
    const v = load<u32>(i << 2);
    const R = bgr ? (v >> 16) & 255 : v & 255,
      G = (v >> 8) & 255,
      B = bgr ? v & 255 : (v >> 16) & 255;
    store<u8>(gray + i, (R * 77 + G * 150 + B * 29) >> 8);
    const gb = max(G, B);
    store<u8>(chroma + i, max(R, gb) - min(R, min(G, B)));
    store<u8>(red + i, R > gb ? R - gb : 0);
    const y = <i32>G - <i32>B + 64;
    store<u8>(yellow + i, y < 0 ? 0 : y > 255 ? 255 : y);
  }
}
