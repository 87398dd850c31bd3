/**
 * The background's side of hotfixes: refreshed every few hours (and when a source is set), asked
 * by content scripts at the start of each page, shown and set in the options page.
 */
import { browser, type Browser } from 'wxt/browser';
import { TRUSTED_HOTFIX_KEYS } from '../../hotfix/keys';
import { contentScriptTab, listen } from '../../messaging/router';
import { readSettings } from '../settings';
import type { LocalDb } from '../store/db';
import { readConnection } from '../team/connection';
import { checkHotfixUrl, hotfixState, refreshHotfix, setHotfixUrl, type HotfixDeps } from './keep';

const ALARM = 'hotfix-refresh';
export const REFRESH_HOURS = 4;

export function serveHotfix(dbReady: Promise<LocalDb>): void {
  const deps: HotfixDeps = {
    keys: TRUSTED_HOTFIX_KEYS,
    version: browser.runtime.getManifest().version,
    now: () => Date.now(),
    fetch: (...args) => fetch(...args),
    teamBaseUrl: async () => (await readConnection(await dbReady))?.baseUrl ?? null,
  };
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const fromOwnPage = (sender: Browser.runtime.MessageSender) =>
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(`${origin}/`);
  /** Setting and reading the sources is for the options page, not for anything in the host's page. */
  const ownPageOnly = (sender: Browser.runtime.MessageSender) => {
    if (!fromOwnPage(sender)) throw new Error('此操作只能在扩展的设置页中进行');
  };
  const refresh = async () => refreshHotfix(await dbReady, deps);

  listen({
    pageConfig: async (_payload, sender) => {
      if (contentScriptTab(sender) === null) ownPageOnly(sender);
      const db = await dbReady;
      const [settings, state] = await Promise.all([readSettings(db), hotfixState(db, deps)]);
      return { settings, hotfix: state.effect };
    },
    hotfixState: async (_payload, sender) => {
      ownPageOnly(sender);
      return hotfixState(await dbReady, deps);
    },
    hotfixRefresh: async (_payload, sender) => {
      ownPageOnly(sender);
      return refresh();
    },
    hotfixSetUrl: async ({ url }, sender) => {
      ownPageOnly(sender);
      const clean = url?.trim() || null;
      const error = clean ? checkHotfixUrl(clean) : null;
      if (error) return { ok: false, error };
      await setHotfixUrl(await dbReady, clean);
      return { ok: true, state: await refresh() };
    },
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void refresh().catch(() => {});
  });
  // The first check soon after install or a browser start, then every few hours.
  void browser.alarms.get(ALARM).then((a) => {
    if (!a) browser.alarms.create(ALARM, { delayInMinutes: 0.1, periodInMinutes: REFRESH_HOURS * 60 });
  });
}
