/**
 * Which 智慧团建 page is showing, from its route AND its own breadcrumb together, so a page the
 * extension does not know is recognised as such and left alone.
 */
import { APP_PATH, BREADCRUMB, PAGE_HEADINGS, PAGE_ROUTES, PASSWORD_INPUT } from './hostSelectors';
import { withoutSpaces } from '../../shared/domain/text';
import type { PageType } from '../model/pages';

/** What a page shows that tells it apart; read from the DOM by `readPageFacts`. */
export interface PageFacts {
  path: string;
  /** The breadcrumb's items after 当前位置, in order; empty while the page has none. */
  crumbs: string[];
  hasPasswordField: boolean;
}

/** The page type the route and the breadcrumb agree on; `unknown` when they do not. */
export function recognisePage(facts: PageFacts): PageType {
  if (!facts.path.startsWith(APP_PATH) && facts.path !== APP_PATH.slice(0, -1)) return 'unknown';
  const byRoute = PAGE_ROUTES.find((r) => r.path.test(facts.path))?.pageType;
  if (byRoute === 'login') return facts.hasPasswordField && facts.crumbs.length === 0 ? 'login' : 'unknown';
  const last = facts.crumbs.length ? withoutSpaces(facts.crumbs[facts.crumbs.length - 1]!) : '';
  const byHeading = Object.hasOwn(PAGE_HEADINGS, last) ? PAGE_HEADINGS[last] : undefined;
  if (!byHeading) return 'unknown';
  if (byRoute && byRoute !== byHeading) return 'unknown';
  return byHeading;
}

/** The facts of the current document. Cheap: a few selector lookups, safe to run often. */
export function readPageFacts(doc: Document, path: string): PageFacts {
  return { path, crumbs: readCrumbs(doc), hasPasswordField: doc.querySelector(PASSWORD_INPUT) !== null };
}

function readCrumbs(doc: Document): string[] {
  const items = doc.querySelectorAll(BREADCRUMB.items);
  if (items.length) {
    return Array.from(
      items,
      (item) => (item.querySelector(BREADCRUMB.itemText) ?? item).textContent?.trim() ?? '',
    ).filter(Boolean);
  }
  // A plain-text breadcrumb: "当前位置：管理中心 > 团员管理 > 团员电子数据库".
  const hit = doc.evaluate(
    `//*[contains(text(), '${BREADCRUMB.label}')]`,
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
  const at = text.indexOf(BREADCRUMB.label);
  if (at < 0) return [];
  const after = text.slice(at + BREADCRUMB.label.length).replace(/^\s*[:：]\s*/, '');
  return after
    .split(BREADCRUMB.separators)
    .map((s) => s.trim())
    .filter(Boolean);
}
