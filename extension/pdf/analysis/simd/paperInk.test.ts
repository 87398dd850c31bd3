import { describe, expect, it } from 'vitest';
import { rng } from '../../../../test/fixtures/browser/rng';
import { blockLevelsJs, paperInkJs } from '../paper';
import { blockLevelsSimd, paperInkSimd, type Sheet, type SheetInk } from './paperInkSimd';
import { firstDifference } from '../../../../test/support/firstDifference';

/**
 * Seeded gray pixels and block cuts where the pixels fall on and beside the cuts often (equal to a
 * cut, one under, one over), and otherwise anywhere; the ink cut never above the tone cut, as on pages.
 */
function page(w: number, h: number, seed: number) {
  const r = rng(seed);
  const next = (k: number) => Math.floor(r() * k);
  const blocks = Math.ceil(w / 16) * Math.ceil(h / 16);
  const toneCut = new Uint8Array(blocks),
    inkCut = new Uint8Array(blocks);
  for (let b = 0; b < blocks; b++) {
    // Some blocks at the floor (a cut of 0: nothing is under it).
    toneCut[b] = next(8) === 0 ? 0 : next(256);
    inkCut[b] = next(8) === 0 ? toneCut[b]! : Math.max(0, toneCut[b]! - next(60));
  }
  const bw = Math.ceil(w / 16);
  const gray = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const b = (y >> 4) * bw + (x >> 4);
      const pick = next(4);
      const near = pick === 0 ? toneCut[b]! : pick === 1 ? inkCut[b]! : -1;
      gray[y * w + x] = near < 0 ? next(256) : Math.min(255, Math.max(0, near + next(3) - 1));
    }
  return { gray, toneCut, inkCut };
}

/** Where the masks first differ (−1: nowhere), and the counts (a deep toEqual on a page's mask takes seconds). */
function summary(a: SheetInk | null) {
  return a && { inkCount: a.inkCount, toneCount: a.toneCount, length: a.ink.length };
}
function inkDifference(a: SheetInk | null, b: SheetInk): number {
  return !a ? 0 : firstDifference(a.ink, b.ink);
}

function check(w: number, h: number, seed: number, sheets: Sheet[]) {
  const p = page(w, h, seed);
  for (const s of sheets) {
    const simd = paperInkSimd(p.gray, w, h, p.toneCut, p.inkCut, s);
    const js = paperInkJs(p.gray, w, h, p.toneCut, p.inkCut, s);
    const at = `${w}×${h} [${s.top}, ${s.bottom}) × [${s.left}, ${s.right})`;
    expect(simd, 'the kernel must load in Node as in the workers').not.toBeNull();
    expect(summary(simd), at).toEqual(summary(js));
    expect(inkDifference(simd, js), at).toBe(-1);
  }
}

/** The whole picture, one pixel, one column, edges inside one block, and seeded sheets anywhere. */
function sheets(w: number, h: number, seed: number): Sheet[] {
  const r = rng(seed + 7);
  const next = (k: number) => Math.floor(r() * k);
  const out: Sheet[] = [
    { top: 0, right: w, bottom: h, left: 0 },
    { top: h - 1, right: w, bottom: h, left: w - 1 },
    { top: 0, right: 1, bottom: h, left: 0 },
    { top: 0, right: Math.min(w, 13), bottom: h, left: Math.min(w - 1, 3) },
  ];
  for (let k = 0; k < 6; k++) {
    const top = next(h),
      left = next(w);
    out.push({ top, right: left + 1 + next(w - left), bottom: top + 1 + next(h - top), left });
  }
  return out;
}

describe('the paper ink kernel (WebAssembly SIMD)', () => {
  it('runs here, and gives the JS mask and counts byte for byte for any sheet at any width', () => {
    // 7 × 5 is less than a block; 33 × 3 ends in a partial block; 620 × 877 is a page.
    for (const [w, h] of [
      [7, 5],
      [33, 3],
      [100, 37],
      [620, 877],
    ] as const)
      check(w, h, w * 31 + h, sheets(w, h, w + h));
    // As findPaper's sheets: a few pixels in from each side, the edges anywhere in their blocks.
    check(620, 877, 5, [
      { top: 9, right: 611, bottom: 868, left: 9 },
      { top: 40, right: 593, bottom: 830, left: 21 },
    ]);
  });

  it('keeps working as pages grow and shrink (its memory grows once)', () => {
    for (const [w, h] of [
      [40, 40],
      [1240, 1754],
      [40, 40],
    ] as const)
      check(w, h, w + h, sheets(w, h, w * h));
  });

  it('counts all-ink rows longer than 255 blocks (a lane of its byte counters counts once a block)', () => {
    const w = 4200,
      h = 3;
    const blocks = Math.ceil(w / 16);
    const cut = new Uint8Array(blocks).fill(255);
    const gray = new Uint8Array(w * h);
    const s = { top: 0, right: w - 5, bottom: h, left: 3 };
    const simd = paperInkSimd(gray, w, h, cut, cut, s);
    expect(summary(simd)).toEqual(summary(paperInkJs(gray, w, h, cut, cut, s)));
    expect(simd?.inkCount).toBe((w - 8) * h);
  });

  it('finds the JS levels of every block: ties at the 85th percentile, flat, black and white blocks, partial blocks', () => {
    for (const [w, h] of [
      [7, 5],
      [33, 3],
      [100, 37],
      [620, 877],
      [1240, 1754],
      [40, 40],
    ] as const) {
      const gray = blockyGray(w, h, w * 7 + h);
      const simd = blockLevelsSimd(gray, w, h);
      expect(simd, 'the kernel must load in Node as in the workers').not.toBeNull();
      const js = blockLevelsJs(gray, w, h);
      expect(simd?.length, `${w}×${h}`).toBe(js.length);
      expect(
        js.findIndex((v, i) => v !== simd?.[i]),
        `${w}×${h}`,
      ).toBe(-1);
    }
  });
});

/** Gray pixels whose blocks are each of one kind: any value, two values (ties), flat, 0 or 255, a narrow range. */
function blockyGray(w: number, h: number, seed: number): Uint8Array {
  const r = rng(seed);
  const next = (k: number) => Math.floor(r() * k);
  const bw = Math.ceil(w / 16);
  const kinds = Array.from({ length: bw * Math.ceil(h / 16) }, () => [next(6), next(256), next(256)] as const);
  const gray = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [kind, a, b] = kinds[(y >> 4) * bw + (x >> 4)]!;
      gray[y * w + x] =
        kind === 0
          ? next(256)
          : kind === 1
            ? next(100) < 85
              ? a
              : b
            : kind === 2
              ? a
              : kind === 3
                ? next(2)
                  ? 255
                  : 0
                : kind === 4
                  ? Math.min(255, a + next(4))
                  : next(5) === 0
                    ? 255
                    : a;
    }
  return gray;
}
