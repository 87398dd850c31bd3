import { z } from 'zod';
import { SECTION_IDS } from '../pdf/content/sections';
import { OrgId } from './common';

/**
 * A committee's own content requirement for the forms of its subtree (issue 14): a phrase that
 * must be written on a section of 《入团志愿书》, e.g. 团课内容须包含“团纪处分条例”. Set by a
 * committee for an organisation of its subtree, read by every organisation below it, checked by
 * the extension over what it read from the form (shared/pdf/content/localRules.ts) and reported
 * as `local-rule` in the rule's own words. Nothing read from a form goes to the worker.
 */
export const LocalRule = z.object({
  /** The section the phrase must appear on (shared/pdf/content/sections.ts). */
  section: z.enum(SECTION_IDS, { message: '请选择规则所针对的《入团志愿书》部分' }),
  /** The words that must be written there. */
  phrase: z.string().trim().min(2, '必须出现的字词至少 2 个字').max(30, '必须出现的字词最多 30 个字'),
  /** The rule as the committee words it: shown to the admin as the finding. */
  text: z.string().trim().min(4, '请用一句话写明这条规则').max(100, '规则说明最多 100 个字'),
});
export type LocalRule = z.infer<typeof LocalRule>;

/** `PUT /v1/local-rules/:orgId`: the whole set for that organisation (an empty list clears it). */
export const LocalRulesBody = z.object({
  rules: z.array(LocalRule).max(10, '每个组织最多设 10 条本地规则'),
});
export type LocalRulesBody = z.infer<typeof LocalRulesBody>;

/** A rule as a branch reads it: with the organisation that set it. */
export const AppliedLocalRule = LocalRule.extend({ orgId: OrgId, orgName: z.string() });
export type AppliedLocalRule = z.infer<typeof AppliedLocalRule>;

/**
 * `GET /v1/local-rules`: the rules that apply to the caller's organisation — set by it or by any
 * committee above it — top committee first. The reply to `PUT` is the organisation's own set.
 */
export const LocalRulesView = z.object({ rules: z.array(AppliedLocalRule) });
export type LocalRulesView = z.infer<typeof LocalRulesView>;
