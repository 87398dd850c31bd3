import { describe, expect, it } from 'vitest';
import { rng } from '../../../../test/fixtures/browser/rng';
import { pagePlanes, planes, planesJs, type Raster } from '../raster';
import { planesSimd, type PlaneBytes } from './planesSimd';
import { firstDifference } from '../../../../test/support/firstDifference';

/** Seeded pixels: every byte value in every channel, and runs of equal channels (ties in max and min). */
function pixels(width: number, height: number, seed: number, bgr: boolean): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  const r = rng(seed);
  const next = () => Math.floor(r() * 256);
  for (let i = 0; i < data.length; i += 4) {
    const tie = next() < 40;
    data[i] = next();
    data[i + 1] = tie ? data[i]! : next();
    data[i + 2] = tie && next() < 128 ? data[i + 1]! : next();
    data[i + 3] = 255;
  }
  return { width, height, data, ...(bgr ? { bgr } : {}) };
}

/** Per plane, the first pixel where the two differ, or −1 (a deep toEqual on a page's planes takes seconds). */
function firstDifferences(a: PlaneBytes | null, b: PlaneBytes): Record<keyof PlaneBytes, number> | null {
  if (!a) return null;
  return {
    gray: firstDifference(a.gray, b.gray),
    chroma: firstDifference(a.chroma, b.chroma),
    red: firstDifference(a.red, b.red),
    yellow: firstDifference(a.yellow, b.yellow),
  };
}
const NONE = { gray: -1, chroma: -1, red: -1, yellow: -1 };

describe('the planes kernel (WebAssembly SIMD)', () => {
  it('runs here, and gives the JS planes byte for byte in both byte orders and at any width', () => {
    // 7 × 5 has no full step of 16 pixels; 620 × 877 is a page; 33 × 3 ends in a partial step.
    for (const [w, h] of [
      [7, 5],
      [33, 3],
      [620, 877],
    ] as const)
      for (const bgr of [false, true]) {
        const r = pixels(w, h, w * 31 + h + (bgr ? 1 : 0), bgr);
        const simd = planesSimd(r);
        expect(simd, 'the kernel must load in Node as in the workers').not.toBeNull();
        expect(firstDifferences(simd, planesJs(r)), `${w}×${h}${bgr ? ' BGR' : ''}`).toEqual(NONE);
      }
  });

  it('keeps working as pages grow and shrink (its memory grows once)', () => {
    for (const [w, h] of [
      [40, 40],
      [1240, 1754],
      [40, 40],
    ] as const) {
      const r = pixels(w, h, w + h, false);
      expect(firstDifferences(planesSimd(r), planesJs(r)), `${w}×${h}`).toEqual(NONE);
    }
  });

  it('gives a page its planes in the kernel’s memory; planes() gives arrays of their own, which the next page leaves alone', () => {
    const first = pixels(64, 48, 5, false),
      second = pixels(64, 48, 6, true);
    expect(firstDifferences(planesSimd(first, true), planesJs(first))).toEqual(NONE);
    const kept = planes(first);
    const page = pagePlanes(first);
    pagePlanes(second);
    expect(firstDifferences(kept, planesJs(first))).toEqual(NONE);
    // The page's planes were the kernel's memory: the next page wrote over them.
    expect(firstDifferences(page, planesJs(second))).toEqual(NONE);
  });
});
