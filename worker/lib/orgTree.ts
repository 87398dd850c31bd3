import type { OrgRow } from '../db/orgs';
import type { OrgView } from '../../shared/api/orgs';

/** An in-memory view of a subtree: lookups by id, leagueId and name path, and names for display. */
export class OrgTree {
  readonly bySeq = new Map<number, OrgRow>();
  readonly byId = new Map<string, OrgRow>();
  readonly byLeagueId = new Map<string, OrgRow>();
  private namePaths: Map<string, OrgRow> | undefined;

  constructor(readonly rows: OrgRow[]) {
    for (const r of rows) {
      this.bySeq.set(r.seq, r);
      this.byId.set(r.id, r);
      if (r.league_id) this.byLeagueId.set(r.league_id, r);
    }
  }

  /** Built on first use: only syncs that name organisations by path need it. */
  private get byNamePath(): Map<string, OrgRow> {
    if (!this.namePaths) {
      this.namePaths = new Map();
      for (const r of this.rows) this.namePaths.set(this.names(r).join('/'), r);
    }
    return this.namePaths;
  }

  /** Names from the top of what this tree holds down to the organisation. */
  names(r: OrgRow): string[] {
    const out: string[] = [];
    for (let o: OrgRow | undefined = r; o; o = o.parent_seq === null ? undefined : this.bySeq.get(o.parent_seq))
      out.unshift(o.name);
    return out;
  }

  /**
   * A name path may start at the tenant's top committee (above this tree's root: its head is cut),
   * at this tree's root, or lower down when it names exactly one organisation.
   */
  byPath(path: string[]): OrgRow | undefined {
    for (let i = 0; i < path.length; i++) {
      const hit = this.byNamePath.get(path.slice(i).join('/'));
      if (hit) return hit;
    }
    const tail = `/${path.join('/')}`;
    const matches = [...this.byNamePath].filter(([full]) => full.endsWith(tail));
    return matches.length === 1 ? matches[0]![1] : undefined;
  }

  view(r: OrgRow): OrgView {
    const parent = r.parent_seq === null ? undefined : this.bySeq.get(r.parent_seq);
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      parentId: parent?.id ?? null,
      leagueId: r.league_id,
      path: this.names(r),
    };
  }
}
