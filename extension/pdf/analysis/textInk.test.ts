import { describe, expect, it } from 'vitest';
import type { Paper } from './paper';
import { writingMaskSimd } from './simd/writingSimd';
import { writingMask, writingMaskJs } from './textInk';
import { firstDifference } from '../../../test/support/firstDifference';

/** The rule remover spelled out pixel by pixel: runs of ink at least `hRule` across or `vRule` down go. */
function plainWritingMask(ink: Uint8Array, w: number, box: Box, hRule: number, vRule: number): Uint8Array {
  const m = new Uint8Array(ink);
  for (let y = box.top; y < box.bottom; y++)
    for (let x = box.left; x < box.right;) {
      if (!ink[y * w + x]) {
        x++;
        continue;
      }
      let e = x;
      while (e < box.right && ink[y * w + e]) e++;
      if (e - x >= hRule) m.fill(0, y * w + x, y * w + e);
      x = e;
    }
  for (let x = box.left; x < box.right; x++)
    for (let y = box.top; y < box.bottom;) {
      if (!ink[y * w + x]) {
        y++;
        continue;
      }
      let e = y;
      while (e < box.bottom && ink[e * w + x]) e++;
      if (e - y >= vRule) for (let k = y; k < e; k++) m[k * w + x] = 0;
      y = e;
    }
  return m;
}

type Box = { top: number; bottom: number; left: number; right: number };

/** Writing-like specks with table rules across and down, inside the box only. */
function ruledInk(w: number, h: number, box: Box, seed: number): Uint8Array {
  const ink = new Uint8Array(w * h);
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let y = box.top; y < box.bottom; y++)
    for (let x = box.left; x < box.right; x++) if (rnd() < 0.08) ink[y * w + x] = 1;
  for (let k = 0; k < 6; k++) {
    const y = box.top + Math.floor(rnd() * (box.bottom - box.top));
    const x0 = box.left + Math.floor(rnd() * (box.right - box.left));
    ink.fill(1, y * w + x0, y * w + Math.min(box.right, x0 + 10 + Math.floor(rnd() * 80)));
    const x = box.left + Math.floor(rnd() * (box.right - box.left));
    const y0 = box.top + Math.floor(rnd() * (box.bottom - box.top));
    for (let yy = y0; yy < Math.min(box.bottom, y0 + 5 + Math.floor(rnd() * 60)); yy++) ink[yy * w + x] = 1;
  }
  return ink;
}

describe('writing mask', () => {
  it('takes away exactly the long runs across and down, at every alignment of rows and box', () => {
    const pxPerMm = 2; // rules: 30 px across, 20 px down
    for (const [w, h, box] of [
      [101, 90, { top: 4, bottom: 85, left: 3, right: 99 }],
      [120, 80, { top: 0, bottom: 80, left: 0, right: 120 }],
      [123, 77, { top: 9, bottom: 70, left: 6, right: 121 }],
    ] as [number, number, Box][])
      for (let seed = 1; seed <= 5; seed++) {
        const ink = ruledInk(w, h, box, seed * 31 + w);
        const paper = { ...box, ink } as Pick<Paper, 'ink' | keyof Box> as Paper;
        const plain = plainWritingMask(ink, w, box, 30, 20);
        expect(writingMask(paper, w, pxPerMm)).toEqual(plain);
        // The kernel (used where WebAssembly SIMD runs) and the JS fallback, each on its own.
        expect(writingMaskJs(ink, w, box, 30, 20)).toEqual(plain);
        const simd = writingMaskSimd(ink, w, box, 30, 20);
        expect(simd, 'the kernel must load in Node as in the workers').not.toBeNull();
        expect(simd).toEqual(plain);
      }
  });

  it('the kernel and the JS agree on a page-sized mask, then a small one (the kernel’s memory grows once)', () => {
    for (const [w, h, box] of [
      [620, 877, { top: 11, bottom: 869, left: 7, right: 611 }],
      [37, 29, { top: 1, bottom: 29, left: 2, right: 37 }],
    ] as [number, number, Box][]) {
      const ink = ruledInk(w, h, box, w + h);
      // Rules as the page's, 44 px across and 30 px down, and runs one pixel short of them.
      const y = box.top + 5;
      ink.fill(0, y * w, (y + 3) * w);
      ink.fill(1, y * w + box.left + 1, y * w + box.left + 1 + Math.min(44, box.right - box.left - 2));
      ink.fill(1, (y + 2) * w + box.left + 1, (y + 2) * w + box.left + 1 + Math.min(43, box.right - box.left - 2));
      for (const [x, len] of [
        [box.left + 3, 30],
        [box.left + 6, 29],
      ] as const) {
        for (let k = box.top; k < box.bottom; k++) ink[k * w + x] = 0;
        for (let k = box.top + 1; k < Math.min(box.bottom, box.top + 1 + len); k++) ink[k * w + x] = 1;
      }
      const simd = writingMaskSimd(ink, w, box, 44, 30);
      const js = writingMaskJs(ink, w, box, 44, 30);
      expect(simd && firstDifference(simd, js), `${w}×${h}`).toBe(-1);
    }
  });
});
