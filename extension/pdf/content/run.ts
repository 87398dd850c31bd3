import type { LocalRule } from '../../../shared/api/localRules';
import type { ContentFacts, ContentMember, PageSectionFacts, ReadField } from '../../../shared/pdf/content/facts';
import type { SectionId } from '../../../shared/pdf/content/sections';
import { judgeContent } from '../../../shared/pdf/content/judge';
import { READER } from '../../../shared/pdf/content/thresholds';
import { verdictOf } from '../../../shared/pdf/judge';
import type { ContentReport, Issue, OrdinaryOcr, PreflightEvent } from '../../../shared/pdf/types';
import { PagePool } from '../pool';
import { handOutOrder } from './handOut';
import type { ContentJob, ContentJobResult } from '../worker/contentProtocol';
import { PictureGate } from './gate';
import { errorText } from '../../../shared/errorText';

/**
 * The content stage of a check: after the picture report, each page's picture goes to a content
 * worker (section, fields, evidence crops), then the rules in shared/pdf/content judge what was read.
 * It yields to picture checks: while a file's picture verdict is being made no page is handed out,
 * and the pages being read hold before their next model run.
 */

/** Where a page's picture comes from: its JPEG scan's bytes, or pdf.js drawing the page. */
export type ContentSource =
  | { page: number; kind: 'jpeg'; raw: Uint8Array; rotate: number; shortSideMm: number }
  | { page: number; kind: 'pdfjs'; shortSideMm: number };

/** A page being read may take long on a loaded machine; a stuck one is still given up. */
const PAGE_TIMEOUT_MS = 120_000;

// Picture checks hold the reader (its workers are told through the pool, made below).
const gate = new PictureGate((m) => contentPool.broadcast(m));

export const contentPool = new PagePool<ContentJob, ContentJobResult>(
  Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2)),
  () => {
    const w = new Worker(new URL('../worker/contentWorker.ts', import.meta.url), { type: 'module' });
    // A worker started during a picture check or its settle (its first job, or a replacement) starts held too.
    const held = gate.state;
    if (held) w.postMessage(held);
    return w;
  },
  PAGE_TIMEOUT_MS,
);

let warmed = false;

/**
 * Loads the models in both workers, once: after the first picture verdict, when the engine has
 * been free of picture checks for a moment (loading them takes seconds of both cores; it would
 * slow a verdict).
 */
export function warmContent(): void {
  if (warmed) return;
  warmed = true;
  void gate.settledIdle().then(() => {
    for (let i = 0; i < 2; i++) void contentPool.run({ kind: 'warm', page: 0 });
  });
}

/**
 * Runs a picture check. Meanwhile no page is handed to the content reader, and the pages it is
 * reading wait before their next model run until the engine has been free of checks for SETTLE_MS:
 * the picture verdict has the cores as if nothing else ran.
 */
export const pictureCheck = <T>(work: () => Promise<T>): Promise<T> => gate.check(work);

export interface ContentRun {
  sources: ContentSource[];
  pageCount: number;
  member: ContentMember;
  pictureIssues: Issue[];
  includeFacts: boolean;
  /** Renders a page with pdf.js at a short side in pixels (only for pages that are not JPEG scans). */
  render: (
    pageIndex: number,
    shortSidePx: number,
  ) => Promise<{ width: number; height: number; data: Uint8ClampedArray | Uint8Array }>;
  onProgress: (done: number, total: number) => void;
  /** The benchmark's baseline: PP-OCR's ordinary pipeline on every page instead of the reader. */
  ordinary?: OrdinaryOcr;
  /** Asked before each page: when a newer file is to be read, this one stops (its admin moved on). */
  superseded?: () => boolean;
  /** A committee's own requirements: the pages of their sections are read in full. */
  localRules?: readonly LocalRule[];
}

async function jobFor(s: ContentSource, run: ContentRun): Promise<{ job: ContentJob; transfer: Transferable[] }> {
  const textOf: SectionId[] = [...new Set((run.localRules ?? []).map((r) => r.section))];
  const extra = { ...(run.ordinary ? { ordinary: run.ordinary } : {}), ...(textOf.length ? { textOf } : {}) };
  if (s.kind === 'jpeg') {
    const bytes = s.raw.slice().buffer;
    const job: ContentJob = {
      kind: 'jpeg',
      page: s.page,
      bytes,
      rotate: s.rotate,
      shortSideMm: s.shortSideMm,
      ...extra,
    };
    return { job, transfer: [bytes] };
  }
  const raster = await run.render(s.page - 1, Math.round(s.shortSideMm * READER.pxPerMm));
  return { job: { kind: 'raster', page: s.page, raster, ...extra }, transfer: [raster.data.buffer as ArrayBuffer] };
}

