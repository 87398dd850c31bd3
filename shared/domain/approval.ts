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
