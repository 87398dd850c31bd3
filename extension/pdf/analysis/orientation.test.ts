import { describe, expect, it } from 'vitest';
import { fill, K, sheet, W, writing, BLACK } from '../../../test/support/sheet';
import { analysePage } from './analysePage';
import { rotateRaster, type Raster } from './raster';

/** The page's content turned 90° and shrunk onto the same portrait sheet (a booklet page scanned sideways). */
function turnedOnSheet(r: Raster): Raster {
  const t = rotateRaster(r, 90); // landscape, 877 × 620
  const out = sheet();
  const s = t.height / t.width; // shrink so the turned page fits the sheet's width
  const h = Math.round(t.height / s);
  const y0 = Math.round((out.height - t.height * (out.width / t.width)) / 2);
  for (let y = 0; y < out.height - 2 * y0; y++)
    for (let x = 0; x < out.width; x++) {
      const sx = Math.floor((x * t.width) / out.width),
        sy = Math.floor((y * t.width) / out.width);
      if (sy >= t.height) continue;
      out.data.set(t.data.subarray((sy * t.width + sx) * 4, (sy * t.width + sx) * 4 + 4), ((y + y0) * W + x) * 4);
    }
  void h;
  return out;
}

describe('orientation on every page', { timeout: 30_000 }, () => {
  it('reads upright and upside down from where lines start, with or without a heading', () => {
    for (const heading of [true, false]) {
      const r = sheet();
      writing(r, { heading });
      expect(analysePage(r, K).orientation).toBe('upright');
      expect(analysePage(rotateRaster(r, 180), K).orientation).toBe('upsideDown');
    }
  });
  it('finds a page on its side from the direction of its lines, on a landscape picture or a portrait one', () => {
    const r = sheet();
    writing(r, { heading: true });
    expect(analysePage(rotateRaster(r, 90), K).orientation).toBe('sideways');
    expect(analysePage(turnedOnSheet(r), K).orientation).toBe('sideways');
  });
  it('never calls a sparse page turned: a cover with a large title and a few lines', () => {
    const cover = sheet();
    for (let c = 0; c < 5; c++)
      fill(cover, W / 2 + (c - 2.5) * 20 * K, 100 * K, W / 2 + ((c - 2.5) * 20 + 16) * K, 116 * K, BLACK);
    writing(cover, { fromMm: 200, lines: 2 });
    for (const turn of [0, 180]) expect(analysePage(rotateRaster(cover, turn), K).orientation).toBe('unknown');
  });
});
