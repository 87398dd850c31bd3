import type { Issue } from '../types';
import type { ContentFacts, PageSectionFacts } from './facts';
import { CONTENT_MESSAGES as M } from './messages';
import { PRINTINGS, type SectionId } from './sections';
import { CONFIDENCE } from './thresholds';

/**
 * `page-order` and `page-missing`, from each page's section. Printings differ, so the pages are
 * held against every known printing (`PRINTINGS`) and the one they fit best is used: `page-order`
 * fires only when the order fits none; a section may fill several pages in a row.
 */

interface Fit {
  order: SectionId[];
  /** Pages (with a known section) out of place in this printing. */
  misplaced: PageSectionFacts[];
}

/** The pages in place: the longest run of pages whose sections never go backwards in `order`. */
function fit(pages: PageSectionFacts[], order: SectionId[]): Fit {
  const rank = pages.map((p) => order.indexOf(p.section!));
  const best = rank.map(() => 1),
    prev = rank.map(() => -1);
  for (let i = 0; i < rank.length; i++)
    for (let j = 0; j < i; j++)
      if (rank[j]! >= 0 && rank[i]! >= rank[j]! && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
  const inPlace = new Set<number>();
  let end = -1;
  for (let i = 0; i < rank.length; i++) if (rank[i]! >= 0 && (end < 0 || best[i]! > best[end]!)) end = i;
  for (let i = end; i >= 0; i = prev[i]!) inPlace.add(i);
  return { order, misplaced: pages.filter((_, i) => !inPlace.has(i)) };
}

const known = (p: PageSectionFacts) => p.section !== null && p.confidence >= CONFIDENCE.section;

function bestFit(facts: ContentFacts): Fit | undefined {
  const pages = facts.pages.filter(known);
  if (pages.length === 0) return undefined;
  const fits = PRINTINGS.map((pr) => fit(pages, pr.order));
  return fits.sort((a, b) => a.misplaced.length - b.misplaced.length)[0];
}

export function pageOrderIssues(facts: ContentFacts): Issue[] {
  const f = bestFit(facts);
  if (!f || f.misplaced.length === 0) return [];
  const sorted = [...facts.pages.filter(known)].sort(
    (a, b) => f.order.indexOf(a.section!) - f.order.indexOf(b.section!) || a.page - b.page,
  );
  return f.misplaced.map((p) => ({
    code: 'page-order' as const,
    severity: 'fail' as const,
    page: p.page,
    message: M.pageOrder(p.page, p.section!, sorted.indexOf(p) + 1),
  }));
}

/**
 * Sections of the best-fitting printing found on no page. Only when nearly every page's section
 * is known: a section not found may otherwise sit on a page that could not be read.
 */
export function pageMissingIssues(facts: ContentFacts): Issue[] {
  const f = bestFit(facts);
  if (!f || facts.pages.length === 0) return [];
  const knownPages = facts.pages.filter(known);
  const unknown = facts.pages.length - knownPages.length;
  if (knownPages.length / facts.pages.length < CONFIDENCE.knownPagesForMissing) return [];
  const missing = f.order.filter((s) => !knownPages.some((p) => p.section === s));
  // As many pages unread as sections missing: they may well be those sections.
  if (missing.length === 0 || missing.length <= unknown) return [];
  return missing.map((s) => ({
    code: 'page-missing' as const,
    severity: unknown === 0 ? ('fail' as const) : ('warn' as const),
    message: M.pageMissing(s),
  }));
}
