import { describe, expect, it } from 'vitest';
import { LocalRule, LocalRulesBody } from '../../api/localRules';
import { cleanFacts, field } from '../../../test/support/contentFacts';
import { judgeContent } from './judge';
import { contains, localRuleIssues } from './localRules';

const RULE: LocalRule = { section: 'courses', phrase: '团纪处分条例', text: '团课内容须包含“团纪处分条例”' };

function withCourseText(text: string, confidence = 0.97) {
  const f = cleanFacts();
  f.fields.push(field('sectionText', text, 6, { role: 'courses', confidence }));
  return f;
}

describe('local rules', () => {
  it('passes when the phrase is written on the section, spaces and punctuation aside', () => {
    expect(localRuleIssues(withCourseText('团章学习，学习《团纪 处分条例》，团史'), [RULE])).toEqual([]);
  });

  it('fails in the rule’s own words when a surely read section lacks the phrase', () => {
    const issues = localRuleIssues(withCourseText('团章学习团的历史团员的义务和权利'), [RULE]);
    expect(issues.map((i) => [i.code, i.severity, i.message])).toEqual([['local-rule', 'fail', RULE.text]]);
    expect(issues[0]!.evidence![0]).toMatchObject({ page: 6, read: '团章学习团的历史团员的义务和权利' });
  });

  it('only warns when the section was not read surely', () => {
    const issues = localRuleIssues(withCourseText('团章学习团的历史', 0.6), [RULE]);
    expect(issues.map((i) => i.severity)).toEqual(['warn']);
  });

  it('never fails on one misread character in the phrase', () => {
    expect(contains('学习团纪处份条例', '团纪处分条例')).toBe(true);
    expect(contains('学习团纪条例', '团纪处分条例')).toBe(false);
    expect(localRuleIssues(withCourseText('学习团记处分条例'), [RULE])).toEqual([]);
  });

  it('says the section could not be read rather than judging it', () => {
    const issues = localRuleIssues(cleanFacts(), [RULE]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['content-unreadable', 'info']]);
    expect(issues[0]!.message).toContain('团纪处分条例');
  });

  it('joins the other content findings in judgeContent', () => {
    const codes = judgeContent(withCourseText('团章学习'), {}, [RULE]).map((i) => i.code);
    expect(codes).toEqual(['local-rule']);
  });

  it('refuses a rule without words, in Chinese, and more than 10 rules an organisation', () => {
    const bad = LocalRule.safeParse({ section: 'courses', phrase: ' ', text: '团课须包含' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/至少 2 个字/);
    expect(LocalRulesBody.safeParse({ rules: Array(11).fill(RULE) }).error!.issues[0]!.message).toMatch(/最多设 10 条/);
    expect(LocalRule.safeParse({ ...RULE, section: 'cover2' }).error!.issues[0]!.message).toMatch(/请选择/);
  });
});
