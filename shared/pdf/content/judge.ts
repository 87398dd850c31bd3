import type { Issue } from '../types';
import { courseIssues } from './courses';
import { entryIssues } from './entries';
import type { ContentFacts, ContentMember } from './facts';
import type { LocalRule } from '../../api/localRules';
import { ageIssues, joinedIssues, meetingDate, nameIssues } from './identity';
import { localRuleIssues } from './localRules';
import { CONTENT_MESSAGES as M } from './messages';
import { pageMissingIssues, pageOrderIssues } from './order';
import { dateOrderIssues } from './sequence';
import { SECTION_NAMES } from './sections';

/**
 * Every content finding from what the reader read. Pure: the same facts give the same findings in
 * Node and in the browser. `content-unreadable` (info) says what could not be read with
 * confidence where the system asked for a comparison: never a guess, never a false fail. Local
 * rules are a committee's own requirements (shared/api/localRules.ts).
 */
export function judgeContent(
  facts: ContentFacts,
  member: ContentMember = {},
  localRules: readonly LocalRule[] = [],
): Issue[] {
  const issues = [
    ...pageOrderIssues(facts),
    ...pageMissingIssues(facts),
    ...nameIssues(facts, member),
    ...joinedIssues(facts, member),
    ...ageIssues(facts, member),
    ...courseIssues(facts),
    ...dateOrderIssues(facts),
    ...entryIssues(facts),
    ...localRuleIssues(facts, localRules),
    ...unreadable(facts, member),
  ];
  return issues.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
}

function unreadable(facts: ContentFacts, member: ContentMember): Issue[] {
  const out: Issue[] = [];
  const info = (what: string, page?: number): Issue => ({
    code: 'content-unreadable',
    severity: 'info',
    ...(page ? { page } : {}),
    message: M.contentUnreadable(what),
  });
  for (const page of facts.unreadPages) out.push(info('本页内容', page));
  for (const p of facts.pages)
    if (p.section === null && !facts.unreadPages.includes(p.page)) out.push(info('本页是哪一部分', p.page));
  if (member.name && !facts.fields.some((f) => f.kind === 'name' && f.value !== null)) out.push(info('表上的姓名'));
  if (member.joinedOn && !meetingDate(facts)) out.push(info(`${SECTION_NAMES.branchMeeting}的日期`));
  return out;
}
