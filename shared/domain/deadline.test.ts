import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsArchive } from './archive';
import { addDays, chinaMidnight, chinaToday, toChinaDate } from './chinaDate';
import { daysLeft, uploadDeadline } from './deadline';
import type { ChinaDate } from './types';

const d = (s: string) => s as ChinaDate;
const anyDay = fc
  .date({ min: new Date('2019-06-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((t) => toChinaDate(t.getTime()));

describe('who needs an archive (§1, §5.6)', () => {
  it('starts on 2020-01-01', () => {
    expect(needsArchive(d('2019-12-31'))).toBe(false);
    expect(needsArchive(d('2020-01-01'))).toBe(true);
    expect(needsArchive(d('2024-05-20'))).toBe(true);
  });
});

describe('the 30-day deadline (§2, §5.7)', () => {
  it('counts the approval day as day 0 and day 30 as the last day', () => {
    const dl = uploadDeadline({ joinedOn: d('2024-04-01'), approvedOn: d('2024-05-20') });
    expect(dl).toEqual({ lastDay: '2024-06-19', estimated: false });
    expect(daysLeft(dl, d('2024-05-20'))).toBe(30);
    expect(daysLeft(dl, d('2024-06-19'))).toBe(0);
    expect(daysLeft(dl, d('2024-06-20'))).toBe(-1);
  });

  it('uses 入团时间 as the earliest possible start when the approval date is unknown', () => {
    expect(uploadDeadline({ joinedOn: d('2024-05-20') })).toEqual({ lastDay: '2024-06-19', estimated: true });
  });

  it('crosses month ends and leap days by the calendar', () => {
    expect(uploadDeadline({ joinedOn: d('2024-01-30') }).lastDay).toBe('2024-02-29');
    expect(uploadDeadline({ joinedOn: d('2023-01-30') }).lastDay).toBe('2023-03-01');
    expect(uploadDeadline({ joinedOn: d('2019-12-31'), approvedOn: d('2020-02-01') }).lastDay).toBe('2020-03-02');
  });

  it('is always 30 days after the start, and the day after the last day is overdue', () => {
    fc.assert(
      fc.property(anyDay, fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), (joinedOn, gap) => {
        const approvedOn = gap === undefined ? undefined : addDays(joinedOn, gap);
        const dl = uploadDeadline({ joinedOn, approvedOn });
        expect(daysLeft(dl, approvedOn ?? joinedOn)).toBe(30);
        expect(daysLeft(dl, dl.lastDay)).toBe(0);
        expect(daysLeft(dl, addDays(dl.lastDay, 1))).toBe(-1);
        expect(dl.estimated).toBe(approvedOn === undefined);
      }),
    );
  });

  it('counts days in Shanghai: one second before and after midnight there', () => {
    const dl = uploadDeadline({ joinedOn: d('2024-05-20'), approvedOn: d('2024-05-20') });
    expect(daysLeft(dl, chinaToday(Date.parse('2024-06-19T15:59:59Z')))).toBe(0); // 23:59:59 in Shanghai
    expect(daysLeft(dl, chinaToday(Date.parse('2024-06-19T16:00:00Z')))).toBe(-1); // 00:00 the next day
  });

  it('is due today at every instant of the last day in Shanghai, and overdue from its midnight on', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 86_399_999 }), (approvedOn, ms) => {
        const dl = uploadDeadline({ joinedOn: approvedOn, approvedOn });
        const lastDayStart = chinaMidnight(dl.lastDay);
        expect(daysLeft(dl, chinaToday(lastDayStart + ms))).toBe(0);
        expect(daysLeft(dl, chinaToday(lastDayStart + 86_400_000 + ms))).toBe(-1);
        expect(daysLeft(dl, chinaToday(lastDayStart - 1))).toBe(1);
      }),
    );
  });
});
