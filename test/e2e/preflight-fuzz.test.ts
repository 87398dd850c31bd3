import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOne, fuzzSeeds } from '../fixtures/fuzzRun';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { PreflightEngine } from '../support/preflight';

/**
 * Damaged files never hang or crash the engine: each mutated PDF gets a verdict within 5 s. The
 * full run (≥ 1,000 files) is `npm run fuzz:preflight`; here a smaller one, its seed printed so a
 * failure can be replayed with FUZZ_SEED.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 40);
const BASE = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let browser: ExtensionBrowser;
let engine: PreflightEngine;
let seeds: Uint8Array[];
const crashes: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  const kit = await FixtureKit.open(browser.context);
  seeds = await fuzzSeeds(kit);
  await kit.close();
  engine = await PreflightEngine.open(browser);
  engine.page.on('crash', () => crashes.push('page crashed'));
  engine.page.on('pageerror', (e) => crashes.push(e.message));
});
afterAll(async () => browser?.close());

describe(`fuzz (FUZZ_SEED=${BASE}, ${COUNT} files)`, () => {
  it('answers every mutated file within 5 s without crashing the page', async () => {
    const bad: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const o = await fuzzOne(engine, seeds, BASE + i);
      if (o.error || !o.verdict) bad.push(`seed ${o.seed} (${o.kind}): ${o.error ?? 'no verdict'}`);
      if (crashes.length) break;
    }
    expect(crashes, `FUZZ_SEED=${BASE}`).toEqual([]);
    expect(bad, `FUZZ_SEED=${BASE}`).toEqual([]);
    // The page is still alive and still judges a valid file (a 40-dpi scan: its resolution fails).
    const r = await engine.check(seeds[0]!, { skipNumber: true });
    expect(r.report.pages).toBe(12);
    expect(r.report.issues.filter((i) => i.code === 'low-resolution')).toHaveLength(12);
  });
});
