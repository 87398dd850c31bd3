/**
 * Which 智慧团建 page each tab shows, as the content script recognised it, and the toolbar icon
 * that says so: the page's name in the title, a quiet grey "?" where the page is not one the
 * extension knows (and leaves alone), or an orange "!" with the names of the features that
 * stopped on this page (the others keep working).
 */
import { browser } from 'wxt/browser';
import { PAGE_LABELS, PAGE_TYPES, type PageType } from '../model/pages';
import type { FeatureStop } from '../messaging/health';
import { contentScriptTab, type Handlers } from '../messaging/router';

export const EXTENSION_NAME = '团员电子档案助手';
const STORAGE_KEY = 'pageStateByTab';

export interface TabPage {
  pageType: PageType;
  path: string;
  /** Features stopped on this page (since the content script reported the page). */
  stopped?: Pick<FeatureStop, 'feature' | 'label' | 'reason'>[];
}

export interface ActionLook {
  title: string;
  badge: string;
  badgeColor: string;
}

/** How the toolbar icon looks on a page of this type, with the features stopped there. */
export function actionLook(pageType: PageType, stopped: TabPage['stopped'] = []): ActionLook {
  if (pageType === 'unknown')
    return { title: `未识别此页面 · ${EXTENSION_NAME}不会改动此页`, badge: '?', badgeColor: '#909399' };
  const title = `${EXTENSION_NAME} · ${PAGE_LABELS[pageType]}`;
  if (!stopped.length) return { title, badge: '', badgeColor: '#1d62c9' };
  const which = stopped.map((s) => `${s.label}（${s.reason}）`).join('；');
  return { title: `${title} · 已在此页停用：${which}。其他功能照常。`, badge: '!', badgeColor: '#E6A23C' };
}

/** A stop reported by a content script, checked: anything else is ignored. */
export function parseStop(x: unknown): FeatureStop | null {
  if (typeof x !== 'object' || x === null) return null;
  const { feature, label, reason, pageType } = x as Record<string, unknown>;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  if (!text(feature, 60) || !text(label, 60) || !text(reason, 300)) return null;
  if (typeof pageType !== 'string' || !(PAGE_TYPES as readonly string[]).includes(pageType)) return null;
  return {
    feature: feature as string,
    label: label as string,
    reason: reason as string,
    pageType: pageType as PageType,
  };
}

/** A report from a content script, checked: anything else is ignored. */
export function parseTabPage(x: unknown): TabPage | null {
  if (typeof x !== 'object' || x === null) return null;
  const { pageType, path } = x as Record<string, unknown>;
  if (typeof pageType !== 'string' || !(PAGE_TYPES as readonly string[]).includes(pageType)) return null;
  if (typeof path !== 'string' || path.length > 2000) return null;
  return { pageType: pageType as PageType, path };
}

/** Kept in session storage: the service worker may sleep between two pages. */
async function readAll(): Promise<Record<string, TabPage>> {
  const got = await browser.storage.session.get(STORAGE_KEY);
  return (got[STORAGE_KEY] as Record<string, TabPage> | undefined) ?? {};
}

/** Changes to the tabs' pages, one at a time: a stop reported just after its page is never lost. */
let queue: Promise<unknown> = Promise.resolve();
function change(tabId: number, edit: (page: TabPage | undefined) => TabPage | null): Promise<TabPage | null> {
  const next = queue.then(async () => {
    const all = await readAll();
    const page = edit(all[tabId]);
    if (page) all[tabId] = page;
    else delete all[tabId];
    await browser.storage.session.set({ [STORAGE_KEY]: all });
    return page;
  });
  queue = next.catch(() => {});
  return next;
}

async function show(tabId: number, page: TabPage): Promise<void> {
  const { pageType } = page;
  const look = actionLook(pageType, page.stopped);
  // A recognised page shows the global badge (the team's overdue + due today count): without a
  // text the tab's own badge is cleared. Only the "?" is per tab; a tab's colour cannot be unset,
  // so after a "?" the tab takes the global colour again.
  const color = look.badge ? look.badgeColor : await browser.action.getBadgeBackgroundColor({});
  await Promise.all([
    browser.action.setTitle({ tabId, title: look.title }),
    browser.action.setBadgeText(look.badge ? { tabId, text: look.badge } : { tabId }),
    browser.action.setBadgeBackgroundColor({ tabId, color }),
  ]);
}

/** After the global badge changed colour: tabs on recognised pages follow it. */
export async function followGlobalBadgeColor(color: string): Promise<void> {
  const tabs = Object.entries(await readAll()).filter(([, p]) => p.pageType !== 'unknown' && !p.stopped?.length);
  await Promise.all(
    tabs.map(([tabId]) => browser.action.setBadgeBackgroundColor({ tabId: Number(tabId), color }).catch(() => {})),
  );
}

/** Which page each tab shows and the features stopped there; a closed tab is forgotten. Each stop goes to `log`. */
export function pageStateHandlers(log?: (stop: FeatureStop) => Promise<void>) {
  browser.tabs.onRemoved.addListener((tabId) => void change(tabId, () => null));
  return {
    pageSeen: async (payload, sender) => {
      const tabId = contentScriptTab(sender);
      const page = parseTabPage(payload);
      if (tabId === null || !page) return { ok: true as const };
      await change(tabId, () => page);
      await show(tabId, page);
      return { ok: true as const };
    },
    featureStopped: async (payload, sender) => {
      const tabId = contentScriptTab(sender);
      const stop = parseStop(payload);
      if (tabId === null || !stop) return { ok: true as const };
      const page = await change(tabId, (p) => {
        if (!p || p.pageType !== stop.pageType) return p ?? null;
        const others = (p.stopped ?? []).filter((s) => s.feature !== stop.feature);
        return { ...p, stopped: [...others, { feature: stop.feature, label: stop.label, reason: stop.reason }] };
      });
      if (page) await show(tabId, page);
      await log?.(stop);
      return { ok: true as const };
    },
    pageState: async ({ tabId }, sender) => {
      const id = tabId ?? sender.tab?.id;
      if (id === undefined) return null;
      const page = (await readAll())[id];
      return page ? { ...page, label: PAGE_LABELS[page.pageType] } : null;
    },
  } satisfies Partial<Handlers>;
}
