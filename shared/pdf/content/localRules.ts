import type { LocalRule } from '../../api/localRules';
import type { Issue } from '../types';
import { isSure, issue, valued } from './evidence';
import type { ContentFacts } from './facts';
import { CONTENT_MESSAGES as M } from './messages';
import { SECTION_NAMES } from './sections';

/**
 * `local-rule`: a committee's phrase that must be written on a section (shared/api/localRules.ts),
 * looked for in the text read on that section's pages. A phrase read with one character wrong in
 * six still counts as written — a misread must not fail a file — and a missing phrase fails only
 * when the whole section was read surely; otherwise it warns. A section not read at all is
 * `content-unreadable`, never a finding.
 */
export function localRuleIssues(facts: ContentFacts, rules: readonly LocalRule[]): Issue[] {
  const out: Issue[] = [];
  for (const rule of rules) {
    const read = valued(facts, 'sectionText', rule.section);
    if (read.length === 0) {
      out.push({
        code: 'content-unreadable',
        severity: 'info',
        message: M.contentUnreadable(`“${SECTION_NAMES[rule.section]}”的文字（本地规则：${rule.text}）`),
      });
      continue;
    }
    const text = read.map((f) => plain(String(f.value))).join('');
    if (contains(text, plain(rule.phrase))) continue;
    out.push(issue(facts, 'local-rule', read.every(isSure) ? 'fail' : 'warn', M.localRule(rule.text), read));
  }
  return out;
}

/** Characters only: spaces and punctuation are not what a rule asks for. */
const plain = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** Whether `text` holds `phrase` with at most one character in six misread, dropped or added. */
export function contains(text: string, phrase: string): boolean {
  if (text.includes(phrase)) return true;
  const allowed = Math.floor(phrase.length / 6);
  if (allowed === 0) return false;
  for (let len = phrase.length - allowed; len <= phrase.length + allowed; len++)
    for (let i = 0; i + len <= text.length; i++) if (distance(text.slice(i, i + len), phrase) <= allowed) return true;
  return false;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag : Math.min(diag, up, row[j - 1]!) + 1;
      diag = up;
    }
  }
  return row[b.length]!;
}
