import type { MemberView } from '../../shared/api/members';
import type { Counters } from '../../shared/domain/urgency';
import { classify, emptyCounters } from '../../shared/domain/urgency';
import { sentDateProblem } from '../../shared/domain/sentDate';
import type { ChinaDate } from '../../shared/domain/types';
import type { OrgCounts, UpcomingGroup } from '../db/reminders';
import type { OrgTree } from '../lib/orgTree';
import type { MemberRow } from './row';

/** A stored row as the API shows it; the bucket comes from the shared `classify`. */
export function memberView(r: MemberRow, tree: OrgTree, today: ChinaDate): MemberView {
  // A date stored before the worker refused impossible ones (9999-12-31) gives no deadline, rather
  // than one thousands of years out that no list could show.
  const real = (d: ChinaDate | null) => (d && !sentDateProblem(d, today) ? d : null);
  const joinedOn = real(r.joined_on);
  const u = joinedOn
    ? classify({ joinedOn, approvedOn: real(r.approved_on) ?? undefined, status: r.status }, today)
    : { bucket: 'later' as const, daysLeft: null, lastDay: null, estimated: true };
  return {
    key: r.key,
    orgId: tree.bySeq.get(r.org_seq)?.id ?? '',
    orgName: tree.bySeq.get(r.org_seq)?.name ?? '',
    name: r.name,
    nameMasked: r.name_masked,
    idMasked: r.id_masked,
    devNumber: r.dev_number,
    joinedOn: r.joined_on,
    approvedOn: r.approved_on,
    status: r.status,
    rejectionReason: r.rejection_reason,
    graduating: r.graduating === 1,
    lastDay: u.lastDay,
    estimated: u.estimated,
    bucket: u.bucket,
    daysLeft: u.daysLeft,
  };
}

/**
 * The shared counters per organisation from the two reminder reads: owed members not yet due
 * today or later are past their last day — overdue, or maybeOverdue when the day is estimated.
 */
export function countersByOrg(counts: OrgCounts[], upcoming: UpcomingGroup[]): Map<number, Counters> {
  const out = new Map<number, Counters>();
  for (const r of counts) {
    const c = emptyCounters();
    c.exempt = r.exempt;
    c.certified = r.certified;
    c.pending = r.pending;
    c.overdue = r.owed_exact;
    c.maybeOverdue = r.owed_estimated;
    c.rejected = r.rejected;
    c.notUploaded = r.not_uploaded;
    c.total = r.exempt + r.certified + r.pending + r.owed_exact + r.owed_estimated;
    out.set(r.org_seq, c);
  }
  for (const u of upcoming) {
    const c = out.get(u.org_seq);
    if (!c) continue;
    c[u.bucket] += u.n;
    if (u.estimated === 1) c.maybeOverdue -= u.n;
    else c.overdue -= u.n;
  }
  return out;
}
