import { beforeAll, describe, expect, it } from 'vitest';
import { KAI, PRINT, textPicture } from '../../../test/support/textPicture';
import { nodeOcr } from '../../../test/support/ocrModels';
import { inkBounds } from './ink';
import type { Grey, Rect } from './ocr/grey';
import type { Ocr } from './ocr/models';
import { rereader } from './reread';

let ocr: Ocr;
beforeAll(async () => {
  ocr = await nodeOcr();
}, 60_000);

const DIGITS = '0123456789';

/** A lone digit in a box `slack` times as high as its ink (a detector's box with paper above and below). */
async function cell(text: string, size: number, font: string, slack: number): Promise<{ g: Grey; box: Rect }> {
  const g = await textPicture(140, 110, [{ text, x: 55, y: 75, size, font, colour: '#2a3050' }]);
  const ink = inkBounds(g, { x: 0, y: 0, w: g.width, h: g.height })!;
  const h = ink.h * slack,
    w = ink.w + h - ink.h;
  return { g, box: { x: ink.x + ink.w / 2 - w / 2, y: ink.y + ink.h / 2 - h / 2, w, h } };
}

describe('reading a lone digit again', { timeout: 30_000 }, () => {
  it('reads an 8 with paper above and below it in its box, which read as it is is nothing', async () => {
    const { g, box } = await cell('8', 36, KAI, 1.5);
    const [asIs] = await ocr.read(g, [box], DIGITS);
    expect(asIs!.text, 'the model alone, on the whole box').toBe('');
    const again = await rereader(ocr, g)({ ...asIs!, box }, DIGITS);
    expect(again.text).toBe('8');
    expect(again.probs[0]).toBeGreaterThan(0.9);
    expect(again.box, 'the evidence is still the box read').toEqual(box);
  });

  it('reads as 8 the 8 that read as 0, and a 0 as 0', async () => {
    const eight = await cell('8', 40, KAI, 1.5);
    const [asIs] = await ocr.read(eight.g, [eight.box], DIGITS);
    expect(asIs!.text).toBe('0');
    expect((await rereader(ocr, eight.g)({ ...asIs!, box: eight.box }, DIGITS)).text).toBe('8');
    const zero = await cell('0', 30, PRINT, 1.5);
    const [z] = await ocr.read(zero.g, [zero.box], DIGITS);
    expect((await rereader(ocr, zero.g)({ ...z!, box: zero.box }, DIGITS)).text).toBe('0');
  });
});
