// Type only: the content script imports these functions, and must not pull in zod for them.
import { isCalendarDate, type ChinaDate } from './calendar';

/**
 * China calendar dates. Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset gives the China date of any instant exactly, whatever the machine's time zone.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The China date of an instant (epoch milliseconds). */
export function toChinaDate(epochMs: number): ChinaDate {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10) as ChinaDate;
}

/** Today in China. */
export function chinaToday(now: number = Date.now()): ChinaDate {
  return toChinaDate(now);
}

/** Midnight at the start of a China date, as epoch milliseconds. */
export function chinaMidnight(d: ChinaDate): number {
  return dayNumber(d) * DAY_MS - CHINA_OFFSET_MS;
}

function dayNumber(d: ChinaDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(n: number): ChinaDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10) as ChinaDate;
}

export function addDays(d: ChinaDate, n: number): ChinaDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: ChinaDate, to: ChinaDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function isChinaDate(s: string): s is ChinaDate {
  return isCalendarDate(s);
}

export function yearOf(d: ChinaDate): number {
  return Number(d.slice(0, 4));
}

const FULL_WIDTH_DIGITS = /[０-９]/g;
const DATE_IN_TEXT = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:$|[\sT])/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as a host page writes it: 2024-05-20, 2024年05月20日, 2024/5/20, 2024.5.20, 20240520,
 * with stray or full-width whitespace, full-width digits, or a time after it. Anything else is
 * not a date: null, never a guess.
 */
export function parseHostDate(text: string): ChinaDate | null {
  const t = text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  const m = DATE_IN_TEXT.exec(t + ' ') ?? COMPACT_DATE.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isChinaDate(iso) ? iso : null;
}
