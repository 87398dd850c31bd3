/**
 * Calibration of the preflight's page checks, through the real engine in Chromium: stains of every
 * kind × strength × family at sizes around the 10 mm and 30 mm steps, seals of every shape, ink and
 * strength, pages turned every way, sweeps of blur, ink and skew, and clean forms (covers, glued
 * photos, yellowed paper, grey and black-and-white scans) that must raise nothing. Thresholds were
 * tuned on the scanner and scan-app families; phone and Word are held out. Prints markdown tables
 * (docs/preflight.md) and, last, one JSON line. Run: `npm run calibrate:preflight`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import type { PagePixelFacts } from '../../shared/pdf/facts';
import type { Issue, PreflightReport } from '../../shared/pdf/types';
import { STAIN_KINDS, STAIN_STRENGTHS } from '../fixtures/browser/stains';
import { form, MEMBER, pagesPdf } from '../fixtures/forms';
import { FixtureKit, formSpecs, type Family, type PageSpec } from '../fixtures/kit';
import { launchWithExtension } from '../support/chromium';
import { ensureBuilt } from '../support/ensureBuilt';
import { PreflightEngine } from '../support/preflight';
import {
  CLEAN_FORMS,
  expectedFor,
  FAMILIES,
  SEAL_ALPHAS,
  SEAL_LESS,
  sealCases,
  stainCases,
  type CleanCase,
} from './preflight-cases';

ensureBuilt();
const b = await launchWithExtension();
const kit = await FixtureKit.open(b.context);
const engine = await PreflightEngine.open(b);
const lines: string[] = [];
const summary: Record<string, unknown> = {};
const nonInfo = (r: PreflightReport) => r.issues.filter((i) => i.severity !== 'info');
const flagOf = (r: PreflightReport, page: number | undefined, code: string) =>
  r.issues.find((i) => i.page === page && i.code === code)?.severity ?? '–';
const roleOf = (f: Family) => FAMILIES.find((x) => x.family === f)!.role;

/** Checks pages one per spec, a batch at a time (one file each), with their facts. */
async function checkPages(specs: PageSpec[]): Promise<{ report: PreflightReport; facts: (PagePixelFacts | null)[] }[]> {
  const out: { report: PreflightReport; facts: (PagePixelFacts | null)[] }[] = [];
  for (let i = 0; i < specs.length; i += 12) {
    const batch = specs.slice(i, i + 12);
    const { report } = await engine.check(await pagesPdf(kit, batch), {
      expectedPages: batch.length,
      skipNumber: true,
      includeFacts: true,
    });
    out.push({ report, facts: report.facts!.pixels });
  }
  return out;
}

/** Each spec's own page: the stain flag, its measured size, and any other finding on that page. */
async function perPage(specs: PageSpec[]) {
  const batches = await checkPages(specs);
  return specs.map((_, i) => {
    const { report, facts } = batches[Math.floor(i / 12)]!;
    const page = (i % 12) + 1;
    const issues = nonInfo(report).filter((x) => x.page === page);
    return { facts: facts[i % 12], issues };
  });
}

// ---- Stains: kind × strength × family ----
const stains = stainCases(STAIN_KINDS, STAIN_STRENGTHS);
const stainResults = await perPage(stains.map((c) => c.spec));
const cell = new Map<string, { due: number; found: number; graded: number; extra: number; clean: number }>();
const stainFalse: string[] = [];
for (const [i, c] of stains.entries()) {
  const { facts, issues } = stainResults[i]!;
  const want = expectedFor(c.size);
  const stain = issues.find((x) => x.code === 'stained-page');
  const other = issues.filter((x) => x.code !== 'stained-page');
  const key = `${c.kind}|${c.strength}|${c.family}`;
  const k = cell.get(key) ?? { due: 0, found: 0, graded: 0, extra: 0, clean: 0 };
  if (want === 'none') {
    k.clean++;
    if (stain) stainFalse.push(`${c.kind} ${c.strength} ${c.size} mm ${c.family}: ${stain.severity}`);
  } else {
    k.due++;
    if (stain) k.found++;
    if (stain?.severity === want) k.graded++;
  }
  k.extra += other.length;
  cell.set(key, k);
  summary[`stain/${key}/${c.size}`] = `${facts?.stainMm.toFixed(0)} mm ${stain?.severity ?? '–'}`;
}
const famCols = FAMILIES.map((f) => `${f.family}${f.role === 'held out' ? ' (held out)' : ''}`);
lines.push(
  '\n### stains: found / due (graded as the size scale asks), per kind × strength × family\n',
  `| kind | strength | ${famCols.join(' | ')} |`,
  `|---|---|${famCols.map(() => '---').join('|')}|`,
);
const totals = { tuned: { due: 0, found: 0, graded: 0 }, 'held out': { due: 0, found: 0, graded: 0 } };
let stainExtra = 0;
for (const kind of STAIN_KINDS)
  for (const strength of STAIN_STRENGTHS) {
    const row = FAMILIES.map(({ family, role }) => {
      const k = cell.get(`${kind}|${strength}|${family}`)!;
      totals[role].due += k.due;
      totals[role].found += k.found;
      totals[role].graded += k.graded;
      stainExtra += k.extra;
      return `${k.found}/${k.due} (${k.graded})`;
    });
    lines.push(`| ${kind} | ${strength} | ${row.join(' | ')} |`);
  }
