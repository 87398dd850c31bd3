import type { LocalRule } from '../../../shared/api/localRules';
import type { ContentFacts, ContentMember, PageSectionFacts, ReadField } from '../../../shared/pdf/content/facts';
import type { SectionId } from '../../../shared/pdf/content/sections';
import { judgeContent } from '../../../shared/pdf/content/judge';
import { READER } from '../../../shared/pdf/content/thresholds';
import { verdictOf } from '../../../shared/pdf/judge';
import type { ContentReport, Issue, OrdinaryOcr, PreflightEvent } from '../../../shared/pdf/types';
import { PagePool } from '../pool';
import { handOutOrder } from './handOut';
import type { ContentGateMessage, ContentJob, ContentJobResult } from '../worker/contentProtocol';
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

let pictureChecks = 0;
const idle: (() => void)[] = [];
/**
 * How long the engine must have been free of picture checks before the reader starts a page. A
 * file posted right after another's verdict (the admin choosing again, a batch from the CLI) takes
 * over before the older file's reading has begun: no page is read only to be dropped, and the new
 * verdict has both cores. A third of a second is nothing beside a reading of several seconds, and
 * less is not enough: at 0.15 s bench:preflight's next file came after the reading had begun, and its
 * picture verdict shared the cores with it (fullMs 1,111 against ≈ 700).
 */
const SETTLE_MS = 300;
let quietSince = performance.now();
const gateMessage = (): ContentGateMessage => ({ gate: pictureChecks > 0 ? 'pause' : 'resume' });

export const contentPool = new PagePool<ContentJob, ContentJobResult>(
  Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2)),
  () => {
    const w = new Worker(new URL('../worker/contentWorker.ts', import.meta.url), { type: 'module' });
    // A worker started during a picture check (its first job, or a replacement) starts held too.
    if (pictureChecks > 0) w.postMessage(gateMessage());
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
  void pictureIdle().then(() => {
    for (let i = 0; i < 2; i++) void contentPool.run({ kind: 'warm', page: 0 });
  });
}

/**
 * Runs a picture check. Meanwhile no page is handed to the content reader, and the pages it is
 * reading wait before their next model run: the picture verdict has the cores as if nothing else ran.
 */
export async function pictureCheck<T>(work: () => Promise<T>): Promise<T> {
  if (pictureChecks++ === 0) contentPool.broadcast(gateMessage());
  try {
    return await work();
  } finally {
    if (--pictureChecks === 0) {
      quietSince = performance.now();
      contentPool.broadcast(gateMessage());
      for (const f of idle.splice(0)) f();
    }
  }
}

/** Resolves once no picture check has run for SETTLE_MS. */
async function pictureIdle(): Promise<void> {
  for (;;) {
    if (pictureChecks > 0) await new Promise<void>((r) => idle.push(r));
    const wait = quietSince + SETTLE_MS - performance.now();
    if (wait <= 0 && pictureChecks === 0) return;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

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
      await pictureIdle();
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
