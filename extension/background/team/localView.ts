/**
 * The supervisor's view from what this browser has seen (local mode, or while the worker cannot
 * be reached): the same shared buckets and counters the worker computes, over the kept members.
 */
import { addDays, daysBetween } from '../../../shared/domain/chinaDate';
import { newMemberStats } from '../../../shared/domain/transfer';
import {
  ACTION_BUCKETS,
  addCounters,
  classify,
  countMembers,
  emptyCounters,
  type Counters,
} from '../../../shared/domain/urgency';
import type { ChinaDate } from '../../../shared/domain/types';
import type { LocalMember } from '../../model/member';
import type { MemberItem, MemberQuery, OrgSummary, Summary, TimelineDay } from '../../messaging/teamViews';

export const TIMELINE_DAYS = 30;

type Classifiable = LocalMember & { values: LocalMember['values'] & { joinedOn: ChinaDate } };

const classifiable = (m: LocalMember): m is Classifiable => !!m.values.joinedOn;

const input = (m: Classifiable) => ({
  joinedOn: m.values.joinedOn,
  approvedOn: m.values.approvedOn ?? undefined,
  status: m.values.status ?? 'unknown',
});

/** Most urgent first: the order of the stacked bars and of member lists. */
export function severity(c: Counters): number[] {
  return [c.overdue + c.maybeOverdue, c.dueToday, c.within3, c.rejected, c.within7, c.later, c.pending];
}

export function worstFirst<T extends { own: Counters; name: string }>(orgs: T[]): T[] {
  return [...orgs].sort((a, b) => {
    const sa = severity(a.own);
    const sb = severity(b.own);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
    return a.name.localeCompare(b.name, 'zh-CN');
  });
}

/** Counts of owed members per last day, from today through the next 30 days. */
export function timelineOf(
  items: readonly { lastDay: ChinaDate | null; estimated: boolean; bucket: string }[],
  today: ChinaDate,
): TimelineDay[] {
  const days: TimelineDay[] = Array.from({ length: TIMELINE_DAYS + 1 }, (_, i) => ({
    day: addDays(today, i),
    count: 0,
    estimated: 0,
  }));
  for (const it of items) {
    if (!it.lastDay || !ACTION_BUCKETS.has(it.bucket as never)) continue;
    const i = daysBetween(today, it.lastDay);
    if (i < 0 || i > TIMELINE_DAYS) continue;
    days[i]!.count++;
    if (it.estimated) days[i]!.estimated++;
  }
  return days;
}

/**
 * The organisation's own name from the host's full one, for display: the host runs the names from
 * the top down together (演示市第一中学团委高二年级团总支高二（3）班团支部 → 高二（3）班团支部).
 */
export function ownName(full: string): string {
  const parts = full.split(/(?<=团委|团工委|团总支|委员会)(?=.)/);
  return parts[parts.length - 1]!;
}

export function localSummary(members: readonly LocalMember[], today: ChinaDate, now: number): Summary {
  const kept = members.filter(classifiable);
  const byOrg = new Map<string, Classifiable[]>();
  for (const m of kept) byOrg.set(m.orgKey, [...(byOrg.get(m.orgKey) ?? []), m]);
  const orgs: OrgSummary[] = [...byOrg.entries()].map(([id, ms]) => {
    const own = countMembers(ms.map(input), today);
    return { id, name: ownName(ms[0]!.org.name), type: ms[0]!.org.type ?? null, parentId: null, own, subtree: own };
  });
  const counters = orgs.reduce((acc, o) => addCounters(acc, o.own), emptyCounters());
  const stats = newMemberStats(kept.map((m) => ({ ...input(m), orgId: m.orgKey }))).total;
  const items = kept.map((m) => ({ ...classify(input(m), today) }));
  return {
    source: 'local',
    stale: false,
    fetchedAt: now,
    today,
    org: null,
    counters,
    stats,
    orgs: worstFirst(orgs),
    timeline: timelineOf(items, today),
    timelineTruncated: false,
  };
}

export function localItem(m: Classifiable, today: ChinaDate): MemberItem {
  const u = classify(input(m), today);
  return {
    key: m.key,
    orgId: m.orgKey,
    orgName: m.org.name,
    name: m.values.name ?? '',
    masked: false,
    devNumber: m.values.devNumber || null,
    idMasked: m.values.idMasked ?? null,
    joinedOn: m.values.joinedOn,
    approvedOn: m.values.approvedOn ?? null,
    status: m.values.status ?? 'unknown',
    bucket: u.bucket,
    daysLeft: u.daysLeft,
    lastDay: u.lastDay,
    estimated: u.estimated,
    rejectionReason: m.values.rejectionReason ?? null,
    isCadre: m.values.isCadre ?? false,
    own: null,
  };
}

/** Whether a member stands behind a number the admin chose. */
export function matches(it: MemberItem, q: MemberQuery): boolean {
  if (q.orgId && it.orgId !== q.orgId) return false;
  if (q.day && it.lastDay !== q.day) return false;
  if (!q.bucket) return !q.day || ACTION_BUCKETS.has(it.bucket);
  if (q.bucket === 'owed') return ACTION_BUCKETS.has(it.bucket);
  if (q.bucket === 'late') return it.bucket === 'overdue' || it.bucket === 'maybeOverdue';
  if (q.bucket === 'rejected') return it.status === 'rejected' && it.bucket !== 'exempt';
  if (q.bucket === 'notUploaded') return it.status === 'notUploaded' && it.bucket !== 'exempt';
  return it.bucket === q.bucket;
}

/** Most urgent first: fewest days left, then name. */
export function byUrgency(a: MemberItem, b: MemberItem): number {
  const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
  const dbb = b.daysLeft ?? Number.POSITIVE_INFINITY;
  return da - dbb || a.name.localeCompare(b.name, 'zh-CN');
}

export function localMembers(
  members: readonly LocalMember[],
  q: MemberQuery,
  today: ChinaDate,
  limit = 500,
): { members: MemberItem[]; truncated: boolean } {
  const hits = members
    .filter(classifiable)
    .map((m) => localItem(m, today))
    .filter((it) => matches(it, q))
    .sort(byUrgency);
  return { members: hits.slice(0, limit), truncated: hits.length > limit };
}

export { classifiable };
