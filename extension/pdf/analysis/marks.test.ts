import { describe, expect, it } from 'vitest';
import { BLACK, fill, K, ring, SEAL_RED, sheet, tint, W, writing, type Rgb } from '../../../test/support/sheet';
import { analysePage } from './analysePage';
import type { Raster } from './raster';

/** Stains and seals on synthetic sheets with writing: what the engine measures of each. */
const TEA: Rgb = [196, 146, 72];
const COFFEE: Rgb = [110, 66, 34];
const PURPLE: Rgb = [160, 40, 112];
const measured = (r: Raster) => analysePage(r, K);
const written = (paper?: Rgb) => {
  const r = sheet(paper);
  writing(r, { heading: true });
  return r;
};
const disc =
  (cx: number, cy: number, d: number, a: number, soft = 0) =>
  (x: number, y: number) => {
    const e = Math.hypot(x - cx, y - cy) / (d / 2);
    return e <= 1 - soft ? a : e <= 1 ? (a * (1 - e)) / soft : 0;
  };

describe('stains of every kind', { timeout: 30_000 }, () => {
  it('sizes a soft tea stain over writing, and a cup ring, by their extent', () => {
    const tea = written();
    tint(tea, disc(100, 150, 40, 0.3, 0.4), TEA);
    expect(measured(tea).stainMm).toBeGreaterThan(30);
    expect(measured(tea).stainMm).toBeLessThan(48);
    const cup = written();
    ring(cup, 110, 170, 35, 35, 1.8, COFFEE, 0.6);
    expect(measured(cup).stainMm).toBeGreaterThan(60);
    expect(measured(cup).stainMm).toBeLessThan(78);
  });
  it('holds a heavy cup ring whose dark rim is barely yellower than the writing (a flatbed’s 7 cm ring)', () => {
    // Dark grey-brown at 70 % strength: 12 levels yellower than the paper, 120 darker — a stroke to
    // the thin-mark filter, browner than any writing on the page.
    const cup = written();
    ring(cup, 100, 150, 35, 35, 1.4, [96, 70, 52], 0.7);
    expect(measured(cup).stainMm).toBeGreaterThan(60);
    expect(measured(cup).stainMm).toBeLessThan(80);
  });
  it('takes no rule or line of writing in warm black (a scan app’s) for a ring’s rim', () => {
    const r = sheet();
    const WARM: Rgb = [64, 60, 48];
    for (const y of [40, 80, 120, 160, 200, 240]) fill(r, 20 * K, y * K, 190 * K, (y + 0.5) * K, WARM);
    for (const x of [20, 60, 190]) fill(r, x * K, 40 * K, (x + 0.5) * K, 240 * K, WARM);
    writing(r, { fromMm: 50 });
    expect(measured(r).stainMm).toBe(0);
  });
  it('finds an ink blot, and says it hides the writing it lies on', () => {
    const r = written();
    tint(r, disc(60, 120, 16, 1), [24, 24, 40]);
    const m = measured(r);
    expect(m.stainMm).toBeGreaterThan(12);
    expect(m.stainHidingMm).toBeGreaterThan(12);
  });
  it('sees no stain on clean, evenly yellowed or grey paper, nor in a phone’s falling light', () => {
    for (const paper of [undefined, [236, 222, 186] as Rgb, [200, 200, 200] as Rgb])
      expect(measured(written(paper)).stainMm).toBe(0);
    const lit = written();
    tint(lit, (x, y) => 0.25 * (Math.hypot(x - 60, y - 80) / 300) ** 2, [0, 0, 0]);
    expect(measured(lit).stainMm).toBe(0);
  });
  it('does not take a glued photo for a stain', () => {
    const r = written();
    fill(r, 150 * K, 44 * K, 183 * K, 91 * K, [63, 127, 208]); // blue background
    fill(r, 158 * K, 52 * K, 175 * K, 66 * K, [20, 16, 14]); // hair
    fill(r, 159 * K, 60 * K, 174 * K, 78 * K, [232, 184, 152]); // face
    fill(r, 150 * K, 80 * K, 183 * K, 91 * K, [30, 36, 52]); // clothes, cut by the photo's edge
    expect(measured(r).stainMm).toBe(0);
  });
  it('calls a neutral shadow over the sheet’s edge a shadow', () => {
    const r = written();
    tint(r, (x) => (x < 30 ? 0.45 * (1 - x / 30) : 0), [0, 0, 0]);
    const m = measured(r);
    expect(m.stainMm).toBe(0);
    expect(m.edgeShadowMm).toBeGreaterThan(12);
    expect(m.edgeShadowMm).toBeLessThan(40);
  });
  it('takes a wedge of desk past a tilted sheet’s corner for neither a shadow nor a stain', () => {
    const r = written();
    // 12 mm wide at the top, narrowing to nothing 100 mm down the right side: dark brown wood.
    for (let y = 0; y < 100 * K; y++) fill(r, W - 12 * K * (1 - y / (100 * K)), y, W, y + 1, [92, 64, 40]);
    const m = measured(r);
    expect(m.stainMm).toBe(0);
    expect(m.edgeShadowMm).toBe(0);
  });
});

describe('seals: round and oval, red and purple-red, pale, cut by the edge', { timeout: 30_000 }, () => {
  const sealed = (draw: (r: Raster) => void) => {
    const r = written();
    draw(r);
    return measured(r).seal;
  };
  it('finds round and oval seals in red and purple-red, down to 15 % ink', () => {
    expect(sealed((r) => ring(r, 140, 200, 21, 21, 1.2, SEAL_RED))).toBe(true);
    expect(sealed((r) => ring(r, 140, 200, 22, 15, 1, PURPLE, 1, 20))).toBe(true);
    expect(sealed((r) => ring(r, 140, 200, 21, 21, 1.2, SEAL_RED, 0.15))).toBe(true);
    expect(sealed((r) => ring(r, 140, 200, 22, 15, 1, PURPLE, 0.2))).toBe(true);
  });
  it('finds a seal a quarter off the page', () => {
    expect(sealed((r) => ring(r, (W - 12) / K + 10, 150, 21, 21, 1.2, SEAL_RED))).toBe(true);
  });
  it('finds a round seal cut by the sheet’s edge, fitted from its arc and not from the writing inside', () => {
    // Centre 15 mm inside the right edge: the outermost ink toward the edge is the edge itself, and
    // in some directions the star and characters inside end first.
    const cut = (r: Raster) => {
      ring(r, 195, 150, 21, 21, 1.2, SEAL_RED);
      fill(r, 190 * K, 140 * K, 200 * K, 150 * K, SEAL_RED);
      for (let x = 180; x < 210; x += 5) fill(r, x * K, 156 * K, (x + 3.5) * K, 160 * K, SEAL_RED);
    };
    expect(sealed(cut)).toBe(true);
  });
  it('sees none in a black ring, a brown cup ring, a red block or yellowed paper', () => {
    expect(sealed((r) => ring(r, 140, 200, 21, 21, 1.2, BLACK))).toBe(false);
    expect(sealed((r) => ring(r, 120, 180, 24, 24, 1.5, COFFEE, 0.7))).toBe(false);
    expect(sealed((r) => fill(r, 100 * K, 150 * K, 142 * K, 192 * K, SEAL_RED))).toBe(false);
    expect(measured(written([236, 222, 186])).seal).toBe(false);
  });
});
