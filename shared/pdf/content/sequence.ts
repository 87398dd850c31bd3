import type { Issue } from '../types';
import { isSure, issue, valued } from './evidence';
import type { ContentFacts, ReadField } from './facts';
import { meetingDate } from './identity';
import { CONTENT_MESSAGES as M } from './messages';

/**
 * `date-order`: the steps of admission happen in this order — 团课学习 (the first lesson), 入团志愿,
 * 介绍人意见, 团支部大会, 上级团委审批 — and the dates written for them must too. Each step is
 * compared with the nearest earlier step that has a date; fail when both dates were read surely.
 */
interface Step {
  name: string;
  field: ReadField;
}

function steps(facts: ContentFacts): Step[] {
  const earliest = (fs: ReadField[]) => fs.sort((a, b) => String(a.value).localeCompare(String(b.value)))[0];
  const latest = (fs: ReadField[]) => fs.sort((a, b) => String(b.value).localeCompare(String(a.value)))[0];
  const found: [string, ReadField | undefined][] = [
    ['第一次团课', earliest(valued(facts, 'courseDate'))],
    ['入团志愿', latest(valued(facts, 'applicationDate'))],
    ['入团介绍人意见', latest(valued(facts, 'introducerDate'))],
    ['团支部大会', meetingDate(facts)],
    ['上级团委审批', earliest(valued(facts, 'approvalDate'))],
  ];
  return found.filter((s): s is [string, ReadField] => s[1] !== undefined).map(([name, field]) => ({ name, field }));
}

/** Only full dates are ordered: a month alone may be either side of a day in it. */
const day = (f: ReadField) => String(f.value).length === 10;

export function dateOrderIssues(facts: ContentFacts): Issue[] {
  const out: Issue[] = [];
  const s = steps(facts).filter((x) => day(x.field));
  for (let i = 1; i < s.length; i++) {
    const before = s[i - 1]!,
      after = s[i]!;
    if (String(after.field.value) >= String(before.field.value)) continue;
    const severity = isSure(before.field) && isSure(after.field) ? 'fail' : 'warn';
    const message = M.dateOrder(before.name, String(before.field.value), after.name, String(after.field.value));
    out.push(issue(facts, 'date-order', severity, message, [after.field, before.field]));
  }
  return out;
}
