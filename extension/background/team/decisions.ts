/**
 * Decisions the team's log keeps: a reviewer's 同意 / 不同意 in the host's 审批 dialog (kept as the
 * member's new status and reason, which the forwarder sends: the worker's audit log records the
 * change), and a committee's answer to a §4.5 modification request (a queued request of its own).
 */
import { checkRejectionReason } from '../../../shared/domain/approval';
import type { ApprovalDecision } from '../../messaging/teamViews';
import type { RowObservation } from '../../model/member';
import type { LocalDb } from '../store/db';
import { recordObservations } from '../store/members';
import { enqueueRequest, type Placer } from '../sync/outbox';

/** A decision from a content script, checked: anything malformed is refused with a reason. */
export function parseDecision(x: unknown): ApprovalDecision | string {
  const d = x as Partial<ApprovalDecision> | null;
  if (!d || typeof d !== 'object' || (d.decision !== 'approve' && d.decision !== 'reject')) return '审批结果无效';
  const m = d.member;
  if (!m || typeof m.name !== 'string' || !m.name.trim() || typeof m.org?.name !== 'string') return '缺少团员信息';
  if (typeof d.at !== 'number' || !Number.isFinite(d.at)) return '缺少审批时间';
  const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
  if (d.decision === 'reject') {
    const problem = checkRejectionReason(reason);
    if (problem) return problem;
  }
  return {
    member: {
      org: { name: m.org.name, ...(m.org.leagueId ? { leagueId: m.org.leagueId } : {}) },
      name: m.name.trim(),
      ...(typeof m.devNumber === 'string' ? { devNumber: m.devNumber } : {}),
      ...(typeof m.joinedOn === 'string' ? { joinedOn: m.joinedOn } : {}),
      ...(typeof m.idCard === 'string' ? { idCard: m.idCard } : {}),
    },
    decision: d.decision,
    ...(reason ? { reason: reason.slice(0, 2000) } : {}),
    at: d.at,
  };
}

/** Kept as what the host now shows for the member: 团员身份已认证, or 认证不通过 with the reason. */
export async function recordApprovalDecision(db: LocalDb, d: ApprovalDecision): Promise<string | null> {
  const row: RowObservation = {
    org: d.member.org,
    name: d.member.name,
    ...(d.member.devNumber !== undefined ? { devNumber: d.member.devNumber } : {}),
    ...(d.member.joinedOn ? { joinedOn: d.member.joinedOn } : {}),
    ...(d.member.idCard ? { idCard: d.member.idCard } : {}),
    status: d.decision === 'approve' ? 'certified' : 'rejected',
    rejectionReason: d.decision === 'reject' ? (d.reason ?? '') : null,
  };
  const { facts } = await recordObservations(db, [row], d.at);
  return facts[0]?.key || null;
}

/** A §4.5 decision, frozen with its own idempotency key behind everything kept before it. */
export async function queueModificationDecision(
  db: LocalDb,
  id: string,
  body: { decision: 'approve' | 'reject'; reason?: string },
  place?: Placer,
): Promise<number> {
  await enqueueRequest(
    db,
    {
      method: 'POST',
      path: `/v1/modifications/${encodeURIComponent(id)}/decision`,
      body,
      label: body.decision === 'approve' ? '同意修改申请' : '驳回修改申请',
    },
    Date.now(),
    place,
  );
  const last = await db.getAll('outbox');
  return last[last.length - 1]!.seq!;
}
