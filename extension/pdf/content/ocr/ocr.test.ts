import { beforeAll, describe, expect, it } from 'vitest';
import { KAI, KAI_GB, PRINT, textPicture } from '../../../../test/support/textPicture';
import { nodeOcr } from '../../../../test/support/ocrModels';
import type { Ocr } from './models';

let ocr: Ocr;
beforeAll(async () => {
  ocr = await nodeOcr();
  // onnxruntime's first run of each model sets itself up (seconds on a loaded machine): done here,
  // with the model load, so the tests time the readings only.
  const paper = await textPicture(64, 48, []);
  await ocr.detect(paper, paper.width);
  await ocr.read(paper, [{ x: 0, y: 0, w: paper.width, h: paper.height }]);
}, 60_000);

// Small crops seen at their own size (the detector's work grows with the area, the recogniser's
// with the line's width): each test is a few model runs. The models run on one wasm thread, so on
// a loaded machine a test may still take a few seconds.
describe('PP-OCR det + rec on small crops', { timeout: 20_000 }, () => {
  it('finds a printed label and a handwritten date as two boxes and reads both', async () => {
    const g = await textPicture(400, 48, [
      { text: '出生年月', x: 8, y: 32, size: 22, font: PRINT, colour: '#111' },
      { text: '2008年5月18日', x: 170, y: 34, size: 26, font: KAI },
    ]);
    const boxes = await ocr.detect(g, g.width);
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
    const g = await textPicture(120, 44, [{ text: '张晓明', x: 8, y: 32, size: 28, font: KAI_GB, colour: '#000' }]);
    expect((await ocr.read(g, [{ x: 0, y: 0, w: g.width, h: g.height }]))[0]!.text).toBe('张晓明');
  });

  it('finds nothing on empty paper', async () => {
    const g = await textPicture(200, 48, []);
    expect(await ocr.detect(g, g.width)).toEqual([]);
  });
});