lines.push(
  `\nTuned families: found ${totals.tuned.found}/${totals.tuned.due}, graded ${totals.tuned.graded}. ` +
    `Held-out families: found ${totals['held out'].found}/${totals['held out'].due}, graded ${totals['held out'].graded}. ` +
    `Stains under 10 mm flagged: ${stainFalse.length}${stainFalse.length ? ` (${stainFalse.join('; ')})` : ''}. ` +
    `Other findings on stained pages: ${stainExtra}.`,
);
summary.stains = { totals, stainFalse: stainFalse.length, stainExtra };

// ---- A phone's shadow over the sheet's edge: a shadow, never a stain ----
const shadowSpecs: PageSpec[] = [];
for (const side of [0, 1, 2, 3] as const)
  for (const strength of [0.5, 1])
    shadowSpecs.push({ family: 'phone', page: 3 + side * 2, seed: 70 + side, shadow: { side, depth: 0.2, strength } });
const shadowResults = await perPage(shadowSpecs);
const shadowFlags = shadowResults.map((r) => r.issues.map((x) => x.code).join('+') || 'none');
lines.push(
  '\n### a phone shadow over one edge (depth 20 % of the sheet; strength 0.5 and 1 per side)\n',
  `| side | ${['top', 'right', 'bottom', 'left'].join(' | ')} |`,
  '|---|---|---|---|---|',
  `| findings | ${[0, 1, 2, 3].map((s) => `${shadowFlags[s * 2]}, ${shadowFlags[s * 2 + 1]}`).join(' | ')} |`,
);
summary.shadowAsStain = shadowResults.filter((r) => r.issues.some((x) => x.code === 'stained-page')).length;

// ---- Seals: shape × ink × strength × place × family ----
const seals = sealCases();
const sealFound = await perPage(seals.map((c) => c.spec));
lines.push(
  '\n### seals on the 上级团委 page (its own seal left off): found at ink strength α, and stamped over text / a signature / a quarter off the edge (α 0.5)\n',
  `| family | shape | ink | ${SEAL_ALPHAS.map((a) => `α ${a}`).join(' | ')} | text | signature | edge |`,
  `|---|---|---|${[...SEAL_ALPHAS, 1, 2, 3].map(() => '---').join('|')}|`,
);
const floors: Record<string, number | null> = {};
for (const { family } of FAMILIES)
  for (const shape of ['round', 'oval'] as const)
    for (const ink of ['red', 'purple'] as const) {
      const idx = seals.flatMap((c, i) => (c.family === family && c.shape === shape && c.ink === ink ? [i] : []));
      const seen = idx.map((i) => (sealFound[i]!.facts?.seal ? '✓' : '✗'));
      const clear = idx.filter((i) => seals[i]!.place === 'clear');
      // The floor: the weakest strength from which every stronger one is found too.
      let floor: number | null = null;
      for (const i of [...clear].reverse()) {
        if (!sealFound[i]!.facts?.seal) break;
        floor = seals[i]!.alpha;
      }
      floors[`${family}/${shape}/${ink}`] = floor;
      lines.push(`| ${family} (${roleOf(family)}) | ${shape} | ${ink} | ${seen.join(' | ')} |`);
    }
summary.sealFloors = floors;

// ---- Orientation: every page of a form turned 90°, 180° and 270° on a portrait sheet ----
lines.push(
  '\n### turned pages (content turned on a portrait sheet): read right / 12 pages, wrong reading in brackets\n',
  '| family | 90° (sideways) | 180° (upside down) | 270° (sideways) |',
  '|---|---|---|---|',
);
const want = { 90: 'sideways', 180: 'upsideDown', 270: 'sideways' } as const;
const turnWrong: string[] = [];
for (const { family, role } of FAMILIES) {
  const row: string[] = [];
  for (const turn of [90, 180, 270] as const) {
    const res = await perPage(formSpecs({ family, seed: 80, turn }));
    const right = res.filter((r) => r.facts?.orientation === want[turn]).length;
    const wrong = res.flatMap((r, i) =>
      r.facts && r.facts.orientation !== want[turn] && r.facts.orientation !== 'unknown'
        ? [`p${i + 1} ${r.facts.orientation}`]
        : [],
    );
    turnWrong.push(...wrong.map((w) => `${family} ${turn}° ${w}`));
    row.push(`${right}/12${wrong.length ? ` (${wrong.join(', ')})` : ''}`);
  }
  lines.push(`| ${family} (${role}) | ${row.join(' | ')} |`);
}
summary.turnWrong = turnWrong;

