import { describe, expect, it } from 'vitest';
import type { Paper } from './paper';
import { writingMask } from './textInk';

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
        expect(writingMask(paper, w, pxPerMm)).toEqual(plainWritingMask(ink, w, box, 30, 20));
      }
  });
});
