import { beforeAll, describe, expect, it } from 'vitest';
import { KAI, KAI_GB, PRINT, textPicture } from '../../../../test/support/textPicture';
import { nodeOcr } from '../../../../test/support/ocrModels';
import { detInput } from './detect';
import type { BaselineOcr } from './models';
import { ppocrBatches } from './recognise';

let ocr: BaselineOcr;
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

describe('the detector over a window of a page', { timeout: 20_000 }, () => {
  it('sees the very input pixels of the whole picture there, cut on the 32-px grid', async () => {
    const g = await textPicture(640, 200, [
      { text: '出生年月', x: 300, y: 110, size: 26, font: PRINT, colour: '#111' },
    ]);
    const whole = detInput(g, 320);
    const part = detInput(g, 320, { x: 280, y: 60, w: 140, h: 80 });
    expect([part.sx, part.sy]).toEqual([whole.sx, whole.sy]);
    expect(part.ox % 32).toBe(0);
    expect(part.width % 32).toBe(0);
    expect(part.width).toBeLessThan(whole.width);
    for (const [x, y] of [
      [0, 0],
      [part.width - 1, part.height - 1],
      [17, 9],
    ] as const)
      expect(part.data[y * part.width + x]).toBe(whole.data[(y + part.oy) * whole.width + x + part.ox]);
  });

  it("finds the same box in the window as in the whole picture, in the picture's pixels", async () => {
    const g = await textPicture(640, 200, [
      { text: '出生年月', x: 300, y: 110, size: 26, font: PRINT, colour: '#111' },
    ]);
    const [whole] = await ocr.detect(g, 640);
    const [part] = await ocr.detect(g, 640, { x: 260, y: 50, w: 200, h: 100 });
    expect(whole).toBeDefined();
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(part![k] - whole![k])).toBeLessThan(4);
  });
});

describe("the benchmark's baseline reads lines as PaddleOCR does", () => {
  it('six a batch, sorted by shape, each batch at least 320 px wide and padded with zeros', async () => {
    const g = await textPicture(400, 48, []);
    const boxes = [40, 300, 60, 90, 120, 150, 200, 80].map((w) => ({ x: 0, y: 0, w, h: 40 }));
    const batches = [...ppocrBatches(g, boxes)];
    expect(batches.map((b) => b.order.length)).toEqual([6, 2]);
    expect(batches[0]!.order.map((i) => boxes[i]!.w)).toEqual([40, 60, 80, 90, 120, 150]);
    expect(batches.map((b) => b.width)).toEqual([320, 360]);
    // The narrowest line, 48 px wide at 48 high, is paper (near 1) then zeros to the batch's width.
    const n = 320 * 48;
    expect(batches[0]!.data[10]).toBeGreaterThan(0.5);
    expect(batches[0]!.data[100]).toBe(0);
    expect(batches[0]!.data.length).toBe(6 * 3 * n);
  });

  it('reads a clean line (its padding may add a stray character after it, as in PaddleOCR)', async () => {
    const g = await textPicture(240, 48, [{ text: '2008年5月18日', x: 8, y: 34, size: 26, font: KAI }]);
    const [r] = await ocr.readAsPpocr(g, [{ x: 0, y: 0, w: g.width, h: g.height }]);
    expect(r!.text.startsWith('2008年5月18日')).toBe(true);
  });
});