/** Why a file's reading stopped half-way (its caller has stopped listening by then). */
export const SUPERSEDED = '已开始检查另一份文件，本文件的内容未读完';

export async function readContent(run: ContentRun): Promise<ContentReport> {
  const t0 = performance.now();
  const facts: ContentFacts = { pages: [], fields: [], crops: [], unreadPages: [], ms: { total: 0, pages: [] } };
  const readable = new Set(run.sources.map((s) => s.page));
  for (let p = 1; p <= run.pageCount; p++) if (!readable.has(p)) facts.unreadPages.push(p);
  let done = 0;
  let cold: number | undefined;
  run.onProgress(0, run.sources.length);
  const pages: PageSectionFacts[] = [];
  // Two pages in flight (one per worker), each handed out only when no picture check is running.
  const queue = handOutOrder(run.sources, run.pageCount);
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      await gate.settledIdle();
      if (run.superseded?.()) return;
      let r: ContentJobResult;
      try {
        const { job, transfer } = await jobFor(s, run);
        r = await contentPool.run(job, transfer);
      } catch (err) {
        r = { id: 0, ok: false, error: errorText(err) };
      }
      if (r.ok && r.kind === 'page') {
        pages.push(r.section);
        for (const { crop, ...f } of r.fields) {
          facts.crops.push(crop);
          facts.fields.push({ ...f, crop: facts.crops.length - 1 } satisfies ReadField);
        }
        facts.ms.pages!.push(Math.round(r.ms));
        if (r.coldMs !== undefined) cold = Math.max(cold ?? 0, r.coldMs);
      } else if (r.ok && r.kind === 'ordinary') facts.ms.pages!.push(Math.round(r.ms));
      else facts.unreadPages.push(s.page);
      run.onProgress(++done, run.sources.length);
    }
  };
  await Promise.all([worker(), worker()]);
  if (run.superseded?.()) throw new Error(SUPERSEDED);
  facts.pages = pages.sort((a, b) => a.page - b.page);
  // In page order whatever order the pages were read in: the rules show the first of equal readings.
  facts.fields.sort((a, b) => a.page - b.page);
  facts.unreadPages.sort((a, b) => a - b);
  facts.ms.total = performance.now() - t0;
  if (cold !== undefined) facts.ms.cold = cold;
  const issues = run.ordinary ? [] : judgeContent(facts, run.member, run.localRules ?? []);
  return {
    verdict: verdictOf([...run.pictureIssues, ...issues]),
    issues,
    sections: facts.pages,
    ms: { total: facts.ms.total, ...(cold !== undefined ? { cold } : {}) },
    ...(run.includeFacts ? { facts } : {}),
  };
}

/** What a file's check asked of its content stage (engine.ts's request, as far as reading goes). */
export interface ContentRequest {
  member?: { name?: string; joinedOn?: string; birthDate?: string };
  options?: { includeFacts?: boolean; ordinaryOcr?: OrdinaryOcr; localRules?: LocalRule[] };
}

/**
 * The content stage of a file whose picture report is made: its pages read when it is called (after
 * the report is sent), progress timed from `since`, the check's start. Pages that are not JPEG scans
 * are drawn by pdf.js from the file's `bytes`.
 */
export function contentStage(
  req: ContentRequest,
  pictureIssues: Issue[],
  file: { sources: ContentSource[]; pageCount: number; bytes: Uint8Array; since: number },
): (emit: (e: PreflightEvent) => void, superseded: () => boolean) => Promise<ContentReport> {
  return (emit, superseded) =>
    readContent({
      superseded,
      sources: file.sources,
      pageCount: file.pageCount,
      member: {
        ...(req.member?.name ? { name: req.member.name } : {}),
        ...(req.member?.joinedOn ? { joinedOn: req.member.joinedOn } : {}),
        ...(req.member?.birthDate ? { birthDate: req.member.birthDate } : {}),
      },
      pictureIssues,
      includeFacts: !!req.options?.includeFacts,
      ...(req.options?.ordinaryOcr ? { ordinary: req.options.ordinaryOcr } : {}),
      localRules: req.options?.localRules ?? [],
      render: async (index, shortSidePx) => {
        const s = await (await import('../pdfjsPages')).openPdfjs(file.bytes);
        try {
          return await s.render(index, shortSidePx);
        } finally {
          await s.close();
        }
      },
      onProgress: (done, total) =>
        emit({ kind: 'progress', stage: 'content', done, total, ms: performance.now() - file.since }),
    });
}
