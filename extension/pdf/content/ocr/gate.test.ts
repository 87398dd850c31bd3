import * as ort from 'onnxruntime-web';
import type { InferenceSession } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import { ocrModelFiles } from '../../../../test/support/ocrModels';
import { textPicture, PRINT } from '../../../../test/support/textPicture';
import { gate } from './gate';
import { loadOcr, type Ort } from './models';

/** onnxruntime with every model load and run counted, the models themselves real. */
function countingOrt(): { ort: Ort; loads: () => number; runs: () => number } {
  let loads = 0,
    runs = 0;
  const counted: Ort = {
    Tensor: ort.Tensor,
    InferenceSession: {
      async create(model: Uint8Array, options?: InferenceSession.SessionOptions) {
        loads++;
        const s = await ort.InferenceSession.create(model, options);
        const run = s.run.bind(s) as (feeds: InferenceSession.FeedsType) => Promise<InferenceSession.ReturnType>;
        return Object.assign(s, {
          run: (feeds: InferenceSession.FeedsType) => {
            runs++;
            return run(feeds);
          },
        });
      },
    },
  };
  return { ort: counted, loads: () => loads, runs: () => runs };
}

/** Lets everything that can run, run (the models' own work included): a few turns of the event loop. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the reader holds between model runs while a picture check runs', { timeout: 60_000 }, () => {
  it('loads no model and runs none while held, and reads as usual once let go', async () => {
    ort.env.wasm.numThreads = 1;
    const picture = gate();
    const { ort: counted, loads, runs } = countingOrt();
    picture.set(true);
    const loading = loadOcr(counted, ocrModelFiles(), picture.pass);
    await settle();
    expect(loads()).toBe(0);
    picture.set(false);
    const ocr = await loading;
    expect(loads()).toBe(2);

    const g = await textPicture(220, 48, [{ text: '出生年月', x: 8, y: 32, size: 22, font: PRINT, colour: '#111' }]);
    picture.set(true);
    const boxes = ocr.detect(g, g.width);
    await settle();
    expect(runs()).toBe(0);
    picture.set(false);
    const found = await boxes;
    expect(runs()).toBe(1);

    picture.set(true);
    const reading = ocr.read(g, found);
    await settle();
    expect(runs()).toBe(1);
    picture.set(false);
    expect((await reading)[0]!.text).toBe('出生年月');
    expect(runs()).toBe(2);
  });

  it('hears a pause sent while a page is being read, and holds before the next run', async () => {
    ort.env.wasm.numThreads = 1;
    const picture = gate();
    const { ort: counted, runs } = countingOrt();
    const ocr = await loadOcr(counted, ocrModelFiles(), picture.pass);
    // As the content worker hears the engine: messages, handled when its event loop gets a turn.
    const engine = new MessageChannel();
    engine.port1.onmessage = (e: MessageEvent<string>) => picture.set(e.data === 'pause');
    const g = await textPicture(220, 48, [{ text: '出生年月', x: 8, y: 32, size: 22, font: PRINT, colour: '#111' }]);
    const reading = (async () => {
      for (let i = 0; i < 6; i++) await ocr.detect(g, g.width);
    })();
    engine.port2.postMessage('pause');
    await settle();
    const held = runs();
    // The run under way when the pause came may finish; none starts after it.
    expect(held).toBeLessThanOrEqual(1);
    await settle();
    expect(runs()).toBe(held);
    engine.port2.postMessage('resume');
    await reading;
    expect(runs()).toBe(6);
    engine.port1.close();
  });
});
