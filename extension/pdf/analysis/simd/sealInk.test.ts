import { describe, expect, it } from 'vitest';
import { pick, rng } from '../../../../test/fixtures/browser/rng';
import type { Planes } from '../raster';
import { inkMask, inkMaskJs } from '../seal';
import { inkMaskSimd } from './sealInkSimd';
import { firstDifference } from '../../../../test/support/firstDifference';

type Hue = { rg: number; gb: number };

/**
 * Seeded planes crowding the ink tests' edges for `hue`: red 0 or 1, gray 242 or 243, yellow at 64 and
 * at the paper's bound, red just either side of the bound it needs; the rest anywhere.
 */
function planes(W: number, H: number, seed: number, hue: Hue): Planes {
  const n = W * H;
  const p = { gray: new Uint8Array(n), chroma: new Uint8Array(n), red: new Uint8Array(n), yellow: new Uint8Array(n) };
  const r = rng(seed);
  const byte = () => Math.floor(r() * 256);
  const clamp = (v: number) => Math.max(0, Math.min(255, v));
  const maxYellow = hue.gb + 68;
  for (let i = 0; i < n; i++) {
    const y = r() < 0.6 ? clamp(pick(r, [maxYellow, 64]) + pick(r, [-1, 0, 1])) : pick(r, [0, 255, byte()]);
    p.yellow[i] = y;
    p.gray[i] = r() < 0.5 ? pick(r, [242, 243, 0, 255]) : byte();
    // The red that makes rgOf − hue.rg exactly 14, then a step either side.
    const edge = hue.rg + 14 - Math.max(0, 64 - y);
    p.red[i] = r() < 0.6 ? clamp(edge + pick(r, [-1, 0, 1])) : pick(r, [0, 1, 255, byte()]);
  }
  return p;
}

type Mask = ReturnType<typeof inkMask>;

/** Where the kernel's mask first differs from the JS's (−1: nowhere), and the sizes and counts beside the JS's. */
function differences(simd: Mask, js: Mask) {
  const at = firstDifference(simd.mask, js.mask);
  return { at, w: [simd.w, js.w], h: [simd.h, js.h], any: [simd.any, js.any] };
}
const same = (js: Mask) => ({ at: -1, w: [js.w, js.w], h: [js.h, js.h], any: [js.any, js.any] });

// Paper hues for ordinary paper, and ones that push the bounds past a byte either way.
const HUES: readonly Hue[] = [
  { rg: 0, gb: 0 },
  { rg: 6, gb: 12 },
  { rg: 60, gb: -40 },
  { rg: 241, gb: 187 },
  { rg: 250, gb: 190 },
  { rg: 305, gb: -64 },
  { rg: -14, gb: -68 },
  { rg: -30, gb: -69 },
  { rg: -30, gb: 0 },
  { rg: 600, gb: 400 },
];

describe('the seal ink kernel (WebAssembly SIMD)', () => {
  it('runs here, and gives the JS mask and count byte for byte at any size and paper hue', () => {
    expect(
      inkMaskSimd(planes(4, 4, 1, HUES[0]!), 4, 4, 14, 68),
      'the kernel must load in Node as in the workers',
    ).not.toBeNull();
    // 7 × 5 has no full step of 16 cells; 33 × 3 ends in a partial step and an odd column; 620 × 877 is a page.
    for (const [W, H] of [
      [7, 5],
      [33, 3],
      [64, 6],
      [620, 877],
      [621, 878],
    ] as const)
      for (const hue of HUES) {
        const p = planes(W, H, W * 31 + H + hue.rg, hue);
        const js = inkMaskJs(p, W, H, hue);
        expect(differences(inkMask(p, W, H, hue), js), `${W}×${H}, hue ${JSON.stringify(hue)}`).toEqual(same(js));
      }
  });

  it('measures the paper hue as the JS does', () => {
    const p = planes(200, 150, 7, { rg: 10, gb: 3 });
    const js = inkMaskJs(p, 200, 150);
    expect(differences(inkMask(p, 200, 150), js)).toEqual(same(js));
  });

  it('keeps working as pages grow and shrink (its memory grows once)', () => {
    for (const [W, H] of [
      [40, 40],
      [1240, 1754],
      [41, 39],
    ] as const) {
      const hue = { rg: 6, gb: 12 };
      const p = planes(W, H, W + H, hue);
      const js = inkMaskJs(p, W, H, hue);
      expect(differences(inkMask(p, W, H, hue), js), `${W}×${H}`).toEqual(same(js));
    }
  });
});
