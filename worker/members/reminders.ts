import type { RemindersResponse } from '../../shared/api/reminders';
import { addCounters, emptyCounters, type Counters } from '../../shared/domain/urgency';
import type { ChinaDate } from '../../shared/domain/types';
import type { OrgRow } from '../db/orgs';
import { bucketGroups, type D1Cost } from '../db/reminders';
import type { OrgTree } from '../lib/orgTree';
import { countersByOrg, windowFor } from './view';

/** The counters of `org`'s subtree ([lo, hi)), per organisation (own and subtree), as of `today`. */
export async function summarise(
  db: D1Database,
  tenantId: string,
  tree: OrgTree,
  org: OrgRow,
  range: { lo: string; hi: string },
  today: ChinaDate,
): Promise<{ body: RemindersResponse; cost: D1Cost }> {
  const { groups, cost } = await bucketGroups(db, tenantId, range.lo, range.hi, windowFor(today));
  const own = countersByOrg(groups);
  const inRange = tree.rows.filter((r) => r.path >= range.lo && r.path < range.hi);
  const subtree = new Map<number, Counters>();
  // Deepest first, so each organisation hands its finished subtree to its parent.
  for (const r of [...inRange].sort((a, b) => b.path.length - a.path.length)) {
    const mine = addCounters(subtree.get(r.seq) ?? emptyCounters(), own.get(r.seq) ?? emptyCounters());
    subtree.set(r.seq, mine);
    if (r.parent_seq !== null && r.seq !== org.seq) subtree.set(r.parent_seq, addCounters(subtree.get(r.parent_seq) ?? emptyCounters(), mine));
  }
  const total = subtree.get(org.seq) ?? emptyCounters();
  const body: RemindersResponse = {
    today,
    org: { id: org.id, name: org.name, type: org.type },
    counters: total,
    // §5.3: of the members who need an archive, only the certified count as new members.
    stats: { developed: total.total - total.exempt, counted: total.certified, notCounted: total.total - total.exempt - total.certified },
    orgs: inRange.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      parentId: r.parent_seq === null ? null : (tree.bySeq.get(r.parent_seq)?.id ?? null),
      own: own.get(r.seq) ?? emptyCounters(),
      subtree: subtree.get(r.seq) ?? emptyCounters(),
    })),
  };
  return { body, cost };
}
