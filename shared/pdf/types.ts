import { z } from 'zod';
import { LocalRule } from '../api/localRules';
import { CONTENT_ISSUE_CODES, type Evidence } from './content/codes';
import type { ContentFacts, PageSectionFacts } from './content/facts';
import type { PreflightFacts } from './facts';

/**
 * The preflight contract: what the analysis page is given, what it measures ("facts"), and the
 * report it answers with. The engine in extension/pdf measures; the rules in this folder judge.
 */

export type Severity = 'fail' | 'warn' | 'info';

/** Stable English codes; the Chinese text for each lives in messages.ts. */
export const ISSUE_CODES = [
  'empty',
  'not-pdf',
  'corrupt',
  'encrypted',
  'too-large',
  'page-count',
  'huge-image',
  'not-scanned',
  'blank-page',
  'blurry-page',
  'stained-page',
  'duplicate-page',
  'orientation',
  'skew',
  'low-resolution',
  'background-border',
  'shadow',
  'no-seal',
  'number-mismatch',
  'number-unreadable',
  'number-format',
  'unchecked-pages',
  // What is written on the form (shared/pdf/content/): after the picture report.
  ...CONTENT_ISSUE_CODES,
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** 1-based page number when the issue is about one page. */
  page?: number;
  message: string;
  /** Content findings: where on which page, the crop read and what was read. */
  evidence?: Evidence[];
}

export type Verdict = 'pass' | 'warn' | 'fail';

/**
 * How the benchmark's baseline recognises the lines it found: `ppocr` as PaddleOCR's TextRecognizer
 * (six lines a batch sorted by shape, each batch padded to its widest and to at least 320 px);
 * `ownLines` one line a run at its own width with a little paper around, as the reader does.
 */
export const OrdinaryOcr = z.enum(['ppocr', 'ownLines']);
export type OrdinaryOcr = z.infer<typeof OrdinaryOcr>;

/** What the caller (upload panel, CLI, tests) posts to the analysis page. */
export const PreflightRequest = z.object({
  type: z.literal('laa-preflight'),
  bytes: z.instanceof(ArrayBuffer),
  fileName: z.string().max(1000).default('document.pdf'),
  member: z
    .object({
      devNumber: z.string().max(32).optional(),
      joinedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      /** 姓名 in the system: compared with the names written on the form. */
      name: z.string().max(64).optional(),
      /** 出生日期 as the caller knows it (the CLI's --birth). */
      birthDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .optional(),
  options: z
    .object({
      expectedPages: z.number().int().min(1).max(1000).optional(),
      /** Skip the page-1 number (no OCR): for callers that only need the rest. */
      skipNumber: z.boolean().optional(),
      /** Attach the measured facts to the report (calibration, the CLI's --facts). */
      includeFacts: z.boolean().optional(),
      /** Skip reading what is written (no content stage, no `content` event). */
      skipContent: z.boolean().optional(),
      /**
       * Benchmark baseline: the content stage runs PP-OCR's ordinary pipeline (whole pages at the
       * detector's default size, every line recognised) instead of the reader, and finds nothing.
       * `ppocr`: lines recognised as PaddleOCR does it; `ownLines`: as the reader does (OrdinaryOcr).
       */
      ordinaryOcr: OrdinaryOcr.optional(),
      /** Committees' own requirements for the content (set above this organisation, read from the worker). */
      localRules: z.array(LocalRule).max(60).optional(),
    })
    .optional(),
});
export type PreflightRequest = z.input<typeof PreflightRequest>;

export type PreflightStage = 'quick' | 'pages' | 'number' | 'content' | 'done';

/**
 * Sent over the MessageChannel port while a check runs. The picture report comes as fast as
 * before (`{ kind: 'report' }`); when `report.contentPending`, progress of stage `content` (done /
 * total pages read: “正在读取内容… 第 7/12 页”) and then `{ kind: 'content' }` follow, the last
 * message. Without content reading (`skipContent`, or a file that failed before its pages were
 * read) the report is the last message.
 */
export type PreflightEvent =
  | { kind: 'progress'; stage: PreflightStage; done: number; total: number; ms: number }
  | { kind: 'quick'; verdict: Verdict; issues: Issue[]; pages: number | null; ms: number }
  | { kind: 'report'; report: PreflightReport }
  | { kind: 'content'; content: ContentReport }
  | { kind: 'error'; message: string };

/** What was read from the form, judged: the findings that follow the picture report. */
export interface ContentReport {
  /** The whole file's verdict: the picture report's issues and these together. */
  verdict: Verdict;
  /** Content findings only (codes from shared/pdf/content/codes.ts), each with its evidence. */
  issues: Issue[];
  /** Each page's section (the seal check asks for the seal on the `approval` page). */
  sections: PageSectionFacts[];
  ms: { total: number; cold?: number };
  /** What was read, when asked for (`options.includeFacts`). Stays in the browser. */
  facts?: ContentFacts;
}

export interface PreflightReport {
  fileName: string;
  verdict: Verdict;
  issues: Issue[];
  /** Page count, or null when the file could not be read as a PDF. */
  pages: number | null;
  bytes: number;
  /** Lowercase hex SHA-256 of the file: the worker stores this, never the file. */
  sha256: string;
  /** The 发展团员编号 read from page 1 and where it came from. */
  page1Number?: { value: string; source: 'text' | 'ocr' };
  /** Pages where a round red seal was found (1-based). */
  sealPages: number[];
  /** Small JPEG data URLs (96 px wide), index = page − 1, '' for a page without a picture. */
  thumbnails: string[];
  /** Per-stage timings in milliseconds, from the bytes in the engine. */
  ms: PreflightFacts['ms'];
  /** The form's content is being read: a `content` event follows. */
  contentPending?: boolean;
  /** The measurements behind the verdict, when asked for (`options.includeFacts`). */
  facts?: Omit<PreflightFacts, 'thumbnails'>;
}
