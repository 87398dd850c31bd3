import { describe, expect, it } from 'vitest';
import { fill, K, sheet, W, writing } from '../../../test/support/sheet';
import { analysePage } from './analysePage';
import { edgeWidth } from './blur';
import { findPaper } from './paper';
import { planes, type Raster } from './raster';
import { measureSkew } from './skew';

const measure = (r: Raster) => {
  const p = planes(r);
  return { ...p, paper: findPaper(p.gray, p.chroma, r.width, r.height) };
};

describe('pixel measures on synthetic sheets', { timeout: 30_000 }, () => {
  it('reads a frame copied in its own B, G, R order as the same page', () => {
    // A yellowed sheet with a red seal ring, blue and black writing and a brown stain: every plane moves.
    const r = sheet([236, 222, 186]);
    writing(r);
    fill(r, 40, 40, 80, 60, [200, 40, 50]);
    fill(r, 100, 200, 160, 230, [30, 40, 150]);
    fill(r, 300, 300, 360, 380, [150, 110, 60]);
    const swapped = new Uint8ClampedArray(r.data.length);
    for (let i = 0; i < r.data.length; i += 4) {
      swapped[i] = r.data[i + 2]!;
      swapped[i + 1] = r.data[i + 1]!;
      swapped[i + 2] = r.data[i]!;
      swapped[i + 3] = 255;
    }
    const bgr: Raster = { width: r.width, height: r.height, data: swapped, bgr: true };
    expect(planes(bgr)).toEqual(planes(r));
    expect(analysePage(bgr, 3)).toEqual(analysePage(r, 3));
    // Read in the wrong order, the red seal would be blue.
    expect(planes({ ...bgr, bgr: false }).red).not.toEqual(planes(r).red);
  });
  it('measures skew in degrees, counter-clockwise positive', () => {
    for (const deg of [-5, -2, 0, 3, 6]) {
      const r = sheet();
      writing(r, { deg });
      expect(measureSkew(measure(r).paper, W)).toBeCloseTo(deg, 0);
    }
    expect(measureSkew(measure(sheet()).paper, W)).toBeNull();
  });
  it('finds a desk around the sheet but not a white margin, on white and on yellowed paper', () => {
    for (const paper of [245, [236, 222, 186] as [number, number, number]]) {
      const r = sheet(paper);
      const desk: [number, number, number] = [110, 75, 45];
      fill(r, 0, 0, W, 0.08 * r.height, desk);
      fill(r, 0, 0.92 * r.height, W, r.height, desk);
      fill(r, 0, 0, 0.1 * W, r.height, desk);
      fill(r, 0.9 * W, 0, W, r.height, desk);
      const { paper: p } = measure(r);
      expect(p.depth[0]).toBeCloseTo(0.08, 1);
      expect(p.depth[3]).toBeCloseTo(0.1, 1);
      expect(measure(sheet(paper)).paper.depth).toEqual([0, 0, 0, 0]);
    }
  });
  it('measures wider edges on a blurred sheet', () => {
    const sharp = sheet();
    writing(sharp);
    const blurred = { ...sharp, data: boxBlur(sharp, 3) };
    const a = measure(sharp),
      b = measure(blurred);
    const ea = edgeWidth(a.gray, W, a.paper),
      eb = edgeWidth(b.gray, W, b.paper);
    expect(ea.widthPx!).toBeLessThan(2);
    expect(eb.widthPx!).toBeGreaterThan(ea.widthPx! * 2);
  });
  it('calls an empty sheet empty', () => {
    const m = analysePage(sheet(), K);
    expect(m.inkCoverage).toBe(0);
    expect(m.skewDeg).toBeNull();
    expect(m.seal).toBe(false);
    expect(m.stainMm).toBe(0);
    expect(m.orientation).toBe('unknown');
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
