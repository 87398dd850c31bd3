import { describe, expect, it } from 'vitest';
import { rotateGrey, type Grey } from './ocr/grey';
import { displayedBox } from './place';

/** A 4×6 picture with one dark pixel at (1, 2): where it lands after each turn tells the mapping. */
function marked(): Grey {
  const g: Grey = { width: 4, height: 6, data: new Uint8Array(24).fill(255) };
  g.data[2 * 4 + 1] = 0;
  return g;
}

function darkAt(g: Grey): { x: number; y: number } {
  const i = g.data.indexOf(0);
  return { x: i % g.width, y: Math.floor(i / g.width) };
}

describe('boxes go back onto the page as displayed', () => {
  it.each([0, 90, 180, 270] as const)('after a %d° turn', (rotation) => {
    const shown = marked();
    const upright = rotateGrey(shown, rotation);
    const p = darkAt(upright);
    const b = displayedBox({ x: p.x, y: p.y, w: 1, h: 1 }, upright.width, upright.height, rotation);
    expect(b.x * shown.width).toBeCloseTo(1, 2);
    expect(b.y * shown.height).toBeCloseTo(2, 2);
    expect(b.w * shown.width * b.h * shown.height).toBeCloseTo(1, 2);
  });
});
