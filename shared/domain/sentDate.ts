// Plain code, no zod: the extension's content script checks dates it reads with the same rule.
import { isCalendarDate, type ChinaDate } from './calendar';
import { addDays, chinaToday } from './chinaDate';

/** No date in a member's archive comes before the People's Republic (and its League) existed. */
export const EARLIEST_DATE = '1949-01-01';

/**
 * Why a date sent in cannot be a real one, or null: it must be a calendar day from 1949-01-01 to
 * tomorrow in China (a day of slack for a clock slightly ahead). A typo such as 2100 or 9999 would
 * otherwise put a deadline thousands of years out, which no list could show.
 */
export function sentDateProblem(s: string, today: ChinaDate = chinaToday()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return '应为 YYYY-MM-DD 格式的日期';
  if (!isCalendarDate(s)) return `${s} 这一天不存在，请核对`;
  if (s < EARLIEST_DATE) return `${s} 早于 ${EARLIEST_DATE}，请核对年份`;
  const tomorrow = addDays(today, 1);
  if (s > tomorrow) return `${s} 晚于明天（${tomorrow}），不能是将来的日期，请核对年份`;
  return null;
}
