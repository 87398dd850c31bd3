/**
 * One word of the host vocabulary: a selector, a set of texts, a pattern or a route the
 * extension relies on in 智慧团建's pages, with what it is known from and the replica pages that
 * prove it (test/e2e/host-vocabulary.test.ts renders them and counts the matches).
 */

/** A replica page in a given state, by the id the contract test gives it (e.g. `ui:list`, `plus:audit`). */
export type FixtureId = `${'ui' | 'plus'}:${string}`;

/** [expected count, fixture]: how many times the entry matches on that page. */
export type Proof = readonly [count: number, fixture: FixtureId];

interface Base {
  /**
   * `host`: seen on the real site or named by the guide (`source` says where: docs/overlay.md,
   * “What the host is known to show”). `guess`: the replica's choice — where hotfixes will be
   * needed first (`source` says what it is based on).
   */
  known: 'host' | 'guess';
  source: string;
  proof: readonly Proof[];
}

/** A CSS selector; with `within`, relative to each element another entry matches (`:scope` allowed). */
export interface SelectorTerm extends Base {
  kind: 'selector';
  value: string;
  within?: string;
}

/**
 * Texts an element shows, compared without whitespace and a trailing colon; `within` names the
 * selector entry whose elements are compared (absent: any element's own text). `includes`: the
 * element's text contains one of them.
 */
export interface TextsTerm extends Base {
  kind: 'texts';
  value: readonly string[];
  within?: string;
  match?: 'equals' | 'includes';
  /** More words for another entry's texts (a column under another header): read together with it. */
  aliasOf?: string;
}

/** A regular expression over the text of the elements of `within`. */
export interface PatternTerm extends Base {
  kind: 'pattern';
  value: string;
  within: string;
}

/** A regular expression over the page's path. */
export interface RouteTerm extends Base {
  kind: 'route';
  value: string;
}

export type Term = SelectorTerm | TextsTerm | PatternTerm | RouteTerm;
