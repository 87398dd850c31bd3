/**
 * What every team handler shares: the store, this extension's origin, the browser's badge and
 * notification calls, the sync scheduler, and the way to the worker when connected.
 */
import { browser } from 'wxt/browser';
import { errorText } from '../../../shared/errorText';
import type { Reply, TeamStatus } from '../../messaging/teamViews';
import { followGlobalBadgeColor } from '../pageState';
import type { LocalDb } from '../store/db';
import { readSyncState } from '../sync/drain';
import { unplacedRows } from '../sync/forward';
import { OrgMatcher } from '../sync/orgMatch';
import { waiting } from '../sync/outbox';
import { SyncScheduler } from '../sync/scheduler';
import { TeamError, workerApi } from './client';
import { readConnection, viewOf } from './connection';
import { notificationIcon } from './icon';
import { keptOrgs } from './orgs';
import { refreshBadge, type ReminderApis } from './reminders';
import type { ViewDeps } from './summary';
import type { Connection } from './types';

export interface TeamContext {
  dbReady: Promise<LocalDb>;
  /** This extension's origin (`chrome-extension://…`), sent to the worker and shown for ALLOWED_ORIGINS. */
  origin: string;
  /** What the summary, search and reminders need to reach the worker. */
  deps: ViewDeps;
  apis: ReminderApis;
  scheduler: SyncScheduler;
  /** Recounts the toolbar badge now. */
  badge(): Promise<void>;
  /** Recounts it in two seconds (a burst of writes counts once). */
  badgeSoon(): void;
  /** The connection and a caller of its worker; refused with a message when not connected. */
  connected(): Promise<{ db: LocalDb; conn: Connection; call: ReturnType<typeof workerApi> }>;
  status(): Promise<TeamStatus>;
}

/** The badge, the daily notification and the alarms, as the browser offers them. */
export function browserApis(): ReminderApis {
  return {
    async setBadge(look) {
      await Promise.all([
        browser.action.setBadgeText({ text: look.text }),
        browser.action.setBadgeBackgroundColor({ color: look.color }).then(() => followGlobalBadgeColor(look.color)),
        browser.action.setTitle({ title: look.title }),
      ]);
    },
    async notify(id, n) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: await notificationIcon(),
        title: n.title,
        message: n.message,
        priority: 1,
      });
    },
    alarms: browser.alarms,
  };
}

export function teamContext(dbReady: Promise<LocalDb>, origin: string, apis: ReminderApis): TeamContext {
  const deps: ViewDeps = { origin };
  const badge = () =>
    dbReady
      .then((db) => refreshBadge(db, deps, apis))
      .then(
        () => {},
        () => {},
      );
  let badgeTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduler = new SyncScheduler({
    db: dbReady,
    origin,
    alarms: browser.alarms,
    onRun: (r) => {
      if (r.drain?.sent || r.queued) void badge();
    },
  });
  return {
    dbReady,
    origin,
    deps,
    apis,
    scheduler,
    badge,
    badgeSoon() {
      if (badgeTimer) clearTimeout(badgeTimer);
      badgeTimer = setTimeout(() => void badge(), 2000);
    },
    async connected() {
      const db = await dbReady;
      const conn = await readConnection(db);
      if (!conn) throw new TeamError('尚未连接团队：请先在设置页用邀请码连接', 'not-connected', 0);
      return { db, conn, call: workerApi(conn, origin) };
    },
    async status() {
      return teamStatus(await dbReady, origin);
    },
  };
}

export async function teamStatus(db: LocalDb, origin: string): Promise<TeamStatus> {
  const conn = await readConnection(db);
  const state = await readSyncState(db);
  const orgs = conn ? await keptOrgs(db, conn) : null;
  const unplaced = conn ? await unplacedRows(db, orgs ? new OrgMatcher(orgs.orgs) : null) : { count: 0, orgs: [] };
  return {
    connection: viewOf(conn),
    sync: {
      lastSyncAt: state.lastSyncAt,
      lastError: state.lastError,
      needsAuth: state.needsAuth,
      nextAttemptAt: state.nextAttemptAt,
      waiting: await waiting(db),
      unplaced: unplaced.count,
      unplacedOrgs: unplaced.orgs,
    },
    origin,
  };
}

/** A worker-backed answer: the data, or the worker's (or our) message saying what to do. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof TeamError) return { ok: false, error: err.message, code: err.code };
    return { ok: false, error: errorText(err) };
  }
}
