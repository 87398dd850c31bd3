/** Pixel work the fix page hands to its workers: one picture per job, results in any order. */

export type FixJob =
  /** A scan's JPEG decoded at `width`×`height` inside the decoder and encoded again. */
  | { kind: 'reencode'; bytes: ArrayBuffer; width: number; height: number; quality: number }
  /** An RGBA raster (a page pdf.js rendered) encoded as JPEG. */
  | { kind: 'encode'; pixels: ArrayBuffer; width: number; height: number; quality: number }
  /** A phone photo or scan of one page: crop to the sheet, correct perspective and tilt, turn upright. */
  | {
      kind: 'straighten';
      bytes: ArrayBuffer;
      mime: string;
      rotate: number;
      quality: number;
      maxDpi: number;
      fromPdf: boolean;
    }
  /** A photo (JPEG/PNG/WebP, EXIF orientation honoured) turned by `rotate` and sized for an A4 page. */
  | { kind: 'photo'; bytes: ArrayBuffer; mime: string; rotate: number; maxDpi: number; quality: number }
  /** A small picture for the editor and the assemble list. */
  | { kind: 'thumb'; bytes: ArrayBuffer; mime: string; rotate: number; width: number; fromPdf: boolean }
  /** The top of a cover page at ~150 dpi as a greyscale PGM, for the page-1 number reader. */
  | { kind: 'coverCrop'; bytes: ArrayBuffer; rotate: number; shortSideMm: number };

export interface FixJobRequest {
  id: number;
  job: FixJob;
}

export interface JobOutput {
  /** JPEG bytes (or PGM for coverCrop). */
  bytes: ArrayBuffer;
  width: number;
  height: number;
  /** straighten: what was done, for the admin. */
  notes?: string[];
  /** straighten / photo: the output's resolution on an A4 sheet. */
  dpi?: number;
}

export type FixJobResult =
  ({ id: number; ok: true; ms: number } & JobOutput) | { id: number; ok: false; error: string };
