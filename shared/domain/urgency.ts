import { needsArchive } from './archive';
import { daysLeft, uploadDeadline } from './deadline';
import type { ChinaDate, Member } from './types';

/**
 * The one urgency classification, used by the overlay, the popup, the worker and the digests.
 * Buckets do not overlap: every member is in exactly one.
 */
export const BUCKETS = [
  'overdue',
  'maybeOverdue',
  'dueToday',
  'within3',
  'within7',
  'later',
  'pending',
  'certified',
  'exempt',
] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_LABELS: Record<Bucket, string> = {
  overdue: '已逾期',
  maybeOverdue: '可能逾期',
  dueToday: '今日截止',
  within3: '3日内到期',
  within7: '7日内到期',
  later: '7日后到期',
  pending: '已上传待审批',
  certified: '团员身份已认证',
  exempt: '无需上传（2020年前入团）',
};

/** Buckets in which the archive is still owed: the admin has something to do. */
export const ACTION_BUCKETS: ReadonlySet<Bucket> = new Set([
  'overdue',
  'maybeOverdue',
  'dueToday',
  'within3',
  'within7',
  'later',
]);

export interface Urgency {
  bucket: Bucket;
  /** Days to the last day (negative once past); null when no upload is owed. */
  daysLeft: number | null;
  lastDay: ChinaDate | null;
  /** The deadline counts from 入团时间 because the approval date is unknown. */
  estimated: boolean;
  /** 认证不通过: classified by the original deadline, flagged so it stands out. */
  rejected: boolean;
}

export type UrgencyInput = Pick<Member, 'joinedOn' | 'approvedOn' | 'status'>;

export function classify(m: UrgencyInput, today: ChinaDate): Urgency {
  const rejected = m.status === 'rejected';
  if (!needsArchive(m.joinedOn)) return { bucket: 'exempt', daysLeft: null, lastDay: null, estimated: false, rejected };
  if (m.status === 'certified')
    return { bucket: 'certified', daysLeft: null, lastDay: null, estimated: false, rejected };
  const deadline = uploadDeadline(m);
  const base = { lastDay: deadline.lastDay, estimated: deadline.estimated, rejected };
  // Uploaded and waiting: the upload duty is met, whatever the calendar says.
  if (m.status === 'pending') return { ...base, bucket: 'pending', daysLeft: null };
  const left = daysLeft(deadline, today);
  return { ...base, bucket: bucketForDaysLeft(left, deadline.estimated), daysLeft: left };
}

/**
 * The buckets of a deadline not yet passed, soonest first: a member whose last day is `left` days
 * away is in the first whose `withinDays` is at least `left`, else in `later`. The worker's SQL is
 * generated from this table (worker/db/reminders.ts).
 */
export const DUE_BUCKETS: readonly { bucket: Bucket; withinDays: number }[] = [
  { bucket: 'dueToday', withinDays: 0 },
  { bucket: 'within3', withinDays: 3 },
  { bucket: 'within7', withinDays: 7 },
];
export const LATER_BUCKET = 'later' satisfies Bucket;

/** The deadline buckets: past the last day overdue (maybeOverdue when estimated), then DUE_BUCKETS. */
export function bucketForDaysLeft(left: number, estimated: boolean): Bucket {
  if (left < 0) return estimated ? 'maybeOverdue' : 'overdue';
  return DUE_BUCKETS.find((b) => left <= b.withinDays)?.bucket ?? LATER_BUCKET;
}

/** The counters every summary shows: the buckets, plus rejected and not-uploaded totals. */
export type Counters = Record<Bucket, number> & { rejected: number; notUploaded: number; total: number };

export function emptyCounters(): Counters {
  const c = { rejected: 0, notUploaded: 0, total: 0 } as Counters;
  for (const b of BUCKETS) c[b] = 0;
  return c;
}

export function countMembers(members: Iterable<UrgencyInput>, today: ChinaDate): Counters {
  const c = emptyCounters();
  for (const m of members) {
    const u = classify(m, today);
    c[u.bucket]++;
    c.total++;
    if (u.rejected) c.rejected++;
    if (m.status === 'notUploaded' && u.bucket !== 'exempt') c.notUploaded++;
  }
  return c;
}

export function addCounters(a: Counters, b: Counters): Counters {
  const c = emptyCounters();
  for (const k of Object.keys(c) as (keyof Counters)[]) c[k] = a[k] + b[k];
  return c;
}

/** Overdue (confirmed or possible) and due today: the toolbar badge's number. */
export function urgentCount(c: Counters): number {
  return c.overdue + c.maybeOverdue + c.dueToday;
}
