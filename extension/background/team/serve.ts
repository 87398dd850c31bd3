/**
 * The background's side of the team, in named steps: the shared context, the handlers of the team
 * messages (./serve*.ts), what happens after a write, the alarms and the notification, and what
 * resumes when the browser starts. The only part of the extension that talks to the worker.
 */
import { browser } from 'wxt/browser';
import type { MessageType } from '../../messaging/protocol';
import type { LocalDb } from '../store/db';
import { PERIODIC_ALARM, RETRY_ALARM } from '../sync/scheduler';
import { readConnection } from './connection';
import { browserApis, teamContext, type TeamContext } from './context';
import { BADGE_ALARM, DAILY_ALARM, dailyReminder, NOTIFICATION_ID, startReminders } from './reminders';
import { committeeHandlers } from './serveCommittee';
import { connectionHandlers } from './serveConnection';
import { localDataHandlers } from './serveLocalData';
import { viewHandlers } from './serveViews';

/** Every team message's handler. */
export function teamHandlers(ctx: TeamContext) {
  return {
    ...connectionHandlers(ctx),
    ...viewHandlers(ctx),
    ...committeeHandlers(ctx),
    ...localDataHandlers(ctx),
  };
}

/** Something was kept (messaging/rules.ts says which messages write): forward it, or recount this browser's badge. */
export function afterWrite(ctx: TeamContext): (type: MessageType) => void {
  return () => void ctx.dbReady.then(readConnection).then((conn) => (conn ? ctx.scheduler.soon() : ctx.badgeSoon()));
}

function watchAlarms(ctx: TeamContext): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void ctx.scheduler.run(true).catch(() => {});
    // Others' changes reach this browser's badge through the worker's reminders.
    if (alarm.name === PERIODIC_ALARM)
      void ctx.scheduler
        .run()
        .catch(() => {})
        .then(ctx.badge);
    if (alarm.name === BADGE_ALARM) void ctx.badge();
    if (alarm.name === DAILY_ALARM)
      void ctx.dbReady.then((db) => dailyReminder(db, ctx.deps, ctx.apis)).catch(() => {});
  });
  globalThis.addEventListener?.('online', () => void ctx.scheduler.run(true).catch(() => {}));
}

/** The daily notification opens the popup (or, where a popup cannot be opened, its page in a tab). */
function watchNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    void browser.action.openPopup().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  });
}

/** What waited while the browser was closed goes out; the badge and reminders resume. */
function resumeAtStartup(ctx: TeamContext): void {
  browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 15 });
  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
  void ctx.scheduler
    .run(true)
    .catch(() => {})
    .then(ctx.badge);
  void ctx.dbReady.then((db) => startReminders(db, ctx.deps, ctx.apis)).catch(() => {});
}

/** Starts the team's side of the background; the router answers its messages with `handlers`. */
export function startTeam(dbReady: Promise<LocalDb>) {
  const ctx = teamContext(dbReady, new URL(browser.runtime.getURL('/')).origin, browserApis());
  watchAlarms(ctx);
  watchNotificationClicks();
  resumeAtStartup(ctx);
  return { handlers: teamHandlers(ctx), afterWrite: afterWrite(ctx) };
}
