import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaMidnight, chinaToday, daysBetween, parseHostDate, toChinaDate } from './chinaDate';
import type { ChinaDate } from './types';

const d = (s: string) => s as ChinaDate;

describe('China dates', () => {
  it('turns over at midnight in Shanghai, not at the machine’s midnight', () => {
    // 2024-05-19T15:59:59Z is 23:59:59 in Shanghai; one second later it is the 20th there.
    expect(chinaToday(Date.parse('2024-05-19T15:59:59Z'))).toBe('2024-05-19');
    expect(chinaToday(Date.parse('2024-05-19T16:00:00Z'))).toBe('2024-05-20');
    // Los Angeles evening of the 19th is already the 20th in China.
    expect(toChinaDate(Date.parse('2024-05-19T20:00:00-07:00'))).toBe('2024-05-20');
  });

  it('adds days across month ends, leap days and years', () => {
    expect(addDays(d('2024-01-31'), 30)).toBe('2024-03-01');
    expect(addDays(d('2023-01-31'), 30)).toBe('2023-03-02');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-02-29'), 1)).toBe('2024-03-01');
    expect(addDays(d('2019-12-31'), 1)).toBe('2020-01-01');
    expect(addDays(d('2020-01-01'), -1)).toBe('2019-12-31');
  });

  it('counts days between dates as the inverse of adding them', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: -4000, max: 4000 }),
        (t, n) => {
          const from = toChinaDate(t.getTime());
          expect(daysBetween(from, addDays(from, n))).toBe(n);
        },
      ),
    );
  });

  it('maps every instant of a China day to that day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (t, ms) => {
          const day = toChinaDate(t.getTime());
          expect(toChinaDate(chinaMidnight(day) + ms)).toBe(day);
        },
      ),
    );
  });

  it('reads the date formats host pages use', () => {
    for (const text of [
      '2024-05-20',
      '2024年05月20日',
      '2024年5月20日',
      '2024/5/20',
      '2024.05.20',
      ' 2024-05-20 ',
      '\n  2024/05/20\t',
      '2024-05-20 10:31:00',
      '2024-05-20T10:31:00',
      '２０２４年５月２０日',
      '20240520',
      '2024 年 5 月 20 日',
    ]) {
      expect(parseHostDate(text), text).toBe('2024-05-20');
    }
  });

  it('refuses what is not a date', () => {
    for (const text of [
      '',
      '—',
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '24-05-20',
      '2024-05',
      '入团时间',
      '202405201',
      '2024-05-20x',
    ]) {
      expect(parseHostDate(text), text).toBeNull();
    }
    expect(parseHostDate('2024-02-29')).toBe('2024-02-29');
  });
});
