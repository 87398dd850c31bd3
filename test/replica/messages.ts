/** 操作中心 items the back end sends, in the host's own words where they are known. */
import type { MemberRecord, ReplicaMember, ReplicaMessage, ReplicaOrg } from './model';
import { MESSAGE_TYPES } from './model';

export const APPROVED_TEXT = '您提交的团员电子档案已通过上级团组织审核。';

/** The host's rejection feedback; the reviewer's reason goes between the quotes. */
export function rejectedText(reason: string): string {
  return `您提交的团员电子档案未通过上级团组织审核，理由为：'${reason}'。请根据上级审核意见重新修改并上传新的文件。`;
}

/** Labels of the 所有类型 dropdown (the real labels are not public; these follow the guide). */
export const MESSAGE_TYPE_LABELS: Record<number, string> = {
  [-1]: '所有类型',
  [MESSAGE_TYPES.recordAudit]: '团员电子档案审批',
  [MESSAGE_TYPES.recordFeedback]: '团员电子档案审批反馈',
  [MESSAGE_TYPES.transfer]: '组织关系转接',
};

type NewMessage = Omit<ReplicaMessage, 'messageId'>;

/** To the approving committee: an upload waits for its 审批. */
export function auditRequestMessage(
  m: ReplicaMember,
  uploader: ReplicaOrg,
  approver: ReplicaOrg,
  record: MemberRecord,
  at: string,
): NewMessage {
  return {
    toLeagueId: approver.leagueId,
    messageType: MESSAGE_TYPES.recordAudit,
    messageTitle: `团员电子档案审批：${m.name}`,
    messageContent: `${uploader.leagueFullName}提交了团员${m.name}的电子版《入团志愿书》，请审批。`,
    senderName: uploader.leagueName,
    senderLeagueFullName: uploader.leagueFullName,
    senderType: 1,
    readStatus: 0,
    handleStatus: 0,
    createTime: at,
    businessId: record.recordId,
  };
}

/** To the uploading organisation: the outcome, with the reviewer's reason when rejected. */
export function feedbackMessage(
  m: ReplicaMember,
  approver: ReplicaOrg,
  uploader: ReplicaOrg,
  record: MemberRecord,
  at: string,
): NewMessage {
  const approved = record.auditResult === 1;
  return {
    toLeagueId: uploader.leagueId,
    messageType: MESSAGE_TYPES.recordFeedback,
    messageTitle: `团员电子档案审批结果：${m.name}`,
    messageContent: approved ? APPROVED_TEXT : rejectedText(record.auditOpinion ?? ''),
    senderName: approver.leagueName,
    senderLeagueFullName: approver.leagueFullName,
    senderType: 1,
    readStatus: 0,
    handleStatus: 2,
    createTime: at,
    businessId: record.recordId,
  };
}
