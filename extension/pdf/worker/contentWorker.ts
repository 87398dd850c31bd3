/// <reference lib="webworker" />
import * as ort from 'onnxruntime-web/wasm';
import { toBase64 } from '../../../shared/bytes';
import { READER } from '../../../shared/pdf/content/thresholds';
import { gate } from '../content/ocr/gate';
import { cropGrey, greyOf, resizeGrey, type Grey, type Rect } from '../content/ocr/grey';
import { loadOcr, type BaselineOcr } from '../content/ocr/models';
import { displayedBox } from '../content/place';
import { ordinaryOcr, readPage } from '../content/readPage';
import { jpegSize } from '../jpeg';
import type { ContentGateMessage, ContentJob, ContentJobRequest, ContentJobResult, PageField } from './contentProtocol';
import { decodeAt, shownPixels } from './frames';
import { errorText } from '../../../shared/errorText';

/**
 * Reads what is written on one page at a time: PP-OCR's models (shipped under /ocr/ppocr/, see
 * wxt.config.ts) on onnxruntime's wasm backend with one thread (the engine's page is not
 * cross-origin isolated). Two of these run side by side, each with its own models.
 */
declare const self: DedicatedWorkerGlobalScope;

const url = (path: string) => new URL(path, location.href).href;

// The bundler emits onnxruntime's wasm beside this script and points the runtime at it.
ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;

let models: Promise<BaselineOcr> | undefined;
let coldMs: number | undefined;
/** Closed by the engine while a picture check runs: the models wait before their next run. */
const picture = gate();

async function bytesOf(path: string): Promise<Uint8Array> {
  const r = await fetch(url(path));
  if (!r.ok) throw new Error(`识别模型缺失：${path}`);
  return new Uint8Array(await r.arrayBuffer());
}

function ocr(): Promise<BaselineOcr> {
  models ??= (async () => {
    const t0 = performance.now();
    const [det, rec, dict] = await Promise.all([
      bytesOf('/ocr/ppocr/det.onnx'),
      bytesOf('/ocr/ppocr/rec.onnx'),
      fetch(url('/ocr/ppocr/keys.txt')).then((r) => r.text()),
    ]);
    const m = await loadOcr(ort, { det, rec, dict }, picture.pass);
    coldMs = performance.now() - t0;
    return m;
  })();
  models.catch(() => {
    models = undefined;
  });
  return models;
}

/** The page at reading size (≈ 150 dpi), grey, as displayed. */
async function pageGrey(job: Exclude<ContentJob, { kind: 'warm' }>): Promise<Grey> {
  if (job.kind === 'raster') return greyOf(job.raster.data, job.raster.width, job.raster.height);
  const size = jpegSize(new Uint8Array(job.bytes));
  if (!size || !size.width || !size.height) throw new Error('图片数据损坏');
  const scale = Math.min(1, (job.shortSideMm * READER.pxPerMm) / Math.min(size.width, size.height));
  const w = Math.max(1, Math.round(size.width * scale)),
    h = Math.max(1, Math.round(size.height * scale));
  const frame = await decodeAt(job.bytes, w, h);
  try {
    const r = await shownPixels(frame, w, h, job.rotate);
    return greyOf(r.data, r.width, r.height, r.bgr);
  } finally {
    frame.close();
  }
}

/** What was read, as a small JPEG for the evidence (at most 360 × 120 px). */
async function cropUrl(g: Grey, r: Rect): Promise<string> {
  const c = cropGrey(g, r);
  const s = Math.min(1, 360 / c.width, 120 / c.height);
  const small = resizeGrey(c, Math.max(1, Math.round(c.width * s)), Math.max(1, Math.round(c.height * s)));
  const rgba = new Uint8ClampedArray(small.width * small.height * 4);
  for (let i = 0; i < small.data.length; i++) {
    const v = small.data[i]!;
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  const canvas = new OffscreenCanvas(small.width, small.height);
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, small.width, small.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  return `data:image/jpeg;base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

type PageResult = Extract<ContentJobResult, { kind: 'page' }>;

async function run(job: Exclude<ContentJob, { kind: 'warm' }>): Promise<Omit<PageResult, 'id' | 'ok' | 'kind' | 'ms'>> {
  const m = await ocr();
  // Decoding a page takes a core for a while too: not while a picture check runs.
  await picture.pass();
  const g = await pageGrey(job);
  const read = await readPage(m, g, job.page, job.textOf ?? []);
  const { width, height } = read.upright;
  const fields: PageField[] = [];
  for (const f of read.fields)
    fields.push({
      ...f,
      page: job.page,
      box: displayedBox(f.box, width, height, read.section.rotation),
      crop: await cropUrl(read.upright, f.crop),
    });
  return { section: read.section, fields, ...(coldMs !== undefined ? { coldMs } : {}) };
}

let turn: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<ContentJobRequest | ContentGateMessage>) => {
  // Handled at once, between two model runs of the page being read (the jobs below wait their turn).
  if ('gate' in e.data) return picture.set(e.data.gate === 'pause');
  const { id, job } = e.data;
  turn = turn.then(async () => {
    const t0 = performance.now();
    try {
      if (job.kind === 'warm') {
        await ocr();
        const msg: ContentJobResult = {
          id,
          ok: true,
          kind: 'warm',
          ms: performance.now() - t0,
          ...(coldMs ? { coldMs } : {}),
        };
        self.postMessage(msg);
        return;
      }
      if (job.ordinary) {
        const lines = await ordinaryOcr(await ocr(), await pageGrey(job), job.ordinary);
        const msg: ContentJobResult = { id, ok: true, kind: 'ordinary', lines, ms: performance.now() - t0 };
        self.postMessage(msg);
        return;
      }
      const r = await run(job);
      coldMs = undefined;
      const msg: ContentJobResult = { id, ok: true, kind: 'page', ...r, ms: performance.now() - t0 };
      self.postMessage(msg);
    } catch (err) {
      const msg: ContentJobResult = { id, ok: false, error: errorText(err) };
      self.postMessage(msg);
    }
  });
};
