/**
 * Calibration sweeps for the preflight checks: each defect at growing sizes, in each fixture
 * family, through the real engine in Chromium; and clean forms across families, which must raise
 * no warning. Thresholds were tuned on the scanner and scan-app families; phone and Word are held
 * out. Prints tables and, last, one JSON line. Run: `npm run calibrate:preflight`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import type { PagePixelFacts } from '../../shared/pdf/facts';
import type { Issue, PreflightReport } from '../../shared/pdf/types';
import { form, MEMBER, pagesPdf } from '../fixtures/forms';
import { FixtureKit, type Family, type PageSpec } from '../fixtures/kit';
import { launchWithExtension } from '../support/chromium';
import { ensureBuilt } from '../support/ensureBuilt';
import { PreflightEngine } from '../support/preflight';

const FAMILIES: { family: Family; role: 'tuned' | 'held out' }[] = [
  { family: 'scanner', role: 'tuned' },
  { family: 'scanapp', role: 'tuned' },
  { family: 'phone', role: 'held out' },
  { family: 'word', role: 'held out' },
];

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
    name: 'stain diameter',
    code: 'stained-page',
    unit: 'mm',
    sizes: [4, 6, 8, 10, 12, 15, 20, 30],
    spec: (family, stainMm) => ({ family, page: 3, seed: 23, stainMm }),
    measure: (p) => `${p.stainMm.toFixed(0)} mm`,
  },
  {
    name: 'seal ink strength (page 11, 上级团委 seal)',
    code: 'no-seal',
    unit: 'α',
    sizes: [0, 0.1, 0.15, 0.2, 0.3, 0.45, 0.85],
    spec: (family, sealAlpha) => ({ family, page: 11, seed: 25, sealAlpha }),
    measure: (p) => (p.seal ? 'found' : 'not found'),
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

ensureBuilt();
const b = await launchWithExtension();
const kit = await FixtureKit.open(b.context);
const engine = await PreflightEngine.open(b);
const results: Record<string, unknown> = {};
const lines: string[] = [];
const flagOf = (r: PreflightReport, page: number | undefined, code: string) =>
  r.issues.find((i) => i.page === page && i.code === code)?.severity ?? '–';

for (const sweep of SWEEPS) {
  lines.push(
    `\n### ${sweep.name}\n`,
    `| family | ${sweep.sizes.map((s) => `${s} ${sweep.unit}`).join(' | ')} |`,
    `|---|${sweep.sizes.map(() => '---').join('|')}|`,
  );
  for (const { family, role } of FAMILIES) {
    const specs = sweep.sizes.map((s) => sweep.spec(family, s));
    const { report } = await engine.check(await pagesPdf(kit, specs), {
      expectedPages: specs.length,
      skipNumber: true,
      includeFacts: true,
    });
    const cells = sweep.sizes.map((_, i) => {
      const p = report.facts!.pixels[i];
      return p ? `${sweep.measure(p)} ${flagOf(report, i + 1, sweep.code)}` : 'n/a';
    });
    results[`${sweep.code}/${family}`] = cells;
    lines.push(`| ${family} (${role}) | ${cells.join(' | ')} |`);
  }
}

// Clean pages: every family, colour and greyscale, several resolutions; no warning allowed.
const CLEAN: { label: string; base: Omit<PageSpec, 'page'> }[] = [
  { label: 'scanner 300 dpi colour', base: { family: 'scanner', seed: 31 } },
  { label: 'scanner 400 dpi colour', base: { family: 'scanner', seed: 32, dpi: 400 } },
  { label: 'scanner 200 dpi grey', base: { family: 'scanner', seed: 33, dpi: 200, colour: false } },
  { label: 'scan app 200 dpi', base: { family: 'scanapp', seed: 34 } },
  { label: 'phone photo, cropped', base: { family: 'phone', seed: 35 } },
  { label: 'phone photo, q 0.7', base: { family: 'phone', seed: 36, quality: 0.7 } },
  { label: 'Word of photos', base: { family: 'word', seed: 37 } },
  { label: 'Word of photos, grey', base: { family: 'word', seed: 38, colour: false } },
];
lines.push(
  '\n### clean forms (12 pages each)\n',
  '| fixture | verdict | warnings and failures | info |',
  '|---|---|---|---|',
);
let cleanPages = 0,
  cleanFlags = 0;
for (const c of CLEAN) {
  const { report } = await engine.check(await form(kit, c.base), { member: MEMBER });
  const flags = report.issues.filter((i) => i.severity !== 'info');
  cleanPages += report.pages ?? 0;
  cleanFlags += flags.length;
  lines.push(
    `| ${c.label} | ${report.verdict} | ${flags.map((i) => `${i.code}@${i.page ?? '-'}`).join(', ') || 'none'} | ${
      report.issues
        .filter((i) => i.severity === 'info')
        .map((i) => i.code)
        .join(', ') || '–'
    } |`,
  );
}
// Forms without any seal: a seal seen on any page would hide a missing one (no-seal must fail).
lines.push(
  '\n### forms without seals (12 pages each): pages where a seal was seen\n',
  '| fixture | seal pages | no-seal |',
  '|---|---|---|',
);
let falseSeals = 0;
for (const base of [
  { family: 'scanner', seed: 61 },
  { family: 'scanner', seed: 62, dpi: 200, noise: 18 },
  { family: 'scanapp', seed: 63 },
  { family: 'phone', seed: 64 },
  { family: 'phone', seed: 65, quality: 0.6 },
  { family: 'word', seed: 66 },
] as Omit<PageSpec, 'page'>[]) {
  const { report } = await engine.check(await form(kit, { ...base, seals: false }), {
    member: MEMBER,
    skipNumber: true,
  });
  falseSeals += report.sealPages.length;
  lines.push(
    `| ${base.family} seed ${base.seed}${base.quality ? ` q ${base.quality}` : ''}${base.dpi ? ` ${base.dpi} dpi` : ''} | ${report.sealPages.join(', ') || 'none'} | ${flagOf(report, undefined, 'no-seal')} |`,
  );
}
console.log(lines.join('\n'));
await b.close();
const summary = { cleanPages, cleanFlags, falseSeals, results };
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/preflight-calibration.json', JSON.stringify(summary, null, 1));
console.log(JSON.stringify({ cleanPages, cleanFlags, falseSeals }));
