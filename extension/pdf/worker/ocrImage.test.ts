import { describe, expect, it } from 'vitest';
import { ocrImage } from './ocrImage';

/** A light grey strip (RGBA) with dark boxes drawn on it. */
function strip(width: number, height: number, boxes: [number, number, number, number][]): Uint8ClampedArray {
  const d = new Uint8ClampedArray(width * height * 4).fill(235);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) d.fill(30, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return d;
}

const header = (pgm: Uint8Array) => new TextDecoder().decode(pgm.subarray(0, 20)).split('\n').slice(0, 3).join(' ');

describe('the page-1 strip the number reader takes', () => {
  it('is cut down to the writing, with a margin, and stays a valid grey image', () => {
    const crop = ocrImage(strip(1240, 280, [[860, 100, 1100, 130]]), 1240, 280);
    expect([crop.width, crop.height]).toEqual([240 + 48, 30 + 48]);
    expect(header(crop.pgm)).toBe(`P5 ${crop.width} ${crop.height} 255`);
    expect(crop.pgm.length).toBe(header(crop.pgm).length + 1 + crop.width * crop.height);
    // The writing is inside, where it was, 24 px in from the crop's corner.
    const px = crop.pgm.subarray(crop.pgm.length - crop.width * crop.height);
    expect(px[24 * crop.width + 24]).toBeLessThan(60);
    expect(px[0]).toBeGreaterThan(200);
  });
  it('keeps the whole strip when there is no writing, or when dark covers most of it', () => {
    expect(ocrImage(strip(600, 100, []), 600, 100)).toMatchObject({ width: 600, height: 100 });
    const desk = ocrImage(
      strip(600, 100, [
        [0, 0, 600, 10],
        [0, 0, 10, 100],
        [590, 0, 600, 100],
        [0, 90, 600, 100],
      ]),
      600,
      100,
    );
    expect(desk).toMatchObject({ width: 600, height: 100 });
  });
  it('ignores a single stray dark pixel in a row or column', () => {
    const crop = ocrImage(
      strip(600, 100, [
        [300, 40, 360, 60],
        [5, 5, 6, 6],
      ]),
      600,
      100,
    );
    expect([crop.width, crop.height]).toEqual([60 + 48, 20 + 48]);
  });
});
