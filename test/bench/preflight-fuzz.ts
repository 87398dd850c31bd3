/**
 * `npm run fuzz:preflight`: at least 1,000 mutated PDFs through the engine in Chromium. Each must
 * get a verdict within 5 s and the page must not crash. FUZZ_COUNT and FUZZ_SEED replay a run.
 * Prints a summary per mutation kind and, last, one JSON line.
 */
import { fuzzOne, fuzzSeeds, type FuzzOutcome } from '../fixtures/fuzzRun';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension } from '../support/chromium';
import { ensureBuilt } from '../support/ensureBuilt';
import { PreflightEngine } from '../support/preflight';

const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
const BASE = Number(process.env.FUZZ_SEED ?? 1);
ensureBuilt();
const browser = await launchWithExtension();
const kit = await FixtureKit.open(browser.context);
const seeds = await fuzzSeeds(kit);
await kit.close();
let engine = await PreflightEngine.open(browser);
let crashes = 0;
const watch = (e: PreflightEngine) => e.page.on('crash', () => crashes++);
watch(engine);
const outcomes: FuzzOutcome[] = [];
const t0 = Date.now();
for (let i = 0; i < COUNT; i++) {
  if (process.env.FUZZ_TRACE) console.log(`seed ${BASE + i}`);
  const o = await fuzzOne(engine, seeds, BASE + i);
  outcomes.push(o);
  if (o.error) {
    console.log(`seed ${o.seed} (${o.kind}): ${o.error}`);
    // A stuck or crashed page is replaced so the run goes on and counts every failure.
    await engine.close().catch(() => {});
    engine = await PreflightEngine.open(browser);
    watch(engine);
  }
  if ((i + 1) % 200 === 0) console.log(`${i + 1} files, ${Math.round((Date.now() - t0) / 1000)} s`);
}
await browser.close();
const byKind = new Map<
  string,
  { n: number; fail: number; pass: number; warn: number; errors: number; maxMs: number }
>();
for (const o of outcomes) {
  const k = byKind.get(o.kind) ?? { n: 0, fail: 0, pass: 0, warn: 0, errors: 0, maxMs: 0 };
  k.n++;
  if (o.verdict) k[o.verdict]++;
  if (o.error) k.errors++;
  k.maxMs = Math.max(k.maxMs, o.ms);
  byKind.set(o.kind, k);
}
console.log('| mutation | files | pass | warn | fail | no verdict | slowest ms |\n|---|---|---|---|---|---|---|');
for (const [kind, k] of byKind)
  console.log(`| ${kind} | ${k.n} | ${k.pass} | ${k.warn} | ${k.fail} | ${k.errors} | ${k.maxMs} |`);
const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
const summary = {
  files: outcomes.length,
  seed: BASE,
  errors: outcomes.filter((o) => o.error).length,
  crashes,
  p50Ms: ms[Math.floor(ms.length / 2)],
  maxMs: ms[ms.length - 1],
  totalS: Math.round((Date.now() - t0) / 1000),
};
console.log(JSON.stringify(summary));
process.exit(summary.errors || crashes ? 1 : 0);
