import type { OrgType } from './types';

/**
 * §3.2.1 / §3.2.2: uploads by 团支部 / 团总支 (and graduating-class and 00DJZTZB branches) wait for
 * the upper committee's approval; uploads by 团委 / 团工委 need none.
 */
const NEEDS_APPROVAL: ReadonlySet<OrgType> = new Set(['01TZB', '02TZZ', '06BYBTZB', '00DJZTZB']);

export function needsApproval(uploaderType: OrgType): boolean {
  return NEEDS_APPROVAL.has(uploaderType);
}

/** §3.3.1: 不同意 must come with a written reason for the organisation below. */
export function checkRejectionReason(reason: string | undefined): string | null {
  return reason && reason.trim() ? null : '不同意时须写明理由，反馈给下级团组织（§3.3.1）';
}

/**
 * The phrases reviewers use when they send a form back (the preset reasons of a widely used review
 * tool, issue 14): the 不同意 reason template and the content findings' messages use them verbatim.
 */
export const REVIEWER_PHRASES = [
  '基本信息未填写完整',
  '时间顺序不一致',
  '团课学习记录不足8学时',
  '上级团委审批意见未盖章',
  '入团时间与支部大会通过时间不一致',
  '本人经历填写不完整',
] as const;
export type ReviewerPhrase = (typeof REVIEWER_PHRASES)[number];

/** The reviewer's phrase a message opens with (【…】), if it is one of theirs. */
export function phraseOf(message: string): ReviewerPhrase | undefined {
  const m = /^【(.+?)】/.exec(message);
  return REVIEWER_PHRASES.find((p) => p === m?.[1]);
}
