import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/**
 * Digits on page 1 by OCR, offline: tesseract.js with its core and the English LSTM model shipped
 * in the extension (wxt.config.ts copies them to /ocr/), never fetched. The worker starts when the
 * analysis page opens, so it is warm by the time page 1 is decoded.
 */
let workerP: Promise<Worker> | null = null;

/** A line of digits to warm the recogniser with (a blank image would not reach the LSTM). */
function digitsPgm(): Uint8Array {
  const width = 240,
    height = 40;
  const c = new OffscreenCanvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = '24px sans-serif';
  ctx.fillText('202412345678', 8, 30);
  const px = ctx.getImageData(0, 0, width, height).data;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0; i < width * height; i++) out[header.length + i] = px[i * 4]!;
  return out;
}

function url(path: string): string {
  return new URL(path, location.href).href;
}

export function warmOcr(): Promise<Worker> {
  workerP ??= (async () => {
    const w = await createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: url('/ocr/worker.min.js'),
      corePath: url('/ocr/tesseract-core-simd-lstm.wasm.js'),
      langPath: url('/ocr'),
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
    });
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, tessedit_char_whitelist: '0123456789' });
    // The first recognition pays for loading the LSTM model: pay it now, beside the page decoding.
    await w.recognize(digitsPgm() as unknown as Blob).catch(() => undefined);
    return w;
  })();
  workerP.catch(() => {
    workerP = null;
  });
  return workerP;
}

/** Recognises digits in a greyscale PGM image; returns the raw text. */
export async function readDigits(pgm: Uint8Array, mode: 'block' | 'sparse' = 'block'): Promise<string> {
  const w = await warmOcr();
  await w.setParameters({ tessedit_pageseg_mode: mode === 'block' ? PSM.SINGLE_BLOCK : PSM.SPARSE_TEXT });
  const { data } = await w.recognize(pgm as unknown as Blob);
  return data.text;
}
