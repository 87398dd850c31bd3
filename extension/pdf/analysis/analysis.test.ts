import { describe, expect, it } from 'vitest';
import { analysePage } from './analysePage';
import { edgeWidth } from './blur';
import { uprightness } from './orientation';
import { findPaper } from './paper';
import { planes, rotateRaster, type Raster } from './raster';
import { findSeal } from './seal';
import { measureSkew } from './skew';
import { largestBlotch } from './stain';

/** A synthetic A4 sheet at analysis size (620 × 877 px, 2.95 px/mm) to draw on. */
const W = 620,
  H = 877,
  K = W / 210;
function sheet(paper = 245): Raster {
  const data = new Uint8ClampedArray(W * H * 4).fill(paper);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width: W, height: H, data };
}
function fill(r: Raster, x0: number, y0: number, x1: number, y1: number, rgb: [number, number, number]): void {
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(r.height, Math.round(y1)); y++)
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(r.width, Math.round(x1)); x++)
      r.data.set(rgb, (y * r.width + x) * 4);
}
const black: [number, number, number] = [20, 20, 20];
/** Text-like lines: short dark bars with gaps, 8 mm apart, tilted by `deg` (counter-clockwise). */
function textLines(r: Raster, deg = 0, from = 60): void {
  const t = Math.tan((deg * Math.PI) / 180);
  for (let line = 0; line < 20; line++) {
    const y = (from + line * 8) * K;
    for (let x = 25 * K; x < 185 * K; x += 4 * K)
      fill(r, x, y - (x - W / 2) * t, x + 3 * K, y - (x - W / 2) * t + 1.2 * K, black);
  }
}
const measure = (r: Raster) => {
  const p = planes(r);
  return { ...p, paper: findPaper(p.gray, p.chroma, r.width, r.height) };
};

describe('pixel measures on synthetic sheets', () => {
  it('measures skew in degrees, counter-clockwise positive', () => {
    for (const deg of [-5, -2, 0, 3, 6]) {
      const r = sheet();
      textLines(r, deg);
      expect(measureSkew(measure(r).paper, W)).toBeCloseTo(deg, 0);
    }
    expect(measureSkew(measure(sheet()).paper, W)).toBeNull();
  });
  it('finds a desk around the sheet but not a white margin', () => {
    const r = sheet();
    fill(r, 0, 0, W, 0.08 * H, [110, 75, 45]);
    fill(r, 0, 0.92 * H, W, H, [110, 75, 45]);
    fill(r, 0, 0, 0.1 * W, H, [110, 75, 45]);
    fill(r, 0.9 * W, 0, W, H, [110, 75, 45]);
    const { paper } = measure(r);
    expect(paper.depth[0]).toBeCloseTo(0.08, 1);
    expect(paper.depth[3]).toBeCloseTo(0.1, 1);
    expect(measure(sheet()).paper.depth).toEqual([0, 0, 0, 0]);
  });
  it('sizes a blotch, ignores strokes, and ignores a rectangle', () => {
    const r = sheet();
    textLines(r);
    const m0 = measure(r);
    expect(largestBlotch(m0.gray, m0.red, W, H, m0.paper, K)).toBe(0);
    for (let y = -30; y <= 30; y++)
      for (let x = -30; x <= 30; x++) if (x * x + y * y <= 900) r.data.set([50, 35, 25], ((400 + y) * W + 300 + x) * 4);
    fill(r, 100, 700, 160, 760, black); // a filled box: a photo's frame, not a stain
    const m = measure(r);
    const area = largestBlotch(m.gray, m.red, W, H, m.paper, K);
    expect(area).toBeGreaterThan(Math.PI * 900 * 0.8);
    expect(area).toBeLessThan(Math.PI * 900 * 1.3);
  });
  it('finds a round red seal, not a red block or a black ring', () => {
    const ring = (rgb: [number, number, number]) => {
      const r = sheet();
      const R = 21 * K;
      for (let y = -R - 3; y <= R + 3; y++)
        for (let x = -R - 3; x <= R + 3; x++) {
          const d = Math.hypot(x, y);
          if (d <= R && d >= R - 3) r.data.set(rgb, ((500 + Math.round(y)) * W + 400 + Math.round(x)) * 4);
        }
      return r;
    };
    const red: [number, number, number] = [214, 38, 44];
    const seal = measure(ring(red));
    expect(findSeal(seal.red, seal.gray, W, H, K)).toBe(true);
    const blackRing = measure(ring(black));
    expect(findSeal(blackRing.red, blackRing.gray, W, H, K)).toBe(false);
    const block = sheet();
    fill(block, 300, 400, 300 + 42 * K, 400 + 42 * K, red);
    const b = measure(block);
    expect(findSeal(b.red, b.gray, W, H, K)).toBe(false);
  });
  it('measures wider edges on a blurred sheet', () => {
    const sharp = sheet();
    textLines(sharp);
    const blurred = { ...sharp, data: boxBlur(sharp, 3) };
    const a = measure(sharp),
      b = measure(blurred);
    const ea = edgeWidth(a.gray, W, a.paper),
      eb = edgeWidth(b.gray, W, b.paper);
    expect(ea.widthPx!).toBeLessThan(2);
    expect(eb.widthPx!).toBeGreaterThan(ea.widthPx! * 2);
  });
  it('reads a centred heading at the top as upright, and at the bottom as upside down', () => {
    const r = sheet();
    for (let c = 0; c < 6; c++)
      fill(r, W / 2 + (c - 3) * 9 * K, 20 * K, W / 2 + ((c - 3) * 9 + 6.5) * K, 27 * K, black); // the heading: six large characters
    textLines(r, 0, 60);
    expect(uprightness(measure(r).paper, W, H, K)).toBe('upright');
    const turned = rotateRaster(r, 180);
    expect(uprightness(measure(turned).paper, W, H, K)).toBe('upsideDown');
    expect(analysePage(rotateRaster(r, 90), K).orientation).toBe('sideways');
  });
  it('calls an empty sheet empty', () => {
    const m = analysePage(sheet(), K);
    expect(m.inkCoverage).toBe(0);
    expect(m.skewDeg).toBeNull();
    expect(m.seal).toBe(false);
  });
});

function boxBlur(r: Raster, radius: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(r.data);
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++)
      for (let c = 0; c < 3; c++) {
        let s = 0,
          n = 0;
        for (let d = -radius; d <= radius; d++) {
          const xx = Math.min(r.width - 1, Math.max(0, x + d));
          s += r.data[(y * r.width + xx) * 4 + c]!;
          n++;
        }
        out[(y * r.width + x) * 4 + c] = s / n;
      }
  return out;
}
