import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Raster } from './analysis/raster';

/**
 * The slow path for pages whose scan is not a JPEG (Flate, CCITT, JBIG2, JPEG 2000): pdf.js renders
 * the page, its worker decoding the image. Slower, never wrong. Loaded only when a file needs it.
 */
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfjsSession {
  render(pageIndex: number, shortSidePx: number): Promise<Raster>;
  text(pageIndex: number): Promise<string>;
  close(): Promise<void>;
}

/** Where the extension ships pdf.js's wasm decoders (OpenJPEG, JBIG2): see wxt.config.ts. */
export function assetUrl(path: string): string {
  return new URL(path, globalThis.location?.href ?? 'chrome-extension://invalid/').href;
}

/** One pdf.js worker for the page's lifetime: a worker per document leaks memory check after check. */
let sharedWorker: pdfjs.PDFWorker | undefined;

export async function openPdfjs(bytes: Uint8Array): Promise<PdfjsSession> {
  sharedWorker ??= new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({
    worker: sharedWorker,
    data: bytes.slice(),
    wasmUrl: assetUrl('/pdfjs/wasm/'),
    isEvalSupported: false,
    disableFontFace: false,
    stopAtErrors: false,
  });
  const doc = await task.promise.catch(async (e: unknown) => {
    await task.destroy();
    throw e;
  });
  return {
    async render(pageIndex, shortSidePx) {
      const page = await doc.getPage(pageIndex + 1);
      const base = page.getViewport({ scale: 1 });
      const scale = shortSidePx / Math.min(base.width, base.height);
      const vp = page.getViewport({ scale });
      const w = Math.round(vp.width),
        h = Math.round(vp.height);
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport: vp,
      }).promise;
      const img = ctx.getImageData(0, 0, w, h);
      page.cleanup();
      // Free the canvas's backing store now, not at some later collection.
      canvas.width = canvas.height = 0;
      return { width: w, height: h, data: img.data };
    },
    async text(pageIndex) {
      const page = await doc.getPage(pageIndex + 1);
      const content = await page.getTextContent();
      return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
    },
    async close() {
      await task.destroy();
    },
  };
}
