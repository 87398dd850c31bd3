import { needsArchive } from './archive';
import type { ChinaDate, Member } from './types';

type Subject = Pick<Member, 'joinedOn' | 'status'>;

export const TRANSFER_REFUSED =
  '该团员尚未完成团员身份认证，必须认证通过后才能进行组织关系转接。毕业年级的新发展团员须先完成团员身份认证，再开展团组织关系转接（§4.4、§5.4）。';

/** §4.4, §5.4: a member who needs an archive can be transferred only once certified. */
export function canTransfer(m: Subject): { ok: true } | { ok: false; reason: string } {
  return !needsArchive(m.joinedOn) || m.status === 'certified' ? { ok: true } : { ok: false, reason: TRANSFER_REFUSED };
}

/** §5.3, §5.4: an uncertified member who needs an archive is not counted as a new member. */
export function countsAsNewMember(m: Subject): boolean {
  return needsArchive(m.joinedOn) && m.status === 'certified';
}

export interface NewMemberStat {
  /** Joined in the period (from 2020 on: the members who need an archive). */
  developed: number;
  /** Of those, certified: what the host's statistics count (§5.3). */
  counted: number;
  notCounted: number;
}

/** 新发展团员 statistics per organisation for a period of 入团时间 (inclusive bounds). */
export function newMemberStats(
  members: Iterable<Pick<Member, 'orgId' | 'joinedOn' | 'status'>>,
  period: { from?: ChinaDate; to?: ChinaDate } = {},
): { byOrg: Map<string, NewMemberStat>; total: NewMemberStat } {
  const byOrg = new Map<string, NewMemberStat>();
  const total: NewMemberStat = { developed: 0, counted: 0, notCounted: 0 };
  for (const m of members) {
    if (!needsArchive(m.joinedOn)) continue;
    if ((period.from && m.joinedOn < period.from) || (period.to && m.joinedOn > period.to)) continue;
    let s = byOrg.get(m.orgId);
    if (!s) byOrg.set(m.orgId, (s = { developed: 0, counted: 0, notCounted: 0 }));
    const field = countsAsNewMember(m) ? 'counted' : 'notCounted';
    for (const t of [s, total]) {
      t.developed++;
      t[field]++;
    }
  }
  return { byOrg, total };
}
