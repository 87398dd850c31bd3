/**
 * The report inside the upload panel, read in five seconds: the verdict and one summary line
 * (“2 个问题会被退回：…；3 个提醒”) stay on top, then each finding once with the pages it is on
 * (shared/pdf/grouping.ts), 不通过 first, each beside the one-click fix that helps with it; then the
 * page tiles with the problem pages marked.
 */
import { groupIssues, summaryLine, type FindingGroup } from '../../shared/pdf/grouping';
import type { Issue, IssueCode, PreflightReport } from '../../shared/pdf/types';
import { FIX_LABELS, type FixTool } from '../fix/protocol';
import { formatBytes, h } from './dom';
import { evidenceView } from './panelEvidence';

export type PanelState = 'held' | 'released' | 'reviewed';

const SEVERITY: Record<Issue['severity'], string> = { fail: '不通过', warn: '提醒', info: '说明' };

/** Which fixes help with a finding. */
const FIXES: Partial<Record<IssueCode, FixTool[]>> = {
  'too-large': ['compress'],
  'background-border': ['straighten'],
  skew: ['straighten'],
  orientation: ['straighten', 'edit'],
  'page-count': ['edit'],
  'blank-page': ['edit'],
  'duplicate-page': ['edit'],
  'stained-page': ['edit'],
  'blurry-page': ['edit'],
  'not-scanned': ['edit', 'assemble'],
  'not-pdf': ['assemble'],
};

/** Page-editing fixes need the file's pages. */
function fixesForCode(code: IssueCode, hasPages: boolean): FixTool[] {
  return (FIXES[code] ?? []).filter((t) => t !== 'edit' || hasPages);
}

/** Which fixes can help with a report's findings. */
export function fixesFor(report: Pick<PreflightReport, 'issues' | 'pages'>): FixTool[] {
  const out = new Set<FixTool>();
  for (const i of report.issues) for (const t of fixesForCode(i.code, !!report.pages)) out.add(t);
  const order: FixTool[] = ['compress', 'straighten', 'edit', 'assemble'];
  return order.filter((t) => out.has(t));
}

/** Findings the panel shows: warnings and failures, and the two notes an admin acts on. */
function shown(i: Issue): boolean {
  return i.severity !== 'info' || i.code === 'number-unreadable' || i.code === 'no-seal';
}

function verdictText(report: PreflightReport, state: PanelState): { tone: string; text: string } {
  const reviewed = state === 'reviewed';
  if (report.verdict === 'pass')
    return {
      tone: 'success',
      text: reviewed ? '检查通过：未发现会被退回的问题。' : '检查通过，已交给智慧团建：请点击“确定上传”。',
    };
  if (report.verdict === 'warn')
    return {
      tone: 'warning',
      text: reviewed
        ? '有需要注意的问题，请核对下列各项。'
        : '有需要注意的问题，文件已交给智慧团建；建议先处理后再上传。',
    };
  if (state === 'released')
    return {
      tone: 'error',
      text: '表上所写有会被退回的问题（见下）。文件已交给智慧团建：建议先请团支部改正后重新扫描，再上传。',
    };
  return {
    tone: 'error',
    text: reviewed
      ? '不符合要求：按《指引》此文件应退回修改。'
      : '已拦下：此文件上传后会被系统拒收或被上级退回。请先修复，或说明理由后仍要上传。',
  };
}

/**
 * The report's nodes: `lead` (verdict and summary line) stays in view while the rest scrolls.
 * `offered` are the fixes the caller allows; each shows beside the findings it helps with.
 */
