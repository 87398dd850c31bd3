/** Shapes of the member messages (observeRows, promptedMembers …): the content script and the background both use them. */
import type { CertStatus, ChinaDate } from '../../shared/domain/types';

/** What the overlay needs back for each row: what was recorded about the member beyond the page. */
export interface MemberFacts {
  key: string;
  approvedOn: ChinaDate | null;
  page1Number: string | null;
  rejectionReason: string | null;
  graduating: boolean;
}

export interface ObserveResult {
  facts: MemberFacts[];
  created: number;
  updated: number;
  corrected: number;
}

/** A reviewer's reason read from 操作中心 feedback, for the member it names. */
export interface RejectionNotice {
  name: string;
  reason: string;
  at: number;
}

/** The host's two sign-in prompts: 组织内有团员档案尚未上传 / 组织内有团员身份尚未认证. */
export type PromptKind = 'notUploaded' | 'uncertified';

export interface PromptMember {
  key: string;
  name: string;
  devNumber: string;
  joinedOn: ChinaDate;
  orgName: string;
  status: CertStatus;
  isCadre: boolean;
}
