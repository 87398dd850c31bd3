/**
 * Follows the host's in-app navigation: routes change by history.pushState, invisible to a
 * content script's isolated world, and a page's breadcrumb appears after its route. So the page
 * is judged again whenever the location changes or the DOM settles.
 */
import type { PageType } from '../model/pages';
import { readPageFacts, recognisePage } from './pages';

export interface PageVisit {
  pageType: PageType;
  path: string;
}

/** The part of WXT's ContentScriptContext the watcher needs (tests can supply their own). */
export interface WatchContext {
  signal: AbortSignal;
  setTimeout(handler: () => void, ms: number): number;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

/** Settling time after DOM changes: one judgement per burst of mutations, not one per row. */
const SETTLE_MS = 120;

/**
 * Calls `onVisit` for the page showing now and for every page the admin moves to, with a signal
 * that aborts when the admin leaves that page (or the extension is reloaded).
 */
export function watchPage(
  ctx: WatchContext,
  doc: Document,
  onVisit: (visit: PageVisit, signal: AbortSignal) => void,
): void {
  let current: PageVisit | null = null;
  let visit: AbortController | null = null;
  let scheduled = false;

  const judge = () => {
    scheduled = false;
    if (ctx.signal.aborted) return;
    const path = doc.location?.pathname ?? '';
    const pageType = recognisePage(readPageFacts(doc, path));
    if (current && current.pageType === pageType && current.path === path) return;
    visit?.abort();
    visit = new AbortController();
    current = { pageType, path };
    onVisit(current, AbortSignal.any([visit.signal, ctx.signal]));
  };
  const schedule = () => {
    if (scheduled || ctx.signal.aborted) return;
    scheduled = true;
    ctx.setTimeout(judge, SETTLE_MS);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.signal.addEventListener('abort', () => {
    observer.disconnect();
    visit?.abort();
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  judge();
}