// ---- Sweeps: blur, ink coverage, skew ----
interface Sweep {
  name: string;
  code: Issue['code'];
  sizes: number[];
  unit: string;
  spec: (family: Family, size: number) => PageSpec;
  measure: (p: PagePixelFacts) => string;
}
const SWEEPS: Sweep[] = [
  {
    name: 'blur (Gaussian σ on paper)',
    code: 'blurry-page',
    unit: 'mm',
    sizes: [0, 0.15, 0.3, 0.45, 0.6, 0.8, 1.0],
    spec: (family, blurMm) => ({ family, page: 7, seed: 21, blurMm }),
    measure: (p) => `${p.edgeWidthMm?.toFixed(2)} mm`,
  },
  {
    name: 'ink coverage (printed lines on an empty sheet)',
    code: 'blank-page',
    unit: 'lines',
    sizes: [0, 1, 2, 4, 8],
    spec: (family, inkLines) => ({ family, page: 0, seed: 22, inkLines }),
    measure: (p) => `${(p.inkCoverage * 100).toFixed(3)} %`,
  },
  {
    name: 'skew angle',
    code: 'skew',
    unit: '°',
    sizes: [0, 1, 2, 2.5, 3.5, 4, 6, 8],
    spec: (family, skewDeg) => ({ family, page: 5, seed: 24, skewDeg }),
    measure: (p) => `${p.skewDeg ?? '—'}°`,
  },
];
for (const sweep of SWEEPS) {
  lines.push(
    `\n### ${sweep.name}\n`,
    `| family | ${sweep.sizes.map((s) => `${s} ${sweep.unit}`).join(' | ')} |`,
    `|---|${sweep.sizes.map(() => '---').join('|')}|`,
  );
  for (const { family, role } of FAMILIES) {
    const specs = sweep.sizes.map((s) => sweep.spec(family, s));
    const { report, facts } = (await checkPages(specs))[0]!;
    const cells = sweep.sizes.map((_, i) =>
      facts[i] ? `${sweep.measure(facts[i])} ${flagOf(report, i + 1, sweep.code)}` : 'n/a',
    );
    summary[`${sweep.code}/${family}`] = cells;
    lines.push(`| ${family} (${role}) | ${cells.join(' | ')} |`);
  }
}

// ---- Clean forms: nothing but info allowed; and forms without seals: no seal seen ----
async function formsTable(title: string, cases: CleanCase[], cols: string, row: (r: PreflightReport) => string) {
  lines.push(
    `\n### ${title}\n`,
    `| fixture | ${cols} |`,
    `|---|${cols
      .split('|')
      .map(() => '---')
      .join('|')}|`,
  );
  const reports: PreflightReport[] = [];
  for (const c of cases) {
    const { report } = await engine.check(await form(kit, c.base, c.over ?? {}), { member: MEMBER });
    reports.push(report);
    lines.push(`| ${c.label} | ${row(report)} |`);
  }
  return reports;
}
const clean = await formsTable(
  'clean forms (12 pages each; a glued photo on 基本情况, covers, yellowed paper, grey and B/W scans)',
  CLEAN_FORMS,
  'verdict | warnings and failures | info',
  (r) =>
    `${r.verdict} | ${nonInfo(r)
      .map((i) => `${i.code}@${i.page ?? '-'}`)
      .join(', ')} | ${
      r.issues
        .filter((i) => i.severity === 'info')
        .map((i) => i.code)
        .join(', ') || '–'
    }`,
);
const cleanPages = clean.reduce((n, r) => n + (r.pages ?? 0), 0);
const cleanFlags = clean.reduce((n, r) => n + nonInfo(r).length, 0);
const sealLess = await formsTable(
  'forms without seals (12 pages each): pages where a seal was seen',
  SEAL_LESS,
  'seal pages | no-seal',
  (r) => `${r.sealPages.join(', ') || 'none'} | ${flagOf(r, undefined, 'no-seal')}`,
);
const falseSeals = sealLess.reduce((n, r) => n + r.sealPages.length, 0);

console.log(lines.join('\n'));
await b.close();
Object.assign(summary, { cleanPages, cleanFlags, falseSeals });
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/preflight-calibration.json', JSON.stringify(summary, null, 1));
console.log(
  JSON.stringify({ cleanPages, cleanFlags, falseSeals, stains: summary.stains, sealFloors: floors, turnWrong }),
);
