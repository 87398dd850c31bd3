import type { RemindersResponse } from '../../shared/api/reminders';
import { emptyCounters, type Counters } from '../../shared/domain/urgency';
import type { ChinaDate } from '../../shared/domain/types';
import type { OrgRow } from '../db/orgs';
import { reminderReads, windowFor } from '../db/reminders';
import type { OrgTree } from '../lib/orgTree';
import { countersByOrg } from './view';

/** The counters of `org`'s subtree ([lo, hi)), per organisation (own and subtree), as of `today`. */
export async function summarise(
  db: D1Database,
  tenantId: string,
  tree: OrgTree,
  org: OrgRow,
  range: { lo: string; hi: string },
  today: ChinaDate,
  wholeTenant: boolean,
): Promise<RemindersResponse> {
  const { counts, upcoming } = await reminderReads(db, tenantId, range.lo, range.hi, windowFor(today), wholeTenant);
  const own = countersByOrg(counts, upcoming);
  const inRange = tree.rows.filter((r) => r.path >= range.lo && r.path < range.hi);
  const subtree = new Map<number, Counters>();
  const hasChildren = new Set(inRange.map((r) => r.parent_seq));
  const add = (into: Counters, from: Counters) => {
    for (const k in from) into[k as keyof Counters] += from[k as keyof Counters];
  };
  // Deepest first, so each organisation hands its finished subtree to its parent.
  for (const r of [...inRange].sort((a, b) => b.path.length - a.path.length)) {
    let mine = subtree.get(r.seq);
    if (!mine) subtree.set(r.seq, (mine = emptyCounters()));
    const o = own.get(r.seq);
    if (o) add(mine, o);
    if (r.parent_seq === null || r.seq === org.seq) continue;
    let parent = subtree.get(r.parent_seq);
    if (!parent) subtree.set(r.parent_seq, (parent = emptyCounters()));
    add(parent, mine);
  }
  const total = subtree.get(org.seq) ?? emptyCounters();
  const body: RemindersResponse = {
    today,
    org: { id: org.id, name: org.name, type: org.type },
    counters: total,
    // §5.3: of the members who need an archive, only the certified count as new members.
    stats: {
      developed: total.total - total.exempt,
      counted: total.certified,
      notCounted: total.total - total.exempt - total.certified,
    },
    orgs: inRange.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      parentId: r.parent_seq === null ? null : (tree.bySeq.get(r.parent_seq)?.id ?? null),
      ...(hasChildren.has(r.seq) ? { own: own.get(r.seq) ?? emptyCounters() } : {}),
      subtree: subtree.get(r.seq) ?? emptyCounters(),
    })),
  };
  return body;
}
