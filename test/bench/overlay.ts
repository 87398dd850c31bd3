/**
 * `npm run bench:overlay`: the overlay on the replica's 1,000-row list in headless Chromium with
 * the production build. A full pass is a page change that replaces all 1,000 rows (Vue reuses the
 * `<tr>`s, so every mark is recomputed); its scripting time is the content script's own
 * `laa:pass` measure (read, compute, write). The baseline is the same pass with every feature
 * switched off: the rows are still read (and kept), nothing is marked. Layout events are counted
 * from a Chrome DevTools Protocol trace of one full pass. The last line printed is JSON.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { FEATURES } from '../../extension/features';
import type { ExtensionBrowser } from '../support/chromium';
import { startReplica } from '../support/replica';

const ROOT = resolve(import.meta.dirname, '../..');
process.env.LAA_OUT_DIR ??= '.tmp/out-bench-overlay';
// After the output folder is chosen: the launcher reads it when loaded.
const { launchWithExtension } = await import('../support/chromium');
const OUT = resolve(ROOT, process.env.LAA_OUT_DIR, 'chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIST = '/zhtj/center/tuanyuan/recordlist';

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
}

/** Everything injected into a member-list page at load: the manifest's content scripts and styles. */
function contentScriptGzipBytes(): number {
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(OUT, f)), { level: 9 }).length, 0);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  cat: string;
}

const firstName = (page: Page) =>
  page.evaluate(() => document.querySelector('.el-table__body-wrapper tr.el-table__row')?.textContent ?? '');

interface FlipFigures {
  /** CPU time of the pass over all the new rows: the trace's thread time of the callback running it. */
  cpuMs: number;
  /** The trace had no event of the pass's own: `cpuMs` is its wall time. */
  fromWall: boolean;
  /** Wall time of that pass, from the content script's own `laa:pass` measure. */
  wallMs: number;
  /**
   * Layout events the pass causes: those inside it (forced by reading after writing) plus the
   * one that lays out the frame showing its rows and marks.
   */
  layouts: number;
  layoutsInPass: number;
  /** Every Layout from the pass until the page settled, the host's own included (its transitions …). */
  layoutsToSettle: number;
}

/**
 * Goes to the next (or previous) page under a DevTools trace, waits for the new rows and the pass
 * over them, and reads the pass's figures from the trace. Thread time, not wall time: the
 * machine is shared, and wall time counts whatever else it runs meanwhile.
 */
async function flip(browser: ExtensionBrowser, page: Page, rows: number, marked: boolean): Promise<FlipFigures> {
  await page.evaluate(() => performance.clearMeasures('laa:pass'));
  const before = await firstName(page);
  const cdp = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const next = page.locator('.el-pagination .btn-next');
  await ((await next.isDisabled()) ? page.locator('.el-pagination .btn-prev') : next).click();
  await page.waitForFunction(
    (b) => (document.querySelector('.el-table__body-wrapper tr.el-table__row')?.textContent ?? '') !== b,
    before,
  );
  if (marked)
    await page.waitForFunction(
      () => document.querySelector('.el-table__body-wrapper tr.el-table__row [data-laa-mark]') !== null,
    );
  await page.waitForTimeout(400);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The pass over the new rows: the one that read them all.
  const measures = await page.evaluate(() =>
    performance
      .getEntriesByName('laa:pass')
      .map((e) => ({ wall: e.duration, read: ((e as PerformanceMeasure).detail as { read: number }).read })),
  );
  const which = measures.findIndex((m) => m.read === rows);
  if (which < 0) throw new Error(`no pass read ${rows} rows: ${JSON.stringify(measures)}`);
  const begins = events
    .filter((e) => e.name === 'laa:pass' && (e.ph === 'b' || e.ph === 'B'))
    .sort((x, y) => x.ts - y.ts);
  const ends = events
    .filter((e) => e.name === 'laa:pass' && (e.ph === 'e' || e.ph === 'E'))
    .sort((x, y) => x.ts - y.ts);
  const start = begins[which]!.ts;
  const end = ends[which]!.ts;
  const enclosing = events
    .filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.ts <= start && e.ts + (e.dur ?? 0) >= end)
    .sort((x, y) => (x.dur ?? 0) - (y.dur ?? 0))[0];
  if (!enclosing && process.env.BENCH_DEBUG) {
    const around = events
      .filter((e) => e.ph === 'X' && e.ts <= start && e.ts + (e.dur ?? 0) >= end)
      .map((e) => `${e.name}:${e.dur}:${e.tdur}`);
    console.error('no FunctionCall around the pass; enclosing:', around.join(' '), 'pass', end - start);
  }
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X').sort((x, y) => x.ts - y.ts);
  const inPass = layouts.filter((e) => e.ts >= start && e.ts <= end).length;
  const frame = layouts.some((e) => e.ts > end) ? 1 : 0;
  return {
    // When the pass ran inside the host's own event dispatch (no callback event of its own in the
    // trace), its wall time stands in: never less than its thread time.
    cpuMs: enclosing?.tdur !== undefined ? enclosing.tdur / 1000 : measures[which]!.wall,
    fromWall: enclosing?.tdur === undefined,
    wallMs: measures[which]!.wall,
    layouts: inPass + frame,
    layoutsInPass: inPass,
    layoutsToSettle: layouts.filter((e) => e.ts >= start).length,
  };
}

