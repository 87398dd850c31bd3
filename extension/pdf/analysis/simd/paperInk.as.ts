// AssemblyScript, compiled to WebAssembly with SIMD by scripts/kernels.mjs (not TypeScript: tsc and
// ESLint leave *.as.ts alone). findPaper's pixel passes as paper.ts's JS does them, byte for byte:
// the sheet's ink and tone (paperInkJs), a 16-px block (one pair of cuts) a step, and each block's
// 85th percentile (blockLevelsJs).
//
// Memory: the ink and tone counts (i32) at 0 and 4; the w × h gray pixels at 16; the ink mask, or the
// blocks' levels (bytes, blocks row-major), at 32 + n; each block's tone and ink cuts at 48 + 2n and
// 48 + 2n + blocks. 16 bytes after gray and after the mask may be read or written: a block's step
// runs past its row.

export function paperInk(w: i32, h: i32, top: i32, right: i32, bottom: i32, left: i32): void {
  const n = w * h,
    bw = (w + 15) >> 4;
  const gray = 16,
    mask = 32 + n,
    toneCuts = 48 + 2 * n,
    inkCuts = toneCuts + bw * ((h + 15) >> 4);
  memory.fill(mask, 0, n + 16);
  const bx0 = left >> 4,
    bx1 = (right - 1) >> 4;
  // The lanes of the first and last blocks that lie in [left, right); every lane of the others.
  const lane = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const all = i8x16.splat(-1),
    one = i8x16.splat(1);
  let first = i8x16.ge_u(lane, i8x16.splat(<i8>(left & 15)));
  let last = i8x16.lt_u(lane, i8x16.splat(<i8>(right - (bx1 << 4))));
  if (bx0 == bx1) first = last = v128.and(first, last);
  let inkSum = i32x4.splat(0),
    toneSum = i32x4.splat(0);
  for (let y = top; y < bottom; y++) {
    const row = gray + y * w,
      out = mask + y * w,
      cuts = (y >> 4) * bw;
    for (let bx = bx0; bx <= bx1;) {
      // Byte counters (a lane counts once a block): added up before 255 blocks.
      let inkAcc = i8x16.splat(0),
        toneAcc = i8x16.splat(0);
      for (const end = min(bx1, bx + 254); bx <= end; bx++) {
        const x = bx << 4;
        let lanes = all;
        if (bx == bx0) lanes = first;
        else if (bx == bx1) lanes = last;
        const g = v128.load(row + x);
        const tone = v128.and(i8x16.lt_u(g, i8x16.splat(load<u8>(toneCuts + cuts + bx))), lanes);
        const ink = v128.and(i8x16.lt_u(g, i8x16.splat(load<u8>(inkCuts + cuts + bx))), tone);
        v128.store(out + x, v128.and(ink, one));
        toneAcc = i8x16.sub(toneAcc, tone);
        inkAcc = i8x16.sub(inkAcc, ink);
      }
      inkSum = i32x4.add(inkSum, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(inkAcc)));
      toneSum = i32x4.add(toneSum, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(toneAcc)));
    }
  }
  store<i32>(0, total(inkSum));
  store<i32>(4, total(toneSum));
}

function total(v: v128): i32 {
  return i32x4.extract_lane(v, 0) + i32x4.extract_lane(v, 1) + i32x4.extract_lane(v, 2) + i32x4.extract_lane(v, 3);
}

/**
 * Each 16-px block's smallest v with at most 15 % of the block above it: v's eight bits from the
 * top, each kept when more than that lies above v − 1 (a count of 16 compares, not a histogram).
 */
export function blockLevels(w: i32, h: i32): void {
  const gray = 16,
    out = 32 + w * h,
    bw = (w + 15) >> 4,
    bh = (h + 15) >> 4;
  const lane = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      const rows = min(16, h - (by << 4)),
        cols = min(16, w - (bx << 4));
      const lanes = i8x16.lt_u(lane, i8x16.splat(<i8>cols));
      const n = <f64>(rows * cols);
      // As the JS compares an integer count with n − n·0.85.
      const allowed = <i32>Math.floor(n - n * 0.85);
      const at = gray + (by << 4) * w + (bx << 4);
      let v = 0;
      for (let bit = 128; bit > 0; bit >>= 1) {
        const t = i8x16.splat(<i8>(v + bit - 1));
        let above = i8x16.splat(0);
        for (let y = 0, p = at; y < rows; y++, p += w)
          above = i8x16.sub(above, v128.and(i8x16.gt_u(v128.load(p), t), lanes));
        if (total(i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(above))) > allowed) v += bit;
      }
      store<u8>(out + by * bw + bx, v);
    }
}
