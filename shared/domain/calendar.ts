import type { z } from 'zod';

/**
 * A calendar date in China, `YYYY-MM-DD`, as a branded string: the type only (erased at build), so
 * zod-free code (./chinaDate.ts, ./sentDate.ts) names it without importing ./types.ts, whose
 * ChinaDate schema makes values of it.
 */
export type ChinaDate = string & z.$brand<'ChinaDate'>;

/** `YYYY-MM-DD` naming a day that exists (no 30 February). Plain code: no schema library needed. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
