import type { PixelMeasures } from '../analysis/analysePage';
import type { Raster } from '../analysis/raster';

/** Analysis width of a page's shorter side: ≈ 75 dpi on A4, where the rules' millimetres are set. */
export const ANALYSIS_SHORT_SIDE = 620;
/** Page 1's top area for OCR is decoded at twice that: ≈ 150 dpi, digits 20 px high. */
export const OCR_SCALE = 2;
/** The top fraction of page 1 where the form prints "编号：…". */
export const OCR_TOP_FRACTION = 0.16;

export type PageJob =
  | { kind: 'jpeg'; bytes: ArrayBuffer; rotate: number; shortSideMm: number; ocr: boolean }
  | { kind: 'raster'; raster: Raster; pxPerMm: number; ocrRaster?: Raster };

export interface PageJobRequest {
  id: number;
  job: PageJob;
}

export interface OcrCrop {
  width: number;
  height: number;
  /** Greyscale PGM (P5) file bytes: tesseract's Leptonica reads it without decoding work. */
  pgm: Uint8Array;
}

export type PageJobResult =
  | {
      id: number;
      ok: true;
      measures: PixelMeasures;
      thumbnail: string;
      ocr?: OcrCrop;
      /** From the page's arrival to its answer, and the pixel analysis alone (the worker's thread). */
      ms: number;
      analysisMs: number;
    }
  | { id: number; ok: false; error: string };
