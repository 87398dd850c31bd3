/**
 * Calibration of the content checks: synthetic filled-in forms (test/fixtures/content) — clean and
 * with each defect, in five scan families, two held out (printing B, the other Kai face) — read
 * by the real engine in Chromium with the production build. Prints, per code, how many of the
 * forms with that defect got the finding (recall) and how many findings were right (precision),
 * for the tuned and the held-out families; then every clean form's content findings; last, one
 * JSON line. Run: `npm run calibrate:content` (CONTENT_SEEDS=n forms per defect and family,
 * default 2; CONTENT_FAMILIES=id,id to run some families only, in that order; CONTENT_MINUTES=m to stop starting
 * forms after m minutes). Forms go seed by seed across every family, so a sweep cut short by the
 * time limit still covers each family alike; each outcome is also appended to
 * .tmp/content-calibration.jsonl as it comes.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { CONTENT_ISSUE_CODES } from '../../shared/pdf/content/codes';
import { DEFECTS, type DefectId } from '../fixtures/content/defects';
import { CONTENT_FAMILIES, contentForm, type ContentFamily } from '../fixtures/content/generate';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension } from '../support/chromium';
import { checkContent } from '../support/contentCheck';
import { ensureBuilt } from '../support/ensureBuilt';
import { PreflightEngine } from '../support/preflight';

const SEEDS = Number(process.env.CONTENT_SEEDS ?? 2);
const CLEAN_SEEDS = Math.max(SEEDS * 2, 3);
const only = process.env.CONTENT_FAMILIES?.split(',');
const MINUTES = Number(process.env.CONTENT_MINUTES ?? Infinity);
/** In the order asked (a sweep cut short runs the first ones), else as listed. */
const families = only ? only.flatMap((o) => CONTENT_FAMILIES.filter((f) => f.id.startsWith(o))) : CONTENT_FAMILIES;

interface Outcome {
  family: ContentFamily;
  defect: DefectId | 'clean';
  seed: number;
  expected: string[];
  /** Content codes raised as fail or warn (info aside). */
  found: string[];
  /** Pages each found code named. */
  pages: Record<string, number[]>;
  ms: number;
}

ensureBuilt();
const b = await launchWithExtension();
const kit = await FixtureKit.open(b.context);
const engine = await PreflightEngine.open(b);
const outcomes: Outcome[] = [];
const t0 = performance.now();

/** Seed by seed, every family before the next seed: what a cut-short sweep ran is even across families. */
const cases: [ContentFamily, DefectId | 'clean', number][] = [];
for (let s = 1; s <= Math.max(SEEDS, CLEAN_SEEDS); s++)
  for (const family of families) {
    if (s <= CLEAN_SEEDS) cases.push([family, 'clean', s]);
    if (s <= SEEDS) for (const d of DEFECTS) cases.push([family, d, s]);
  }
mkdirSync('.tmp', { recursive: true });
const log = '.tmp/content-calibration.jsonl';
writeFileSync(log, '');
let skipped = 0;

for (const [family, defect, s] of cases) {
  if (performance.now() - t0 > MINUTES * 60_000) {
    skipped++;
    continue;
  }
  const seed = (family.heldOut ? 500 : 0) + s;
  const form = await contentForm(kit, family, defect, seed);
  const r = await checkContent(engine, form.pdf, {
    member: { name: form.member.name, joinedOn: form.member.joinedOn, devNumber: form.member.devNumber },
    localRules: [form.localRule],
  });
  const content = (r.content?.issues ?? []).filter((i) => i.severity !== 'info');
  const pages: Record<string, number[]> = {};
  for (const i of content) (pages[i.code] ??= []).push(...(i.page ? [i.page] : []));
  const found = [...new Set(content.map((i) => i.code))];
  const o: Outcome = {
    family,
    defect,
    seed,
    expected: form.expected.map((e) => e.code),
    found,
    pages,
    ms: r.contentMs - r.reportMs,
  };
  outcomes.push(o);
  appendFileSync(log, `${JSON.stringify({ ...o, family: family.id })}\n`);
  process.stderr.write(`${family.id} ${defect} ${seed}: ${found.join(' ') || '—'} (${Math.round(o.ms / 1000)} s)\n`);
}
await b.close();

const lines: string[] = [];
const pct = (a: number, n: number) => (n === 0 ? '–' : `${Math.round((100 * a) / n)} % (${a}/${n})`);
for (const heldOut of [false, true]) {
  const set = outcomes.filter((o) => o.family.heldOut === heldOut);
  if (set.length === 0) continue;
  lines.push(
    `#### ${heldOut ? 'held-out families' : 'calibration families'}: ${[...new Set(set.map((o) => o.family.id))].join(', ')}`,
    '',
  );
  lines.push(
    '| code | forms with the defect | found (recall) | findings | right (precision) |',
    '|---|---|---|---|---|',
  );
  for (const code of CONTENT_ISSUE_CODES) {
    if (code === 'content-unreadable') continue;
    const defective = set.filter((o) => o.expected.includes(code));
    const hit = defective.filter((o) => o.found.includes(code)).length;
    const raised = set.filter((o) => o.found.includes(code));
    const right = raised.filter((o) => o.expected.includes(code)).length;
    if (defective.length === 0 && raised.length === 0) continue;
    lines.push(
      `| \`${code}\` | ${defective.length} | ${pct(hit, defective.length)} | ${raised.length} | ${pct(right, raised.length)} |`,
    );
  }
  const clean = set.filter((o) => o.defect === 'clean');
  const noisy = clean.filter((o) => o.found.length > 0);
  lines.push(
    '',
    `Clean forms: ${clean.length}, with a content finding: ${noisy.length}${noisy.length ? ` (${noisy.map((o) => `${o.family.id} seed ${o.seed}: ${o.found.join(', ')}`).join('; ')})` : ''}.`,
    '',
  );
}
const misses = outcomes.filter(
  (o) => o.expected.some((c) => !o.found.includes(c)) || o.found.some((c) => !o.expected.includes(c)),
);
lines.push('Forms where the findings differ from the ground truth:', '');
for (const o of misses)
  lines.push(
    `- ${o.family.id} ${o.defect} seed ${o.seed}: expected ${o.expected.join(', ') || 'nothing'}, found ${o.found.join(', ') || 'nothing'}`,
  );
const text = lines.join('\n');
console.log(text);
writeFileSync('.tmp/content-calibration.md', text);
const recall = (heldOut: boolean) => {
  const d = outcomes.filter((o) => o.family.heldOut === heldOut && o.expected.length > 0);
  return d.length ? d.filter((o) => o.expected.every((c) => o.found.includes(c))).length / d.length : null;
};
console.log(
  JSON.stringify({
    forms: outcomes.length,
    cleanWithFindings: outcomes.filter((o) => o.defect === 'clean' && o.found.length > 0).length,
    recallTuned: recall(false),
    recallHeldOut: recall(true),
    skippedForTime: skipped,
    medianContentMs: outcomes.map((o) => o.ms).sort((a, b) => a - b)[Math.floor(outcomes.length / 2)] ?? null,
    minutes: Math.round((performance.now() - t0) / 6000) / 10,
  }),
);
