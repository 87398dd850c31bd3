/**
 * `npm run -s preflight -- [--json] [--number N] [--joined YYYY-MM-DD] [--pages N] FILE...`
 *
 * Checks PDFs with the very engine the extension uses: the built extension's analysis page in
 * headless Chromium. Prints each file's verdict and its findings grouped across pages (or, with
 * --json, one JSON array, per page).
 * Exits 0 whatever the verdicts; 2 on a usage error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { groupIssues, summaryLine } from '../shared/pdf/grouping';
import type { ContentReport, PreflightReport } from '../shared/pdf/types';
import { launchWithExtension } from '../test/support/chromium';
import { ensureBuilt } from '../test/support/ensureBuilt';
import { PreflightEngine } from '../test/support/preflight';

const USAGE =
  '用法：npm run -s preflight -- [--json] [--number 发展团员编号] [--joined 入团时间 YYYY-MM-DD] [--name 姓名] [--birth 出生日期 YYYY-MM-DD] [--pages 页数] [--no-content] 文件.pdf ...';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  json: boolean;
  number?: string;
  joined?: string;
  name?: string;
  birth?: string;
  pages?: number;
  content: boolean;
  files: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, content: true, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? usage(`${arg} 需要一个值`);
    if (arg === '--json') a.json = true;
    else if (arg === '--number') a.number = value();
    else if (arg === '--joined') {
      a.joined = value();
      if (!DATE.test(a.joined)) usage(`--joined 应为 YYYY-MM-DD：${a.joined}`);
    } else if (arg === '--birth') {
      a.birth = value();
      if (!DATE.test(a.birth)) usage(`--birth 应为 YYYY-MM-DD：${a.birth}`);
    } else if (arg === '--name') {
      a.name = value().trim();
      if (!a.name || a.name.length > 64) usage('--name 应为 1–64 个字的姓名');
    } else if (arg === '--no-content') a.content = false;
    else if (arg === '--pages') {
      a.pages = Number(value());
      if (!Number.isInteger(a.pages) || a.pages < 1 || a.pages > 1000) usage('--pages 应为 1–1000 的整数');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) usage(`未知参数：${arg}`);
    else a.files.push(arg);
  }
  if (a.files.length === 0) usage('请给出至少一个 PDF 文件');
  for (const f of a.files) if (!existsSync(f) || !statSync(f).isFile()) usage(`找不到文件：${f}`);
  return a;
}

/** The picture report with the content findings after it: one verdict, one list, in page order. */
function withContent(r: PreflightReport, content: ContentReport | undefined): PreflightReport {
  if (!content) return r;
  const issues = [...r.issues, ...content.issues].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return { ...r, verdict: content.verdict, issues };
}

const VERDICT = { pass: '通过', warn: '需注意', fail: '不通过' } as const;
const MARK = { fail: '✗', warn: '!', info: 'i' } as const;

/** One line per finding across its pages, 不通过 first (shared/pdf/grouping.ts, as in the upload panel). */
function human(file: string, r: PreflightReport): string {
  const head = `${file}: ${VERDICT[r.verdict]}（${r.verdict}）· ${r.pages ?? '?'} 页 · ${(r.bytes / 1024 / 1024).toFixed(1)} MB · ${Math.round(r.ms.total)} ms`;
  const groups = groupIssues(r.issues);
  const lines = groups.length ? [`  ${summaryLine(groups)}`] : [];
  lines.push(...groups.map((g) => `  ${MARK[g.severity]} [${g.code}] ${g.text}`));
  if (r.page1Number)
    lines.push(`  首页编号：${r.page1Number.value}（${r.page1Number.source === 'text' ? '文字层' : 'OCR'}）`);
  return [head, ...lines].join('\n');
}

const args = parseArgs(process.argv.slice(2));
ensureBuilt();
const browser = await launchWithExtension();
try {
  const engine = await PreflightEngine.open(browser);
  const out: unknown[] = [];
  for (const file of args.files) {
    const bytes = new Uint8Array(readFileSync(file));
    const member = {
      ...(args.number ? { devNumber: args.number } : {}),
      ...(args.joined ? { joinedOn: args.joined } : {}),
      ...(args.name ? { name: args.name } : {}),
      ...(args.birth ? { birthDate: args.birth } : {}),
    };
    const { report: picture, content } = await engine.check(bytes, {
      fileName: basename(file),
      ...(Object.keys(member).length ? { member } : {}),
      ...(args.pages ? { expectedPages: args.pages } : {}),
      content: args.content,
    });
    const report = withContent(picture, content);
    if (args.json)
      out.push({
        file,
        verdict: report.verdict,
        issues: report.issues.map(({ evidence, ...i }) =>
          evidence ? { ...i, evidence: evidence.map(({ crop: _c, ...e }) => e) } : i,
        ),
        pages: report.pages,
        bytes: report.bytes,
        ms: Math.round(report.ms.total),
        ...(report.page1Number ? { page1Number: report.page1Number } : {}),
      });
    else process.stdout.write(`${human(file, report)}\n`);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  await browser.close();
}
