import { beforeAll, describe, expect, it } from 'vitest';
import { KAI, KAI_GB, PRINT, textPicture } from '../../../../test/support/textPicture';
import { nodeOcr } from '../../../../test/support/ocrModels';
import type { Ocr } from './models';

let ocr: Ocr;
beforeAll(async () => {
  ocr = await nodeOcr();
}, 60_000);

// The models run on one wasm thread: on a loaded machine a reading takes seconds, not milliseconds.
describe('PP-OCR det + rec on small crops', { timeout: 60_000 }, () => {
  it('finds a printed label and a handwritten date as two boxes and reads both', async () => {
    const g = await textPicture(720, 90, [
      { text: '出生年月', x: 16, y: 58, size: 30, font: PRINT, colour: '#111' },
      { text: '2008年5月18日', x: 300, y: 62, size: 36, font: KAI },
    ]);
    const boxes = await ocr.detect(g, 960);
    expect(boxes.length).toBe(2);
    const [label, value] = boxes;
    expect(label!.x).toBeLessThan(value!.x);
    const [l, r] = await ocr.read(g, [label!, value!]);
    expect(l!.text).toBe('出生年月');
    expect(r!.text).toBe('2008年5月18日');
    expect(r!.probs).toHaveLength(r!.text.length);
    expect(Math.min(...r!.probs)).toBeGreaterThan(0.5);
  });

  it('reads a name in another Kai face', async () => {
    const g = await textPicture(300, 80, [{ text: '张晓明', x: 20, y: 55, size: 40, font: KAI_GB, colour: '#000' }]);
    const [box] = await ocr.detect(g, 960);
    expect((await ocr.read(g, [box!]))[0]!.text).toBe('张晓明');
  });

  it('finds nothing on empty paper', async () => {
    const g = await textPicture(400, 100, []);
    expect(await ocr.detect(g, 960)).toEqual([]);
  });
});
