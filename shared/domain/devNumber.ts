import { yearOf } from './chinaDate';
import { withoutSpaces } from './text';
import type { ChinaDate } from './types';

/**
 * 发展团员编号 (docs/host.md: the host's own front-end validation, §5.8). Not the 8-digit
 * 团员证编号.
 */
export type DevNumberCode = 'missing' | 'bad-chars' | 'wrong-length' | 'wrong-year' | 'duplicate' | 'form-mismatch';

export interface DevNumberFinding {
  code: DevNumberCode;
  /** `error`: the host or the reviewer will refuse it; `warning`: likely wrong, check it. */
  severity: 'error' | 'warning';
  message: string;
  /** §5.8: who has the right to change it. */
  whoMayCorrect: string;
}

export const WHO_MAY_CORRECT = '团员本人、团员所在团组织及其直属上级团组织管理员均可修改（§5.8）';

/** The year numbers became required; Xinjiang started a year earlier. */
export function requiredFromYear(region?: 'xinjiang'): number {
  return region === 'xinjiang' ? 2016 : 2017;
}

/** Full-width digits and stray whitespace, as copied from forms and pages, do not count as errors. */
export function normaliseDevNumber(text: string): string {
  return withoutSpaces(text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const finding = (code: DevNumberCode, message: string, severity: 'error' | 'warning' = 'error'): DevNumberFinding => ({
  code,
  severity,
  message,
  whoMayCorrect: WHO_MAY_CORRECT,
});

/** Legacy 16-digit numbers some provinces (Shandong) issued before 2017. */
const LEGACY = /^(201516|201617)\d{10}$/;

/** What is wrong with a member's number for the year they joined; empty when nothing is. */
export function checkDevNumber(
  devNumber: string | undefined,
  joinedOn: ChinaDate,
  opts: { region?: 'xinjiang' } = {},
): DevNumberFinding[] {
  const year = yearOf(joinedOn);
  const n = normaliseDevNumber(devNumber ?? '');
  const required = year >= requiredFromYear(opts.region);
  if (!n)
    return required ? [finding('missing', `${requiredFromYear(opts.region)}年以后发展的团员，发展团员编号必填`)] : [];
  if (!/^\d+$/.test(n)) return [finding('bad-chars', '发展团员编号格式错误：只能由数字组成')];
  if (!required) {
    // Before numbers were required anything plausible is accepted; only say what looks off.
    if (LEGACY.test(n) || (n.length === 12 && n.startsWith(String(year)))) return [];
    return [
      finding(
        'wrong-length',
        '发展团员编号格式存疑：应为12位（入团年份开头）或16位旧编号（201516/201617开头）',
        'warning',
      ),
    ];
  }
  if (n.length !== 12) {
    const legacy = LEGACY.test(n) ? '16位旧编号只适用于2017年以前入团的团员；' : '';
    return [finding('wrong-length', `发展团员编号格式错误：${legacy}应为12位，现为${n.length}位`)];
  }
  if (year >= 2019 && !n.startsWith(String(year)))
    return [finding('wrong-year', `发展团员编号前四位必须与入团年份相同（应为${year}）`)];
  if (year < 2019 && !/^(2017|2018)/.test(n))
    return [finding('wrong-year', '2017—2018年入团的团员，发展团员编号应以2017或2018开头')];
  return [];
}

/** Numbers used by more than one member: number → the indexes of the members that carry it. */
export function findDuplicateDevNumbers(members: readonly { devNumber?: string }[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  members.forEach((m, i) => {
    const n = normaliseDevNumber(m.devNumber ?? '');
    if (!n) return;
    const list = seen.get(n);
    if (list) list.push(i);
    else seen.set(n, [i]);
  });
  for (const [n, list] of seen) if (list.length < 2) seen.delete(n);
  return seen;
}

export function duplicateFinding(count: number): DevNumberFinding {
  return finding('duplicate', `发展团员编号重复：共有${count}名团员使用同一编号`);
}

/** §5.8: the number in the system must equal the one on the form's first page. */
export function compareWithForm(systemNumber: string | undefined, formNumber: string): DevNumberFinding | null {
  const sys = normaliseDevNumber(systemNumber ?? '');
  const form = normaliseDevNumber(formNumber);
  if (!form || sys === form) return null;
  return finding(
    'form-mismatch',
    `系统内的发展团员编号（${sys || '空'}）与《入团志愿书》首页的编号（${form}）不一致，请尽快修改`,
  );
}
