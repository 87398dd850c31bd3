/**
 * Which organisation of the team's tree a row belongs to. The host names organisations by their
 * full name — the names from the top down run together ("演示市第一中学团委高二年级团总支高二（3）班团支部")
 * — while the team's tree holds each organisation's own name. The worker cannot resolve such a
 * name, and one unknown organisation refuses a whole batch, so rows are placed here first and
 * sent as `{ id }`; a row that cannot be placed with certainty waits (and says so).
 */
import type { OrgView } from '../../../shared/api/orgs';
import { withoutSpaces } from '../../../shared/domain/text';

export interface OrgHint {
  leagueId?: string;
  /** The name as the host page showed it: the organisation's own, or its full name. */
  name?: string;
  path?: string[];
}

export class OrgMatcher {
  private readonly byLeague = new Map<string, OrgView>();
  private readonly byName = new Map<string, OrgView[]>();
  private readonly byId = new Map<string, OrgView>();
  private readonly memo = new Map<string, string | null>();

  constructor(readonly orgs: readonly OrgView[]) {
    for (const o of orgs) {
      this.byId.set(o.id, o);
      if (o.leagueId) this.byLeague.set(o.leagueId, o);
      const n = withoutSpaces(o.name);
      this.byName.set(n, [...(this.byName.get(n) ?? []), o]);
    }
  }

  /** The team's id of the organisation, or null when it is not in the tree or not certain. */
  place(hint: OrgHint): string | null {
    if (hint.leagueId) {
      const o = this.byLeague.get(hint.leagueId);
      if (o) return o.id;
    }
    const names = (hint.path?.length ? hint.path : hint.name ? [hint.name] : []).map(withoutSpaces).filter(Boolean);
    if (!names.length) return null;
    const text = names.join('');
    const cached = this.memo.get(text);
    if (cached !== undefined) return cached;
    const found = this.byPath(names) ?? this.byFullName(text);
    this.memo.set(text, found);
    return found;
  }

  /** A path of names: its last name, checked upwards against the parents as far as the path goes. */
  private byPath(names: string[]): string | null {
    if (names.length < 2) return null;
    const fits = (this.byName.get(names[names.length - 1]!) ?? []).filter((o) => {
      let cur: OrgView | undefined = o;
      for (let i = names.length - 2; i >= 0; i--) {
        cur = cur.parentId ? this.byId.get(cur.parentId) : undefined;
        if (!cur || withoutSpaces(cur.name) !== names[i]) return false;
      }
      return true;
    });
    return fits.length === 1 ? fits[0]!.id : null;
  }

  /**
   * A name that ends with an organisation's own name, where what comes before it ends with the
   * parent's name (the host writes the upper organisations first). The top committee is written
   * by its short name (演示市第一中学团委 for 共青团演示市第一中学委员会), and a token sees no parent
   * above its own organisation: there the name alone decides. The longest own name wins
   * (高二（3）班团支部 rather than 团支部); a tie stays unplaced.
   */
  private byFullName(text: string): string | null {
    const exact = this.byName.get(text);
    if (exact?.length === 1) return exact[0]!.id;
    const fits = this.orgs.filter((o) => {
      const own = withoutSpaces(o.name);
      if (!text.endsWith(own)) return false;
      const rest = text.slice(0, text.length - own.length);
      const parent = o.parentId ? this.byId.get(o.parentId) : undefined;
      if (!rest || !parent || !parent.parentId) return true;
      return rest.endsWith(withoutSpaces(parent.name));
    });
    if (!fits.length) return null;
    const longest = Math.max(...fits.map((o) => withoutSpaces(o.name).length));
    const best = fits.filter((o) => withoutSpaces(o.name).length === longest);
    return best.length === 1 ? best[0]!.id : null;
  }
}