async function setAllFeatures(browser: ExtensionBrowser, on: boolean): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const features = Object.fromEntries(FEATURES.map((f) => [f.id, on]));
  await page.evaluate((f) => chrome.runtime.sendMessage({ type: 'setSettings', payload: { features: f } }), features);
  await page.close();
}

async function openList(page: Page, replicaUrl: (p: string) => string, marked: boolean): Promise<void> {
  await page.goto(replicaUrl(LIST));
  await page.waitForFunction(
    () => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length >= 1000,
    undefined,
    { timeout: 60_000 },
  );
  if (marked)
    await page.waitForFunction(
      () => document.querySelector('.el-table__body-wrapper tr.el-table__row [data-laa-mark]') !== null,
    );
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  build();
  const gzip = contentScriptGzipBytes();
  const replica = await startReplica({ seed: 3, size: 2000, variant: { bigPage: true } });
  const browser = await launchWithExtension({ args: replica.chromiumArgs });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await replica.login(page, 'tzb');

    await openList(page, replica.url, true);
    await flip(browser, page, 1000, true); // warm-up: the first page change compiles the paths
    const full: FlipFigures[] = [];
    for (let i = 0; i < RUNS; i++) full.push(await flip(browser, page, 1000, true));
    const marks = await page.locator('.el-table__body-wrapper [data-laa-mark]').count();

    await page.locator('.el-pagination__sizes .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '50条/页' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length === 50,
    );
    await flip(browser, page, 50, true);
    const repaginate: FlipFigures[] = [];
    for (let i = 0; i < RUNS; i++) repaginate.push(await flip(browser, page, 50, true));

    await setAllFeatures(browser, false);
    await openList(page, replica.url, false);
    await flip(browser, page, 1000, false);
    const baseline: FlipFigures[] = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await flip(browser, page, 1000, false));
    await setAllFeatures(browser, true);

    const cpu = (xs: FlipFigures[]) => round(median(xs.map((x) => x.cpuMs)));
    const wall = (xs: FlipFigures[]) => round(median(xs.map((x) => x.wallMs)));
    const layouts = Math.max(...full.map((x) => x.layouts));
    const result = {
      rows: 1000,
      runs: RUNS,
      annotateMs: cpu(full),
      annotateRunsMs: full.map((x) => round(x.cpuMs)),
      annotateRunsFromWallTime: full.filter((x) => x.fromWall).length,
      annotateWallMs: wall(full),
      repaginateMs: cpu(repaginate),
      repaginateWallMs: wall(repaginate),
      baselineMs: cpu(baseline),
      baselineWallMs: wall(baseline),
      layouts,
      layoutsInPass: Math.max(...full.map((x) => x.layoutsInPass)),
      layoutsToSettle: Math.max(...full.map((x) => x.layoutsToSettle)),
      baselineLayouts: Math.max(...baseline.map((x) => x.layouts)),
      baselineLayoutsToSettle: Math.max(...baseline.map((x) => x.layoutsToSettle)),
      marks,
      contentScriptGzipBytes: gzip,
      targets: { annotateMs: 25, layouts: 2, contentScriptGzipBytes: 60 * 1024 },
    };
    console.log(
      `full pass over 1000 new rows: median ${result.annotateMs} ms CPU (${result.annotateWallMs} ms wall)  [${result.annotateRunsMs.join(', ')}]`,
    );
    console.log(
      `page change of 50 rows: ${result.repaginateMs} ms CPU; baseline (features off, reading only): ${result.baselineMs} ms CPU (${result.baselineWallMs} ms wall)`,
    );
    console.log(
      `layouts caused by a full pass: ${layouts} (inside the pass ${result.layoutsInPass}; until the page settled, host's own included: ${result.layoutsToSettle}, baseline ${result.baselineLayoutsToSettle}); ${marks} marks; content script ${gzip} B gzipped`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await replica.close();
  }
}

await main();
