/**
 * The background's side of hotfixes: refreshed every few hours (and when a source is set), asked
 * by content scripts at the start of each page, shown and set in the options page (who may ask
 * what is in messaging/rules.ts).
 */
import { browser } from 'wxt/browser';
import { TRUSTED_HOTFIX_KEYS } from '../../hotfix/keys';
import type { Handlers } from '../../messaging/router';
import { readSettings } from '../settings';
import type { LocalDb } from '../store/db';
import { readConnection } from '../team/connection';
import { checkHotfixUrl, hotfixState, refreshHotfix, setHotfixUrl, type HotfixDeps } from './keep';

const ALARM = 'hotfix-refresh';
export const REFRESH_HOURS = 4;

function hotfixDeps(dbReady: Promise<LocalDb>): HotfixDeps {
  return {
    keys: TRUSTED_HOTFIX_KEYS,
    version: browser.runtime.getManifest().version,
    now: () => Date.now(),
    fetch: (...args) => fetch(...args),
    teamBaseUrl: async () => (await readConnection(await dbReady))?.baseUrl ?? null,
  };
}

export function hotfixHandlers(dbReady: Promise<LocalDb>) {
  // Built on first use: the manifest is read when a message comes, not when handlers are put together.
  let built: HotfixDeps | null = null;
  const deps = () => (built ??= hotfixDeps(dbReady));
  const refresh = async () => refreshHotfix(await dbReady, deps());
  return {
    pageConfig: async () => {
      const db = await dbReady;
      const [settings, state] = await Promise.all([readSettings(db), hotfixState(db, deps())]);
      return { settings, hotfix: state.effect };
    },
    hotfixState: async () => hotfixState(await dbReady, deps()),
    hotfixRefresh: refresh,
    hotfixSetUrl: async ({ url }) => {
      const clean = url?.trim() || null;
      const error = clean ? checkHotfixUrl(clean) : null;
      if (error) return { ok: false as const, error };
      await setHotfixUrl(await dbReady, clean);
      return { ok: true as const, state: await refresh() };
    },
  } satisfies Partial<Handlers>;
}

/** The first check soon after install or a browser start, then every few hours. */
export function startHotfixRefresh(dbReady: Promise<LocalDb>): void {
  const deps = hotfixDeps(dbReady);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void dbReady.then((db) => refreshHotfix(db, deps)).catch(() => {});
  });
  void browser.alarms.get(ALARM).then((a) => {
    if (!a) browser.alarms.create(ALARM, { delayInMinutes: 0.1, periodInMinutes: REFRESH_HOURS * 60 });
  });
}
