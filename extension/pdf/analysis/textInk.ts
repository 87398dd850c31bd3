import { sampleInk, type Box, type InkPoints } from './inkPoints';
import { writingMaskSimd } from './simd/writingSimd';
import type { Paper } from './paper';

/**
 * The writing on a page without its table rules, as points: what orientation is read from. At most
 * `MAX_POINTS` points are kept (every k-th ink pixel), enough to see lines and cheap to turn.
 */
export type TextInk = InkPoints;

const MAX_POINTS = 12_000;

/** `m`: the writing mask (writingMask), when the caller has it already. */
export function textInk(paper: Paper, w: number, pxPerMm: number, m = writingMask(paper, w, pxPerMm)): TextInk {
  return sampleInk(m, paper, w, MAX_POINTS);
}

/**
 * The ink without table rules: long horizontal and vertical runs removed. Ink lies inside the sheet
 * only. Most of a sheet is paper: four pixels at a time where nothing starts or ends.
 */
export function writingMask(paper: Paper, w: number, pxPerMm: number): Uint8Array {
  const hRule = Math.round(15 * pxPerMm),
    vRule = Math.round(10 * pxPerMm);
  return writingMaskSimd(paper.ink, w, paper, hRule, vRule) ?? writingMaskJs(paper.ink, w, paper, hRule, vRule);
}

/** The writing mask in plain JS: where WebAssembly SIMD cannot run, and the reference its kernel is tested against. */
export function writingMaskJs(ink: Uint8Array, w: number, box: Box, hRule: number, vRule: number): Uint8Array {
  const { top, bottom, left, right } = box;
  const m = new Uint8Array(ink);
  const w32 = ink.byteOffset % 4 === 0 ? new Uint32Array(ink.buffer, ink.byteOffset, ink.length >> 2) : null;
  for (let y = top; y < bottom; y++) {
    let start = -1;
    for (let x = left, i = y * w + left; x <= right; x++, i++) {
      // Four pixels of paper outside a run, or of ink inside one, change nothing.
      if (w32 && (i & 3) === 0 && x + 4 <= right) {
        const v = w32[i >> 2]!;
        if (start < 0 ? v === 0 : v === 0x01010101) {
          x += 3;
          i += 3;
          continue;
        }
      }
      const on = x < right && ink[i];
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start >= hRule) m.fill(0, y * w + start, y * w + x);
        start = -1;
      }
    }
  }
  // Vertical runs, row by row (the memory's order): where each column's current run began. A
  // column's run is open just where the row above is ink, so paper under paper is skipped.
  const runStart = new Int32Array(right - left).fill(-1);
  const clearColumn = (x: number, from: number, to: number) => {
    for (let k = from; k < to; k++) m[k * w + x] = 0;
  };
  for (let y = top; y <= bottom; y++) {
    for (let x = left, i = y * w + left; x < right; x++, i++) {
      if (w32 && y > top && y < bottom && (i & 3) === 0 && x + 4 <= right && w32[i >> 2] === 0) {
        const a = i - w;
        if ((ink[a]! | ink[a + 1]! | ink[a + 2]! | ink[a + 3]!) === 0) {
          x += 3;
          i += 3;
          continue;
        }
      }
      const c = x - left;
      const on = y < bottom && ink[i];
      if (on) {
        if (runStart[c]! < 0) runStart[c] = y;
      } else if (runStart[c]! >= 0) {
        if (y - runStart[c]! >= vRule) clearColumn(x, runStart[c]!, y);
        runStart[c] = -1;
      }
    }
  }
  return m;
}
