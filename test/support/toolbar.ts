/**
 * What the extension's toolbar icon shows for a tab — its title and badge — read in the
 * background service worker, the way a user sees it.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export interface ToolbarState {
  title: string;
  badge: string;
}

export async function toolbarState(browser: ExtensionBrowser, page: Page): Promise<ToolbarState> {
  const url = page.url();
  return browser.background.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === pageUrl) ?? tabs.find((t) => t.active);
    if (tab?.id === undefined) return { title: '', badge: '' };
    const [title, badge] = await Promise.all([
      chrome.action.getTitle({ tabId: tab.id }),
      chrome.action.getBadgeText({ tabId: tab.id }),
    ]);
    return { title, badge };
  }, url);
}