export function reportView(
  d: Document,
  report: PreflightReport,
  state: PanelState,
  offered: readonly FixTool[],
  fix: (tool: FixTool) => void,
): { lead: HTMLElement; rest: (HTMLElement | null)[] } {
  const groups = groupIssues(report.issues.filter(shown));
  const verdict = verdictText(report, state);
  const facts = `${report.fileName} · ${report.pages ?? '?'} 页 · ${formatBytes(report.bytes)}${report.page1Number ? ` · 首页编号 ${report.page1Number.value}` : ''}`;
  const lead = h(
    d,
    'div',
    { class: 'lead' },
    h(
      d,
      'div',
      { class: `alert alert--${verdict.tone} verdict`, 'data-verdict': report.verdict, role: 'status' },
      h(d, 'b', { text: verdict.text }),
    ),
    groups.length ? h(d, 'p', { class: 'line headline', text: summaryLine(groups) }) : null,
    h(d, 'p', { class: 'line muted summary', text: facts }),
  );
  const placed = new Set<FixTool>();
  const items = groups.map((g) => {
    const tools = fixesForCode(g.code, !!report.pages).filter((t) => offered.includes(t));
    tools.forEach((t) => placed.add(t));
    return findingItem(d, g, tools, fix, report.thumbnails);
  });
  const leftover = offered.filter((t) => !placed.has(t));
  // A pass on the way to the host is a small confirmation: the verdict and what was checked.
  const brief = report.verdict === 'pass' && state === 'released' && !groups.length;
  return {
    lead,
    rest: [
      items.length ? h(d, 'ul', { class: 'issues' }, items) : null,
      placed.size ? h(d, 'p', { class: 'muted', text: '一键修复在本机完成，修复后自动重新检查。' }) : null,
      leftover.length
        ? h(
            d,
            'div',
            { class: 'row fixes' },
            leftover.map((t) => fixButton(d, t, fix)),
          )
        : null,
      brief ? null : pageTiles(d, report),
    ],
  };
}

function fixButton(d: Document, tool: FixTool, fix: (tool: FixTool) => void): HTMLElement {
  return h(d, 'button', {
    class: 'btn btn--primary btn--small',
    type: 'button',
    'data-fix': tool,
    text: FIX_LABELS[tool],
    onclick: () => fix(tool),
  });
}

function findingItem(
  d: Document,
  g: FindingGroup,
  tools: FixTool[],
  fix: (tool: FixTool) => void,
  thumbnails: readonly string[],
): HTMLElement {
  return h(
    d,
    'li',
    {
      'data-code': g.code,
      'data-severity': g.severity,
      ...(g.pages.length ? { 'data-pages': g.pages.join(',') } : {}),
    },
    h(d, 'span', { class: `sev sev--${g.severity}`, text: SEVERITY[g.severity] }),
    h(d, 'span', { class: 'text' }, g.text, g.evidence?.length ? evidenceView(d, g.evidence, thumbnails) : null),
    tools.length
      ? h(
          d,
          'span',
          { class: 'fix' },
          tools.map((t) => fixButton(d, t, fix)),
        )
      : null,
  );
}

function pageTiles(d: Document, report: PreflightReport): HTMLElement | null {
  const n = report.pages ?? 0;
  if (!n || n > 40) return null;
  const worst = new Map<number, 'bad' | 'warn'>();
  for (const i of report.issues) {
    if (!i.page || i.severity === 'info') continue;
    if (i.severity === 'fail') worst.set(i.page, 'bad');
    else if (!worst.has(i.page)) worst.set(i.page, 'warn');
  }
  // Thumbnails come one per analysed page; when some page has none they cannot be placed.
  const thumbs = report.thumbnails.length === n ? report.thumbnails : null;
  return h(
    d,
    'div',
    { class: 'pages' },
    Array.from({ length: n }, (_, k) => {
      const p = k + 1;
      const mark = worst.get(p);
      const src = thumbs?.[k];
      return h(
        d,
        'div',
        { class: `page${mark ? ` ${mark}` : ''}`, 'data-page': p, title: mark ? '此页有问题' : '' },
        src ? h(d, 'img', { src, alt: `第${p}页` }) : h(d, 'span', { class: 'blank' }),
        `第${p}页`,
      );
    }),
  );
}
