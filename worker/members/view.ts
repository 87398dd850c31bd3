import type { MemberView } from '../../shared/api/members';
import type { Counters } from '../../shared/domain/urgency';
import { classify, emptyCounters } from '../../shared/domain/urgency';
import { addDays } from '../../shared/domain/chinaDate';
import type { ChinaDate } from '../../shared/domain/types';
import type { BucketGroup, Window } from '../db/reminders';
import type { OrgTree } from '../lib/orgTree';
import type { MemberRow } from './row';

export const windowFor = (today: ChinaDate): Window => ({ today, plus3: addDays(today, 3), plus7: addDays(today, 7) });

/** A stored row as the API shows it; the bucket comes from the shared `classify`. */
export function memberView(r: MemberRow, tree: OrgTree, today: ChinaDate): MemberView {
  const u = r.joined_on
    ? classify({ joinedOn: r.joined_on, approvedOn: r.approved_on ?? undefined, status: r.status }, today)
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

/** Folds the SQL groups into the shared counters, per organisation. */
export function countersByOrg(groups: BucketGroup[]): Map<number, Counters> {
  const out = new Map<number, Counters>();
  for (const g of groups) {
    let c = out.get(g.org_seq);
    if (!c) out.set(g.org_seq, (c = emptyCounters()));
    c[g.bucket] += g.n;
    c.total += g.n;
    if (g.status === 'rejected') c.rejected += g.n;
    if (g.status === 'notUploaded' && g.bucket !== 'exempt') c.notUploaded += g.n;
  }
  return out;
}
