import { maskIdCard } from '../../../shared/domain/idCard';
import type { MemberRecord, ReplicaMember, ReplicaOrg, ReplicaState } from '../model';

const ARCHIVE_FROM = '2020-01-01';

/**
 * Where a member's archive stands, as the back end knows it:
 * exempt (joined before 2020, §5.6), none, pending (under review), rejected, certified.
 */
export type ArchiveState = 'exempt' | 'none' | 'pending' | 'rejected' | 'certified';

export function latestRecord(state: ReplicaState, userId: string): MemberRecord | undefined {
  let latest: MemberRecord | undefined;
  for (const r of state.records)
    if (r.userId === userId && (!latest || Number(r.recordId) > Number(latest.recordId))) latest = r;
  return latest;
}

/** Every member's latest record, in one pass: lists of thousands must not scan per row. */
export function latestRecords(state: ReplicaState): Map<string, MemberRecord> {
  const latest = new Map<string, MemberRecord>();
  for (const r of state.records) {
    const known = latest.get(r.userId);
    if (!known || Number(r.recordId) > Number(known.recordId)) latest.set(r.userId, r);
  }
  return latest;
}

export function archiveState(member: ReplicaMember, record: MemberRecord | undefined): ArchiveState {
  if (member.joinLeagueTime < ARCHIVE_FROM) return 'exempt';
  if (!record) return 'none';
  if (record.status === 1) return 'pending';
  if (record.status === 2) return 'certified';
  return record.auditResult === 0 ? 'rejected' : 'none';
}

export function orgById(state: ReplicaState, leagueId: string): ReplicaOrg | undefined {
  return state.orgs.find((o) => o.leagueId === leagueId);
}

/** A list row: the 身份证号 masked, as lists show it; the detail view shows it whole. */
export function memberRow(state: ReplicaState, m: ReplicaMember, latest = latestRecord(state, m.userId)) {
  const org = orgById(state, m.leagueId);
  return {
    userId: m.userId,
    name: m.name,
    sex: m.sex,
    nation: m.nation,
    mobile: m.mobile.slice(0, 3) + '****' + m.mobile.slice(7),
    identityCardNo: maskIdCard(m.identityCardNo),
    userCode: m.userCode,
    joinLeagueTime: m.joinLeagueTime,
    leagueId: m.leagueId,
    leagueName: org?.leagueName ?? '',
    leagueFullName: org?.leagueFullName ?? '',
    isCadre: m.isCadre,
    cadrePost: m.cadrePost ?? '',
    archiveState: archiveState(m, latest),
    recordId: latest?.recordId ?? null,
  };
}
export type MemberRow = ReturnType<typeof memberRow>;

/** The approval steps behind the 操作 column's status icon. */
export function recordSteps(state: ReplicaState, userId: string) {
  return state.records
    .filter((r) => r.userId === userId)
    .sort((a, b) => Number(b.recordId) - Number(a.recordId))
    .map((r) => ({
      recordId: r.recordId,
      fileId: r.fileId,
      status: r.status,
      createTime: r.createTime,
      uploaderLeagueName: orgById(state, r.uploaderLeagueId)?.leagueName ?? '',
      approverLeagueName: r.approverLeagueId ? (orgById(state, r.approverLeagueId)?.leagueName ?? '') : null,
      auditResult: r.auditResult ?? null,
      auditOpinion: r.auditOpinion ?? null,
      auditTime: r.auditTime ?? null,
    }));
}
