import type { PageSectionFacts, ReadField } from '../../../shared/pdf/content/facts';
import type { SectionId } from '../../../shared/pdf/content/sections';
import type { OrdinaryOcr } from '../../../shared/pdf/types';
import type { Raster } from '../analysis/raster';

/**
 * Messages between the engine and its content workers (extension/pdf/worker/contentWorker.ts): one
 * page a job, the page's picture in, what was read on it out. Nothing here leaves the browser.
 */
export type ContentJob =
  /**
   * A JPEG scan, decoded by the worker at reading size and turned as the page shows it. `ordinary`:
   * PP-OCR's ordinary pipeline instead of the reader (the benchmark's baseline).
   */
  | {
      kind: 'jpeg';
      page: number;
      bytes: ArrayBuffer;
      rotate: number;
      shortSideMm: number;
      ordinary?: OrdinaryOcr;
      textOf?: SectionId[];
    }
  /** A page pdf.js drew (not a JPEG scan), already at reading size and as displayed. */
  | { kind: 'raster'; page: number; raster: Raster; ordinary?: OrdinaryOcr; textOf?: SectionId[] }
  /** Load the models now (when the engine's page opens), so the first file does not wait. */
  | { kind: 'warm'; page: 0 };

/** `textOf`: sections whose pages are read in full (a committee's local rule looks for a phrase there). */
export interface ContentJobRequest {
  id: number;
  job: ContentJob;
}

/**
 * Sent to every content worker, outside the jobs: hold before the next model run (a picture check
 * is running) or go on. Not answered.
 */
export interface ContentGateMessage {
  gate: 'pause' | 'resume';
}

/** A field as read, its crop already made into a small JPEG data URL. */
export type PageField = Omit<ReadField, 'crop'> & { crop: string };

export type ContentJobResult =
  | { id: number; ok: true; kind: 'page'; section: PageSectionFacts; fields: PageField[]; ms: number; coldMs?: number }
  | { id: number; ok: true; kind: 'warm'; ms: number; coldMs?: number }
  | { id: number; ok: true; kind: 'ordinary'; lines: number; ms: number }
  | { id: number; ok: false; error: string };
