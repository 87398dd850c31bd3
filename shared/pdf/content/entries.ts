import type { Issue } from '../types';
import { issue, severityOf } from './evidence';
import type { ContentFacts } from './facts';
import { CONTENT_MESSAGES as M } from './messages';

/**
 * `blank-field` (a required entry left empty: 出生年月, 本人经历, 入团志愿, 介绍人意见) and
 * `unsigned` (an empty signature line: 申请人, each 介绍人, 团支部书记). The reader judges
 * emptiness from the ink in the space beside the printed label; fail when it was sure.
 */
export function entryIssues(facts: ContentFacts): Issue[] {
  const out: Issue[] = [];
  for (const f of facts.fields) {
    if (f.value !== 'empty' || !f.role) continue;
    const severity = severityOf([f]);
    if (f.kind === 'entry') out.push(issue(facts, 'blank-field', severity, M.blankField(f.role), [f]));
    else if (f.kind === 'signature') out.push(issue(facts, 'unsigned', severity, M.unsigned(f.role), [f]));
  }
  return out;
}
