import { describe, expect, it } from 'vitest';
import { countInk, sampleInk } from './inkPoints';

/** A random 0/1 mask with ink only inside the box, as masks of a sheet are. */
function randomMask(
  w: number,
  h: number,
  box: { top: number; bottom: number; left: number; right: number },
  p: number,
) {
  const m = new Uint8Array(w * h);
  let seed = w * 7919 + h;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let y = box.top; y < box.bottom; y++)
    for (let x = box.left; x < box.right; x++) m[y * w + x] = rnd() < p ? 1 : 0;
  return m;
}

describe('ink points', () => {
  // Widths and boxes that put rows at every alignment of the four-pixel words.
  const cases = [
    { w: 97, h: 61, box: { top: 3, bottom: 58, left: 5, right: 94 } },
    { w: 100, h: 40, box: { top: 0, bottom: 40, left: 0, right: 100 } },
    { w: 103, h: 50, box: { top: 7, bottom: 44, left: 1, right: 102 } },
  ];
  for (const { w, h, box } of cases)
    for (const p of [0, 0.02, 0.3, 1])
      it(`counts and samples every k-th ink pixel in reading order (${w}×${h}, ink ${p})`, () => {
        const m = randomMask(w, h, box, p);
        const all: [number, number][] = [];
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (m[y * w + x]) all.push([x, y]);
        expect(countInk(m, box, w)).toBe(all.length);
        for (const max of [10, 500, 100_000]) {
          const s = sampleInk(m, box, w, max);
          const stride = Math.max(1, Math.ceil(all.length / max));
          const want = all.filter((_, i) => i % stride === 0);
          expect(s.total).toBe(all.length);
          expect(s.n).toBe(want.length);
          expect(s.n).toBeLessThanOrEqual(max);
          expect(Array.from({ length: s.n }, (_, i) => [s.xs[i], s.ys[i]])).toEqual(want);
        }
      });
  it('reads a mask that starts off a word boundary', () => {
    const buf = new Uint8Array(1 + 50 * 20);
    const m = buf.subarray(1);
    const box = { top: 2, bottom: 18, left: 3, right: 47 };
    m.set(randomMask(50, 20, box, 0.1));
    const n = m.reduce((a, b) => a + b, 0);
    expect(countInk(m, box, 50)).toBe(n);
    expect(sampleInk(m, box, 50, 1000).n).toBe(n);
  });
});
