/**
 * Which 智慧团建 page each tab shows, as the content script recognised it, and the toolbar icon
 * that says so: the page's name in the title, or a quiet grey "?" where the page is not one the
 * extension knows (and leaves alone).
 */
import { browser } from 'wxt/browser';
import { PAGE_LABELS, PAGE_TYPES, type PageType } from '../model/pages';
import { contentScriptTab, type Handlers } from '../messaging/router';

export const EXTENSION_NAME = '团员电子档案助手';
const STORAGE_KEY = 'pageStateByTab';

export interface TabPage {
  pageType: PageType;
  path: string;
}

export interface ActionLook {
  title: string;
  badge: string;
  badgeColor: string;
}

/** How the toolbar icon looks on a page of this type. */
export function actionLook(pageType: PageType): ActionLook {
  if (pageType === 'unknown')
    return { title: `未识别此页面 · ${EXTENSION_NAME}不会改动此页`, badge: '?', badgeColor: '#909399' };
  return { title: `${EXTENSION_NAME} · ${PAGE_LABELS[pageType]}`, badge: '', badgeColor: '#1d62c9' };
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

async function writeOne(tabId: number, page: TabPage | null): Promise<void> {
  const all = await readAll();
  if (page) all[tabId] = page;
  else delete all[tabId];
  await browser.storage.session.set({ [STORAGE_KEY]: all });
}

async function show(tabId: number, pageType: PageType): Promise<void> {
  const look = actionLook(pageType);
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
  const tabs = Object.entries(await readAll()).filter(([, page]) => page.pageType !== 'unknown');
  await Promise.all(
    tabs.map(([tabId]) => browser.action.setBadgeBackgroundColor({ tabId: Number(tabId), color }).catch(() => {})),
  );
}

/** Which page each tab shows; a closed tab is forgotten. */
export function pageStateHandlers() {
  browser.tabs.onRemoved.addListener((tabId) => void writeOne(tabId, null));
  return {
    pageSeen: async (payload, sender) => {
      const tabId = contentScriptTab(sender);
      const page = parseTabPage(payload);
      if (tabId === null || !page) return { ok: true as const };
      await Promise.all([writeOne(tabId, page), show(tabId, page.pageType)]);
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
