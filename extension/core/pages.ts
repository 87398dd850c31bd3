/**
 * Which 智慧团建 page is showing, from its route AND its own breadcrumb together, so a page the
 * extension does not know is recognised as such and left alone.
 */
import { firstWord, isWord, pattern, sel } from '../host/terms';
import { PAGE_TYPES, type PageType } from '../model/pages';

/** The three member databases an admin opens to find a member (the host has no per-member address). */
export type ListPage = 'memberDatabase' | 'subordinateDatabase' | 'cadreDatabase';

/** What a page shows that tells it apart; read from the DOM by `readPageFacts`. */
export interface PageFacts {
  path: string;
  /** The breadcrumb's items after 当前位置, in order; empty while the page has none. */
  crumbs: string[];
  hasPasswordField: boolean;
}

/** The pages a route or a heading can name (the login page has no heading). */
const KNOWN_PAGES = PAGE_TYPES.filter((t) => t !== 'unknown');
const HEADED_PAGES = KNOWN_PAGES.filter((t) => t !== 'login');

/** The page type the route and the breadcrumb agree on; `unknown` when they do not. */
export function recognisePage(facts: PageFacts): PageType {
  if (!pattern('app.path').test(facts.path)) return 'unknown';
  const byRoute = KNOWN_PAGES.find((t) => pattern(`route.${t}`).test(facts.path));
  if (byRoute === 'login') return facts.hasPasswordField && facts.crumbs.length === 0 ? 'login' : 'unknown';
  const last = facts.crumbs[facts.crumbs.length - 1] ?? '';
  const byHeading = last ? HEADED_PAGES.find((t) => isWord(`page.${t}`, last)) : undefined;
  if (!byHeading) return 'unknown';
  if (byRoute && byRoute !== byHeading) return 'unknown';
  return byHeading;
}

/** The facts of the current document. Cheap: a few selector lookups, safe to run often. */
export function readPageFacts(doc: Document, path: string): PageFacts {
  return { path, crumbs: readCrumbs(doc), hasPasswordField: doc.querySelector(sel('signin.password')) !== null };
}

function readCrumbs(doc: Document): string[] {
  const items = doc.querySelectorAll(sel('breadcrumb.item'));
  if (items.length) {
    return Array.from(
      items,
      (item) => (item.querySelector(sel('breadcrumb.itemText')) ?? item).textContent?.trim() ?? '',
    ).filter(Boolean);
  }
  // A plain-text breadcrumb: "当前位置：管理中心 > 团员管理 > 团员电子数据库".
  const hit = doc.evaluate(
    `//*[contains(text(), '${firstWord('breadcrumb.label')}')]`,
    doc.body ?? doc,
    null,
    XPathResult.FIRST_ORDERED_NODE_TYPE,
    null,
  ).singleNodeValue;
  if (!hit) return [];
  // The label may sit alone in its own element, with the items as its siblings.
  const own = crumbsAfterLabel(hit.textContent ?? '');
  return own.length ? own : crumbsAfterLabel(hit.parentElement?.textContent ?? '');
}

function crumbsAfterLabel(text: string): string[] {
  const label = firstWord('breadcrumb.label');
  const at = text.indexOf(label);
  if (at < 0) return [];
  const after = text.slice(at + label.length).replace(/^\s*[:：]\s*/, '');
  return after
    .split(pattern('breadcrumb.separators'))
    .map((s) => s.trim())
    .filter(Boolean);
}
