/**
 * `npm run bench:content`: reading what is written on a 12-page, 300-dpi form, in headless Chromium
 * with the built extension. Prints its figures and, last, one JSON line:
 * - contentMs: the content stage of a warm check (models loaded), median of BENCH_RUNS (≥ 5);
 * - contentColdMs: the content stage of the first check after the engine page opens (models loading);
 * - fullPageOcrMs: PP-OCR's ordinary pipeline on the same pages in the same workers (detection at
 *   the model's default size on each whole page, every line found recognised as PaddleOCR's
 *   TextRecognizer does: six a batch, each padded to its widest and to at least 320 px), median of 3;
 * - ratio = fullPageOcrMs / contentMs;
 * - ownLinesOcrMs, ownLinesRatio: the same pipeline with its lines recognised as the reader does
 *   (one a run, at its own width, a little paper around): what reading only what is needed saves
 *   beside the detector and recogniser alone;
 * - firstVerdictMs: the picture verdict (the report) of the warm checks, median, content following;
 * - modelBytesGz: what the reader adds to the package, gzipped (models, dictionary, onnxruntime's wasm);
 * - peakMemoryMB: peak rise of the resident memory of all the browser's processes during a warm
 *   check, sampled every 50 ms (as bench:preflight).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../support/chromium';
import { CONTENT_FAMILIES, contentForm } from '../fixtures/content/generate';
import { FixtureKit } from '../fixtures/kit';
import { ensureBuilt } from '../support/ensureBuilt';
import { PreflightEngine } from '../support/preflight';
import { browserPid, treeRssMB } from '../support/procMemory';
import type { OrdinaryOcr } from '../../shared/pdf/types';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = Math.round;

function modelBytesGz(): number {
  const files = ['ocr/ppocr/det.onnx', 'ocr/ppocr/rec.onnx', 'ocr/ppocr/keys.txt'].map((f) => join(EXTENSION_DIR, f));
  const assets = join(EXTENSION_DIR, 'assets');
  for (const f of readdirSync(assets)) if (/^ort-wasm.*\.wasm$/.test(f)) files.push(join(assets, f));
  return files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

ensureBuilt();
const browser = await launchWithExtension();
const pid = browserPid(browser.profileDir);
try {
  // A clean filled-in form of printing A, a flatbed scan at 300 dpi (h14b's generator, test/fixtures/content).
  const kit = await FixtureKit.open(browser.context);
  const form = await contentForm(
    kit,
    CONTENT_FAMILIES.find((f) => f.id === 'scanner-A-ukai')!,
    'clean',
    71,
  );
  await kit.close();
  const bytes = form.pdf;
  const member = { name: form.member.name, joinedOn: form.member.joinedOn, devNumber: form.member.devNumber };
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    `fixture: 12 pages, 300 dpi JPEG scan of a filled form, ${(bytes.length / 1e6).toFixed(1)} MB; load ${load.join(' ')}`,
  );
  const cold = await (await PreflightEngine.open(browser)).check(bytes, { content: true, member });
  const contentColdMs = cold.contentWallMs! - cold.wallMs;
  console.log(
    `cold: picture ${round(cold.wallMs)} ms, content ${round(contentColdMs)} ms (models ${round(cold.content!.ms.cold ?? 0)} ms)`,
  );
  const engine = await PreflightEngine.open(browser);
  await engine.check(bytes, { content: true, member });
  const content: number[] = [],
    verdict: number[] = [],
    peaks: number[] = [];
  let last = cold;
  for (let i = 0; i < RUNS; i++) {
    const base = treeRssMB(pid);
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(pid))), 50);
    last = await engine.check(bytes, { content: true, member });
    clearInterval(timer);
    peaks.push(Math.max(peak, treeRssMB(pid)) - base);
    content.push(last.content!.ms.total);
    verdict.push(last.wallMs);
  }
  const c = last.content!;
  console.log(
    `content findings on the clean form: ${c.issues.map((i) => `${i.code}:${i.severity}`).join(' ') || 'none'}`,
  );
  console.log(`sections: ${c.sections.map((s) => `${s.page}:${s.section ?? '?'}`).join(' ')}`);
  console.log(
    `warm content (ms): ${content.map(round).join(' ')}; picture verdicts (ms): ${verdict.map(round).join(' ')}`,
  );
  const baseline = async (lines: OrdinaryOcr) => {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++)
      ms.push((await engine.check(bytes, { content: true, ordinaryOcr: lines })).content!.ms.total);
    return ms;
  };
  const ordinary = await baseline('ppocr');
  console.log(`ordinary PP-OCR (ms): ${ordinary.map(round).join(' ')}`);
  const ownLines = await baseline('ownLines');
  console.log(`ordinary PP-OCR, lines read as the reader reads them (ms): ${ownLines.map(round).join(' ')}`);
  const contentMs = median(content);
  const fullPageOcrMs = median(ordinary);
  const result = {
    pages: 12,
    contentMs: round(contentMs),
    contentColdMs: round(contentColdMs),
    fullPageOcrMs: round(fullPageOcrMs),
    ratio: Math.round((fullPageOcrMs / contentMs) * 10) / 10,
    ownLinesOcrMs: round(median(ownLines)),
    ownLinesRatio: Math.round((median(ownLines) / contentMs) * 10) / 10,
    firstVerdictMs: round(median(verdict)),
    modelBytesGz: modelBytesGz(),
    peakMemoryMB: round(Math.max(...peaks)),
    runs: RUNS,
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
