import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { chinaMidnight } from '../../../shared/domain/chinaDate';
import { emptyCounters } from '../../../shared/domain/urgency';
import type { ChinaDate } from '../../../shared/domain/types';
import { updateSettings } from '../settings';
import { openLocalDb, type LocalDb } from '../store/db';
import { recordObservations } from '../store/members';
import {
  badgeFor,
  DAILY_ALARM,
  dailyReminder,
  nextDailyAt,
  notificationFor,
  startReminders,
  type ReminderApis,
} from './reminders';

const at = (day: string, hm: string) =>
  chinaMidnight(day as ChinaDate) + (Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))) * 60_000;

describe('the badge and the notification’s words', () => {
  it('counts overdue, possibly overdue and due today on the badge', () => {
    expect(badgeFor({ ...emptyCounters(), overdue: 2, maybeOverdue: 3, dueToday: 1, within3: 9 })).toMatchObject({
      text: '6',
      title: expect.stringContaining('2 人已逾期，3 人可能逾期，1 人今日截止'),
    });
    expect(badgeFor(emptyCounters()).text).toBe('');
    expect(badgeFor({ ...emptyCounters(), overdue: 1200 }).text).toBe('999+');
  });

  it('notifies only when something is overdue or due within 3 days', () => {
    expect(notificationFor({ ...emptyCounters(), within7: 4, later: 9 })).toBeNull();
    expect(notificationFor({ ...emptyCounters(), within3: 2 })!.message).toContain('3日内到期 2 人');
    expect(notificationFor({ ...emptyCounters(), overdue: 1, maybeOverdue: 2 })!.message).toContain(
      '已逾期 3 人（其中 2 人按入团时间估算，可能逾期）',
    );
  });

  it('arms the next reminder at the chosen China time, whatever the machine’s zone', () => {
    expect(nextDailyAt('09:00', at('2024-06-10', '08:59'))).toBe(at('2024-06-10', '09:00'));
    expect(nextDailyAt('09:00', at('2024-06-10', '09:00'))).toBe(at('2024-06-11', '09:00'));
    expect(nextDailyAt('23:30', at('2024-06-10', '23:45'))).toBe(at('2024-06-11', '23:30'));
  });
});

describe('once a day', () => {
  let db: LocalDb;
  let shown: string[];
  let armed: number[];
  let apis: ReminderApis;
  beforeEach(async () => {
    db = await openLocalDb(`rem-${crypto.randomUUID()}`);
    shown = [];
    armed = [];
    apis = {
      setBadge: async () => {},
      notify: async (_id, n) => void shown.push(n.message),
      alarms: { create: (name, info) => void (name === DAILY_ALARM && armed.push(info.when!)) },
    };
    // Joined 40 days before "now", approval unknown: possibly overdue.
    await recordObservations(
      db,
      [{ org: { name: '一班团支部' }, name: '甲', joinedOn: '2024-05-01' as ChinaDate, status: 'notUploaded' }],
      0,
    );
  });

  it('shows one notification per China day, however often the alarm fires', async () => {
    const deps = (t: number) => ({ origin: 'x', now: () => t });
    expect(await dailyReminder(db, deps(at('2024-06-10', '09:00')), apis)).toBe(true);
    expect(await dailyReminder(db, deps(at('2024-06-10', '21:00')), apis)).toBe(false);
    expect(await dailyReminder(db, deps(at('2024-06-11', '09:00')), apis)).toBe(true);
    expect(shown).toHaveLength(2);
    expect(armed).toEqual([at('2024-06-11', '09:00'), at('2024-06-11', '09:00'), at('2024-06-12', '09:00')]);
  });

  it('catches up at startup when the time passed while the browser was closed, else arms', async () => {
    await updateSettings(db, { reminderTime: '08:30' });
    await startReminders(db, { origin: 'x', now: () => at('2024-06-10', '07:00') }, apis);
    expect(shown).toHaveLength(0);
    expect(armed).toEqual([at('2024-06-10', '08:30')]);
    await startReminders(db, { origin: 'x', now: () => at('2024-06-10', '10:00') }, apis);
    expect(shown).toHaveLength(1);
    await startReminders(db, { origin: 'x', now: () => at('2024-06-10', '11:00') }, apis);
    expect(shown).toHaveLength(1);
  });
});
