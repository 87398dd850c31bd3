import { checkRejectionReason, needsApproval } from './approval';
import type { OrgType } from './types';

/**
 * The archive's life cycle (§3.2–§3.4, §4.5):
 * none → (upload) → underReview → approve → certified, or reject → rejected → (upload) → …;
 * an upload by a 团委 / 团工委 needs no approval and certifies at once;
 * changing a certified archive needs a modification request the upper committee approves.
 */
export type ArchiveState =
  | { kind: 'none' }
  | { kind: 'underReview' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'certified' }
  | { kind: 'modificationRequested'; reason: string }
  | { kind: 'modificationApproved' };

export type ArchiveEvent =
  | { type: 'upload'; by: OrgType }
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'requestModification'; reason: string }
  | { type: 'approveModification' }
  | { type: 'rejectModification'; reason: string }
  /** The system itself ended the review (member deleted, organisation changed or moved). */
  | { type: 'endReview' };

export type Transition = { ok: true; state: ArchiveState } | { ok: false; reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });
const to = (state: ArchiveState): Transition => ({ ok: true, state });

export function transition(state: ArchiveState, event: ArchiveEvent): Transition {
  switch (event.type) {
    case 'upload':
      if (state.kind === 'underReview') return refuse('团员电子档案审批中,不能重复发起');
      if (state.kind === 'certified' || state.kind === 'modificationRequested')
        return refuse('已认证的电子档案须先提出修改申请，经上级团委审批同意后才能重新提交（§4.5）');
      return to(needsApproval(event.by) ? { kind: 'underReview' } : { kind: 'certified' });
    case 'approve':
      return state.kind === 'underReview' ? to({ kind: 'certified' }) : refuse('没有待审批的电子档案');
    case 'reject': {
      if (state.kind !== 'underReview') return refuse('没有待审批的电子档案');
      const problem = checkRejectionReason(event.reason);
      return problem ? refuse(problem) : to({ kind: 'rejected', reason: event.reason.trim() });
    }
    case 'requestModification': {
      if (state.kind !== 'certified') return refuse('只有已认证的电子档案需要提出修改申请；未认证的可直接上传或替换');
      if (!event.reason.trim()) return refuse('请写明修改原因');
      return to({ kind: 'modificationRequested', reason: event.reason.trim() });
    }
    case 'approveModification':
      return state.kind === 'modificationRequested'
        ? to({ kind: 'modificationApproved' })
        : refuse('没有待审批的修改申请');
    case 'rejectModification': {
      if (state.kind !== 'modificationRequested') return refuse('没有待审批的修改申请');
      const problem = checkRejectionReason(event.reason);
      return problem ? refuse(problem) : to({ kind: 'certified' });
    }
    case 'endReview':
      return state.kind === 'underReview' ? to({ kind: 'none' }) : refuse('没有进行中的审批');
  }
}
