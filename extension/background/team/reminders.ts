/**
 * The toolbar badge and the once-a-day notification.
 *
 * The badge counts overdue + possibly overdue + due today (`urgentCount`). "Possibly overdue"
 * members are counted because their deadline, counted from 入团时间 for want of the approval date,
 * is the earliest it can be: once it has passed the member may well be late, and the admin can
 * settle it in one step (record the approval date, or upload). Leaving them out would show 0 to
 * an admin who has never recorded an approval date, however late the uploads are.
 */
import { chinaMidnight, chinaToday } from '../../../shared/domain/chinaDate';
import { urgentCount, type Counters } from '../../../shared/domain/urgency';
import type { LocalDb } from '../store/db';
import { readSettings } from '../settings';
import { countersFor, type ViewDeps } from './summary';

export const DAILY_ALARM = 'team.daily';
export const BADGE_ALARM = 'team.badge';
export const NOTIFICATION_ID = 'laa-daily';
const LAST_NOTIFIED = 'team.lastNotifiedDay';

export interface BadgeLook {
  text: string;
  title: string;
  color: string;
}

export function badgeFor(c: Counters): BadgeLook {
  const n = urgentCount(c);
  if (!n) return { text: '', title: '团员电子档案助手：没有逾期或今日截止的档案', color: '#67C23A' };
  const parts = [
    c.overdue && `${c.overdue} 人已逾期`,
    c.maybeOverdue && `${c.maybeOverdue} 人可能逾期`,
    c.dueToday && `${c.dueToday} 人今日截止`,
  ].filter(Boolean);
  return { text: n > 999 ? '999+' : String(n), title: `团员电子档案助手：${parts.join('，')}`, color: '#F56C6C' };
}

/** When the clock in China shows `HH:MM` on the China day of `now`. */
export function todayAt(time: string, now: number): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return chinaMidnight(chinaToday(now)) + (h * 60 + m) * 60_000;
}

/** The next time the clock in China shows `HH:MM`, strictly after `now`. */
export function nextDailyAt(time: string, now: number): number {
  const today = todayAt(time, now);
  return today > now ? today : today + 86_400_000;
}

/** What the daily notification says, or null when nothing is overdue or due within 3 days. */
export function notificationFor(c: Counters): { title: string; message: string } | null {
  const late = c.overdue + c.maybeOverdue;
  const soon = c.dueToday + c.within3;
  if (!late && !soon) return null;
  const lines = [
    late && `已逾期 ${late} 人${c.maybeOverdue ? `（其中 ${c.maybeOverdue} 人按入团时间估算，可能逾期）` : ''}`,
    c.dueToday && `今日截止 ${c.dueToday} 人`,
    c.within3 && `3日内到期 ${c.within3} 人`,
  ].filter(Boolean);
  return { title: '团员电子档案：有需要尽快上传的档案', message: `${lines.join('；')}。点击查看名单。` };
}

export interface ReminderApis {
  setBadge(look: BadgeLook): Promise<void>;
  notify(id: string, n: { title: string; message: string }): Promise<void>;
  alarms: { create(name: string, info: { when?: number; periodInMinutes?: number }): unknown };
}

export async function refreshBadge(db: LocalDb, deps: ViewDeps, apis: ReminderApis): Promise<Counters> {
  const { counters } = await countersFor(db, deps);
  await apis.setBadge(badgeFor(counters));
  return counters;
}

export async function armDaily(db: LocalDb, apis: ReminderApis, now = Date.now()): Promise<number> {
  const { reminderTime } = await readSettings(db);
  const when = nextDailyAt(reminderTime, now);
  apis.alarms.create(DAILY_ALARM, { when });
  return when;
}

/**
 * The daily alarm fired (or fired late, after the browser was closed at the chosen time): a
 * notification when something is urgent, never a second one the same China day.
 */
export async function dailyReminder(db: LocalDb, deps: ViewDeps, apis: ReminderApis): Promise<boolean> {
  const now = (deps.now ?? Date.now)();
  const today = chinaToday(now);
  let shown = false;
  if ((await db.get('kv', LAST_NOTIFIED)) !== today) {
    const counters = await refreshBadge(db, deps, apis);
    const n = notificationFor(counters);
    if (n) {
      await db.put('kv', today, LAST_NOTIFIED);
      await apis.notify(NOTIFICATION_ID, n);
      shown = true;
    }
  }
  await armDaily(db, apis, now);
  return shown;
}

/** At startup: catch up today's reminder if its time passed while the browser was closed, else arm it. */
export async function startReminders(db: LocalDb, deps: ViewDeps, apis: ReminderApis): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const { reminderTime } = await readSettings(db);
  if (todayAt(reminderTime, now) <= now && (await db.get('kv', LAST_NOTIFIED)) !== chinaToday(now))
    await dailyReminder(db, deps, apis);
  else await armDaily(db, apis, now);
}
