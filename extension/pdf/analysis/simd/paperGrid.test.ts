import { describe, expect, it } from 'vitest';
import { rng } from '../../../../test/fixtures/browser/rng';
import { paperGridsJs, type Grids } from '../paperGrids';
import type { Planes } from '../raster';
import { paperGridSimd } from './paperGridSimd';
import { firstDifference } from '../../../../test/support/firstDifference';

/**
 * Seeded planes: any byte, and in stretches only a few values, so that the lightest of four ties
 * often (the quarter grid takes the first of equals, and its yellowness must come from that one).
 */
function planesOf(W: number, H: number, seed: number): Planes {
  const r = rng(seed);
  const plane = () => {
    const a = new Uint8Array(W * H);
    for (let i = 0; i < a.length; i++) a[i] = (i >> 6) % 3 === 0 ? 200 + Math.floor(r() * 3) : Math.floor(r() * 256);
    return a;
  };
  return { gray: plane(), chroma: new Uint8Array(W * H), red: plane(), yellow: plane() };
}

/** Each grid's first differing cell, or −1 (a deep toEqual over a page's grids takes seconds). */
function firstDifferences(a: Grids | null, b: Grids): Record<string, number> | null {
  if (!a) return null;
  const out: Record<string, number> = {};
  for (const g of ['half', 'quarter'] as const) {
    for (const p of ['light', 'yellow', 'red'] as const) out[`${g}.${p}`] = firstDifference(a[g][p], b[g][p]);
    out[`${g}.size`] = a[g].w === b[g].w && a[g].h === b[g].h ? -1 : 0;
  }
  out.light = firstDifference(a.light, b.light);
  out.yellow = firstDifference(a.yellow, b.yellow);
  return out;
}

const same = (d: Record<string, number> | null) => d !== null && Object.values(d).every((v) => v === -1);

describe('the paper-grid kernel (WebAssembly SIMD)', () => {
  it('runs here, and gives the JS grids byte for byte at any size and radius', () => {
    // 9 × 7 has no full step; 131 × 67 has odd sides and partial steps at every level; 620 × 877 is a page.
    for (const [W, H] of [
      [9, 7],
      [131, 67],
      [620, 877],
    ] as const)
      for (const radius of [1, 2, 5]) {
        const p = planesOf(W, H, W * 7 + H + radius);
        const simd = paperGridSimd(p, W, H, radius);
        expect(simd, 'the kernel must load in Node as in the workers').not.toBeNull();
        const diff = firstDifferences(simd, paperGridsJs(p, W, H, radius));
        expect(same(diff), `${W}×${H} r=${radius}: ${JSON.stringify(diff)}`).toBe(true);
      }
  });

  it('keeps working as pages grow and shrink (its memory grows once)', () => {
    for (const [W, H] of [
      [64, 64],
      [1240, 1754],
      [64, 64],
    ] as const) {
      const p = planesOf(W, H, W + H);
      expect(same(firstDifferences(paperGridSimd(p, W, H, 3), paperGridsJs(p, W, H, 3))), `${W}×${H}`).toBe(true);
    }
  });
});
