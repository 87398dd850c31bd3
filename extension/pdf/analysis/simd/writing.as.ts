// AssemblyScript, compiled to WebAssembly with SIMD by scripts/kernels.mjs (not TypeScript: tsc and
// ESLint leave *.as.ts alone). textInk.ts's writingMask, byte for byte: the same runs, with sixteen
// pixels skipped at once where nothing starts or ends (most of a sheet is paper).
//
// Memory: the ink mask (n bytes, 0/1) at 0, the writing mask written at n, then one u16 per column
// of the box at `runs` (how long the column's current run is).

export function writingMask(
  n: i32,
  w: i32,
  top: i32,
  bottom: i32,
  left: i32,
  right: i32,
  hRule: i32,
  vRule: i32,
  runs: i32,
): void {
  memory.copy(n, 0, n);
  for (let y = top; y < bottom; y++) {
    let start = -1;
    const row = y * w;
    for (let x = left; x <= right; x++) {
      // Sixteen pixels of paper outside a run, or of ink inside one, change nothing.
      if (x + 16 <= right) {
        const v = v128.load(row + x);
        if (start < 0 ? !v128.any_true(v) : i8x16.all_true(v)) {
          x += 15;
          continue;
        }
      }
      const on = x < right && load<u8>(row + x) != 0;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start >= hRule) memory.fill(n + row + start, 0, x - start);
        start = -1;
      }
    }
  }
  // Down the columns, all at once row by row (the memory's order): each column's run so far, as a
  // 16-bit length; where a run of a rule's length ends, the column is cleared back up it.
  memory.fill(runs, 0, (right - left) << 1);
  const zero = i16x8.splat(0),
    one = i16x8.splat(1),
    rule = i16x8.splat(<i16>vRule);
  for (let y = top; y <= bottom; y++) {
    let x = left;
    for (; x + 8 <= right; x += 8) {
      const slot = runs + ((x - left) << 1);
      const len = v128.load(slot);
      const on = y < bottom ? i16x8.ne(v128.load8x8_u(y * w + x), zero) : zero;
      let ended = i16x8.bitmask(v128.andnot(i16x8.ge_u(len, rule), on));
      while (ended) {
        const k = ctz(ended);
        clearUp(n, w, x + k, y, load<u16>(slot + (k << 1)));
        ended &= ended - 1;
      }
      v128.store(slot, v128.and(i16x8.add(len, one), on));
    }
    for (; x < right; x++) {
      const slot = runs + ((x - left) << 1);
      const len = load<u16>(slot);
      if (y < bottom && load<u8>(y * w + x) != 0) store<u16>(slot, len + 1);
      else {
        if (<i32>len >= vRule) clearUp(n, w, x, y, len);
        store<u16>(slot, 0);
      }
    }
  }
}

/** A rule down column x that ended above row y, `len` rows long, taken out of the writing. */
function clearUp(n: i32, w: i32, x: i32, y: i32, len: i32): void {
  for (let k = y - len; k < y; k++) store<u8>(n + k * w + x, 0);
}
