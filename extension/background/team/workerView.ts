/**
 * The supervisor's view from the team's worker: its reminders (the shared counters over the
 * token's subtree), the members behind a number, and search. Read directly, never queued.
 */
import { z } from 'zod';
import { MemberView, SearchResponse } from '../../../shared/api/members';
import { RemindersResponse } from '../../../shared/api/reminders';
import type { BucketName } from '../../../shared/api/reminders';
import type { Bucket } from '../../../shared/domain/urgency';
import type { WorkerApi } from './client';
import { byUrgency, matches, timelineOf, worstFirst } from './localView';
import type { MemberItem, MemberQuery, OrgSummary, Summary } from '../../messaging/teamViews';
import type { Connection } from './types';

const BucketMembers = z.object({
  today: z.string(),
  bucket: z.string(),
  members: z.array(MemberView),
  nextOffset: z.number().nullable(),
});

const PAGE = 500;
/** Owed members read for the timeline and lists, per bucket: beyond that the view says "truncated". */
const MAX_PER_BUCKET = 2000;
const UPCOMING: Bucket[] = ['dueToday', 'within3', 'within7', 'later'];
const OWED: Bucket[] = ['overdue', 'maybeOverdue', ...UPCOMING];

export function itemOf(v: MemberView, conn: Pick<Connection, 'org'>): MemberItem {
  return {
    key: v.key,
    orgId: v.orgId,
    orgName: v.orgName,
    name: v.name ?? v.nameMasked ?? '',
    masked: v.name === null,
    devNumber: v.devNumber,
    idMasked: v.idMasked,
    joinedOn: v.joinedOn,
    approvedOn: v.approvedOn,
    status: v.status,
    bucket: v.bucket,
    daysLeft: v.daysLeft,
    lastDay: v.lastDay,
    estimated: v.estimated,
    rejectionReason: v.rejectionReason,
    isCadre: false,
    own: v.orgId === conn.org.id,
  };
}

/** Every member of one bucket under an organisation, most urgent first, up to the cap. */
export async function bucketMembers(
  api: WorkerApi,
  orgId: string,
  bucket: BucketName,
  cap = MAX_PER_BUCKET,
): Promise<{ members: MemberView[]; truncated: boolean }> {
  const out: MemberView[] = [];
  for (let offset: number | null = 0; offset !== null && out.length < cap;) {
    const page: z.infer<typeof BucketMembers> = await api(
      `/v1/reminders/${encodeURIComponent(orgId)}/members?bucket=${bucket}&limit=${PAGE}&offset=${offset}`,
      BucketMembers,
    );
    out.push(...page.members);
    offset = page.nextOffset;
    if (offset !== null && out.length >= cap) return { members: out.slice(0, cap), truncated: true };
  }
  return { members: out, truncated: false };
}

export async function workerSummary(api: WorkerApi, conn: Connection, now: number): Promise<Summary> {
  const r = await api('/v1/reminders', RemindersResponse);
  const orgs: OrgSummary[] = r.orgs.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    parentId: o.parentId,
    own: o.own ?? o.subtree,
    subtree: o.subtree,
  }));
  const upcoming = await Promise.all(
    UPCOMING.map((b) =>
      r.counters[b] ? bucketMembers(api, r.org.id, b) : Promise.resolve({ members: [], truncated: false }),
    ),
  );
  const items = upcoming.flatMap((u) => u.members);
  return {
    source: 'worker',
    stale: false,
    fetchedAt: now,
    today: r.today,
    org: { id: r.org.id, name: r.org.name },
    counters: r.counters,
    stats: r.stats,
    orgs: worstFirst(orgs.filter((o) => o.own.total > 0 || o.id === r.org.id)),
    timeline: timelineOf(items, r.today),
    timelineTruncated: upcoming.some((u) => u.truncated),
  };
}

/** The members behind a number: read per bucket from the worker, then narrowed like the local view. */
export async function workerMembers(
  api: WorkerApi,
  conn: Connection,
  q: MemberQuery,
  limit = 500,
): Promise<{ members: MemberItem[]; truncated: boolean }> {
  const orgId = q.orgId ?? conn.org.id;
  const buckets: Bucket[] =
    q.bucket === 'late'
      ? ['overdue', 'maybeOverdue']
      : q.bucket && q.bucket !== 'owed' && q.bucket !== 'rejected' && q.bucket !== 'notUploaded'
        ? [q.bucket]
        : q.day
          ? UPCOMING
          : OWED;
  const read = await Promise.all(buckets.map((b) => bucketMembers(api, orgId, b)));
  let truncated = read.some((r) => r.truncated);
  const hits = read
    .flatMap((r) => r.members)
    .map((v) => itemOf(v, conn))
    // The worker answers for the organisation's subtree; a bar stands for its own members.
    .filter((it) => matches(it, { ...q, orgId: q.ownOnly ? orgId : undefined }))
    .sort(byUrgency);
  if (hits.length > limit) truncated = true;
  return { members: hits.slice(0, limit), truncated };
}

export async function workerSearch(
  api: WorkerApi,
  conn: Connection,
  by: 'name' | 'devNumber' | 'idHash',
  q: string,
): Promise<{ members: MemberItem[]; truncated: boolean }> {
  const r = await api(`/v1/members/search?by=${by}&q=${encodeURIComponent(q)}`, SearchResponse);
  return { members: r.members.map((v) => itemOf(v, conn)), truncated: r.truncated };
}
