import { phraseOf, type ReviewerPhrase } from '../domain/approval';
import { ISSUE_LABELS } from './messages';
import type { Evidence } from './content/codes';
import type { Issue, IssueCode, Severity } from './types';

/**
 * The report as an admin reads it: one line per finding however many pages share it
 * (“第 1–12 页：分辨率约 150dpi…”), 不通过 before 提醒 before 说明, and a one-line summary on top.
 * Pure: the upload panel, the 审批 checklist and the CLI's text output all read the report
 * through it; the JSON report stays per page.
 */
export interface FindingGroup {
  code: IssueCode;
  severity: Severity;
  /** Ascending, 1-based; empty for a finding about the whole file. */
  pages: number[];
  /** The message without its page: “分辨率约 150dpi…” (per page it read “本页分辨率约 150dpi…”). */
  message: string;
  /** The line to show: the pages, then the message. */
  text: string;
  /** Content findings: every grouped issue's evidence, in page order. */
  evidence?: Evidence[];
}

const ORDER: Record<Severity, number> = { fail: 0, warn: 1, info: 2 };

/** Codes whose messages carry a measurement that varies a little from page to page: shown as a range. */
const MEASURED: ReadonlySet<IssueCode> = new Set(['low-resolution', 'skew', 'stained-page']);

const NUMBER = /\d+(?:\.\d+)?/g;

/** “1–3、5、7–12”: runs of consecutive pages joined by an en dash. */
export function pageList(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}、${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join('、');
}

/** The message said of several pages at once: the leading 本页 goes (the pages are named before it). */
function pageless(message: string, pages: number): string {
  const rest = message.startsWith('本页') ? message.slice(2) : message;
  return pages > 1 ? rest.replaceAll('本页', '这些页') : rest;
}

/** Numbers in the same places become ranges: 约 148dpi / 约 152dpi → 约 148–152dpi. */
function mergeNumbers(messages: readonly string[]): string {
  const first = messages[0]!;
  const values = messages.map((m) => (m.match(NUMBER) ?? []).map(Number));
  let k = 0;
  return first.replace(NUMBER, (s) => {
    const column = values.map((v) => v[k]!);
    k++;
    const lo = Math.min(...column),
      hi = Math.max(...column);
    if (lo === hi) return s;
    const digits = s.includes('.') ? s.split('.')[1]!.length : 0;
    return `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
  });
}

/** One group per finding: same code, severity and message (measured codes: same message but for the numbers). */
export function groupIssues(issues: readonly Issue[]): FindingGroup[] {
  const byKey = new Map<string, Issue[]>();
  for (const i of issues) {
    const text = MEASURED.has(i.code) ? i.message.replace(NUMBER, '#') : i.message;
    const key = `${i.severity}\u0000${i.code}\u0000${i.page === undefined ? 'file' : 'page'}\u0000${text}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const groups: FindingGroup[] = [];
  for (const list of byKey.values()) {
    const pages = [...new Set(list.flatMap((i) => (i.page === undefined ? [] : [i.page])))].sort((a, b) => a - b);
    const merged = MEASURED.has(list[0]!.code) ? mergeNumbers(list.map((i) => i.message)) : list[0]!.message;
    const message = pages.length ? pageless(merged, pages.length) : merged;
    const evidence = list.flatMap((i) => i.evidence ?? []);
    groups.push({
      code: list[0]!.code,
      severity: list[0]!.severity,
      pages,
      message,
      text: pages.length ? `第 ${pageList(pages)} 页：${message}` : message,
      ...(evidence.length ? { evidence } : {}),
    });
  }
  return groups.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] || (a.pages[0] ?? 0) - (b.pages[0] ?? 0) || a.code.localeCompare(b.code),
  );
}

/** What is kept of a finding beside the file's hash (the 审批 checklist reads it back): no message, no picture. */
export interface KeptFinding {
  code: string;
  severity: Severity;
  pages: number[];
  /** The reviewers' phrase the finding's message opens with (shared/domain/approval.ts), if any. */
  phrase?: ReviewerPhrase;
}

export function keptFindings(groups: readonly FindingGroup[]): KeptFinding[] {
  return groups.map((g) => {
    const phrase = phraseOf(g.message);
    return { code: g.code, severity: g.severity, pages: [...g.pages], ...(phrase ? { phrase } : {}) };
  });
}

/** A finding's short name, with its pages when it has some: “第 3、5 页污损”. */
export function findingLabel(f: KeptFinding): string {
  const label = ISSUE_LABELS[f.code as IssueCode] ?? f.code;
  return f.pages.length ? `第 ${pageList(f.pages)} 页${label}` : label;
}

/** “2 个问题会被退回：分辨率过低、未找到公章；3 个提醒”: what decides the verdict, in one line. */
export function summaryLine(groups: readonly Pick<KeptFinding, 'code' | 'severity'>[]): string {
  const names = (sev: Severity) => [
    ...new Set(groups.filter((g) => g.severity === sev).map((g) => ISSUE_LABELS[g.code as IssueCode] ?? g.code)),
  ];
  const fails = groups.filter((g) => g.severity === 'fail').length;
  const warns = groups.filter((g) => g.severity === 'warn').length;
  if (fails) return `${fails} 个问题会被退回：${names('fail').join('、')}${warns ? `；${warns} 个提醒` : ''}`;
  if (warns) return `没有会被退回的问题；${warns} 个提醒：${names('warn').join('、')}`;
  return '未发现会被退回的问题';
}
