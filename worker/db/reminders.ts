import { addDays } from '../../shared/domain/chinaDate';
import { DUE_BUCKETS, LATER_BUCKET, type Bucket } from '../../shared/domain/urgency';
import type { ChinaDate } from '../../shared/domain/types';
import type { MemberRow } from '../members/row';

/**
 * The dates the buckets turn on, bound from ?4 on: today, then the last day of each of
 * shared/domain/urgency.ts's DUE_BUCKETS (ISO dates compare as text).
 */
export interface Window {
  today: ChinaDate;
  dueBy: ChinaDate[];
}

export const windowFor = (today: ChinaDate): Window => ({
  today,
  dueBy: DUE_BUCKETS.map((b) => addDays(today, b.withinDays)),
});
const windowParams = (w: Window) => [w.today, ...w.dueBy];
/** The first parameter number after the window's. */
const AFTER_WINDOW = 5 + DUE_BUCKETS.length;

/** `bucketForDaysLeft` for a last day not yet passed, generated from DUE_BUCKETS. */
const DUE_SQL = `CASE ${DUE_BUCKETS.map((b, i) => `WHEN m.last_day <= ?${5 + i} THEN '${b.bucket}'`).join(' ')} ELSE '${LATER_BUCKET}' END`;

/**
 * shared/domain/urgency.ts `classify`, in SQL over the columns written with each member
 * (needs_archive, status, last_day, estimated): past the last day (before ?4, today) overdue, or
 * maybeOverdue when the day is estimated; else the due buckets.
 */
export const BUCKET_SQL = `CASE
  WHEN m.needs_archive = 0 THEN 'exempt'
  WHEN m.status = 'certified' THEN 'certified'
  WHEN m.status = 'pending' THEN 'pending'
  WHEN m.last_day < ?4 THEN CASE WHEN m.estimated = 1 THEN 'maybeOverdue' ELSE 'overdue' END
  ELSE ${DUE_SQL} END`;

/** Restricts to organisations in [lo, hi) unless the range is the whole tenant. */
const inScope = (col: string, whole: boolean) =>
  whole ? '' : `AND ${col} IN (SELECT seq FROM orgs WHERE tenant_id = ?1 AND path >= ?2 AND path < ?3)`;

export interface OrgCounts {
  org_seq: number;
  exempt: number;
  certified: number;
  pending: number;
  owed_exact: number;
  owed_estimated: number;
  rejected: number;
  not_uploaded: number;
}

export interface UpcomingGroup {
  org_seq: number;
  bucket: 'dueToday' | 'within3' | 'within7' | 'later';
  estimated: number;
  n: number;
}

/**
 * The two reads behind reminders, instead of a scan of every member: member_counts (one row per
 * organisation, the counts that do not depend on the date) and the owed members whose last day is
 * today or later (through the partial index members_upcoming), bucketed as `bucketForDaysLeft` does.
 */
export async function reminderReads(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  w: Window,
  wholeTenant: boolean,
): Promise<{ counts: OrgCounts[]; upcoming: UpcomingGroup[] }> {
  const [counts, upcoming] = await db.batch<OrgCounts & UpcomingGroup>([
    db
      .prepare(`SELECT * FROM member_counts WHERE tenant_id = ?1 ${inScope('org_seq', wholeTenant)}`)
      .bind(...(wholeTenant ? [tenantId] : [tenantId, lo, hi])),
    db
      .prepare(
        `SELECT m.org_seq, ${DUE_SQL} AS bucket,
                m.estimated, count(*) AS n
           FROM members m
          WHERE m.tenant_id = ?1 AND m.needs_archive = 1 AND m.status NOT IN ('certified', 'pending') AND m.last_day >= ?4 ${inScope('m.org_seq', wholeTenant)}
          GROUP BY m.org_seq, bucket, m.estimated`,
      )
      .bind(tenantId, lo, hi, ...windowParams(w)),
  ]);
  return { counts: counts!.results, upcoming: upcoming!.results };
}

/** The members behind one count, most urgent first. */
export async function membersInBucket(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  w: Window,
  bucket: Bucket,
  limit: number,
  offset: number,
): Promise<MemberRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.* FROM orgs o JOIN members m ON m.tenant_id = o.tenant_id AND m.org_seq = o.seq
        WHERE o.tenant_id = ?1 AND o.path >= ?2 AND o.path < ?3 AND (${BUCKET_SQL}) = ?${AFTER_WINDOW}
        ORDER BY m.last_day, m.key LIMIT ?${AFTER_WINDOW + 1} OFFSET ?${AFTER_WINDOW + 2}`,
    )
    .bind(tenantId, lo, hi, ...windowParams(w), bucket, limit, offset)
    .all<MemberRow>();
  return results;
}

/**
 * Owed members with their last day in [from, to] (ISO dates; either end open), for the calendar
 * feed and the digest's lists: soonest first, or (`latestFirst`) the most recently passed first.
 */
export async function owedMembers(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
  opts: { from?: string; to?: string; latestFirst?: boolean; limit: number },
): Promise<MemberRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.* FROM members m JOIN orgs o ON o.seq = m.org_seq
        WHERE m.tenant_id = ?1 AND m.needs_archive = 1 AND m.status NOT IN ('certified', 'pending')
          AND m.last_day >= ?4 AND m.last_day <= ?5 AND o.tenant_id = ?1 AND o.path >= ?2 AND o.path < ?3
        ORDER BY m.last_day ${opts.latestFirst ? 'DESC' : 'ASC'}, m.key LIMIT ?6`,
    )
    .bind(tenantId, lo, hi, opts.from ?? '0000-00-00', opts.to ?? '9999-99-99', opts.limit)
    .all<MemberRow>();
  return results;
}
