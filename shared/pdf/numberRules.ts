import { checkDevNumber, normaliseDevNumber } from '../domain/devNumber';
import { ChinaDate } from '../domain/types';
import type { NumberFacts } from './facts';
import { MESSAGES } from './messages';
import type { Issue, PreflightReport } from './types';

/**
 * §5.8: the 发展团员编号 in the system must equal the one on the form's first page. A text layer is
 * read exactly; OCR can misread a digit, so a mismatch is only claimed when two independent OCR
 * passes agree on the same other number — otherwise the number is "unreadable" (info), never a
 * false failure.
 */
export function judgeNumber(
  facts: NumberFacts | undefined,
  memberNumber: string | undefined,
): { issues: Issue[]; page1Number?: PreflightReport['page1Number'] } {
  if (!facts) return { issues: [] };
  const mine = memberNumber ? normaliseDevNumber(memberNumber) : undefined;
  const text = facts.reads.find((r) => r.source === 'text' && r.value);
  const ocr = facts.reads.filter((r) => r.source === 'ocr' && r.value).map((r) => r.value!);
  const page = 1;

  let trusted: PreflightReport['page1Number'] | undefined;
  if (text?.value) trusted = { value: text.value, source: 'text' };
  else if (mine && ocr.includes(mine)) trusted = { value: mine, source: 'ocr' };
  else {
    const agreed = ocr.find((v, i) => ocr.indexOf(v) !== i);
    if (agreed) trusted = { value: agreed, source: 'ocr' };
    else if (!mine && ocr.length === 1) trusted = { value: ocr[0]!, source: 'ocr' };
  }

  if (!trusted)
    return { issues: [{ code: 'number-unreadable', severity: 'info', page, message: MESSAGES.numberUnreadable() }] };
  if (mine && trusted.value !== mine)
    return {
      issues: [
        { code: 'number-mismatch', severity: 'fail', page, message: MESSAGES.numberMismatch(trusted.value, mine) },
      ],
      page1Number: trusted,
    };
  return { issues: [], page1Number: trusted };
}

/** The member's own number against the rules for the year they joined (host front-end validation). */
export function numberFormatIssues(member: { devNumber?: string; joinedOn?: string } | undefined): Issue[] {
  if (!member?.joinedOn || member.devNumber === undefined) return [];
  const joinedOn = ChinaDate.safeParse(member.joinedOn);
  if (!joinedOn.success) return [];
  return checkDevNumber(member.devNumber, joinedOn.data).map((f) => ({
    code: 'number-format' as const,
    severity: f.severity === 'error' ? ('warn' as const) : ('info' as const),
    message: `系统内的${f.message}。${f.whoMayCorrect}。`,
  }));
}

/**
 * Reads a 12-digit number out of OCR or text-layer output (stack.md): a whitespace-separated token
 * of exactly 12 digits wins; otherwise the last 12 digits of the longest digit run (the printed
 * label 编号 can turn into stray leading digits under a digit whitelist).
 */
export function extractDevNumber(raw: string): string | null {
  const tokens = raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .split(/[^0-9]+/)
    .filter(Boolean);
  const exact = tokens.find((t) => t.length === 12);
  if (exact) return exact;
  const long = tokens.filter((t) => t.length > 12).sort((a, b) => b.length - a.length)[0];
  return long ? long.slice(-12) : null;
}
