import { addDays, daysBetween } from './chinaDate';
import type { ChinaDate, Member } from './types';

/** §2, §5.7: upload within 30 days after the upper committee approved the admission. */
export const UPLOAD_WINDOW_DAYS = 30;

export interface Deadline {
  /** The last day an upload is on time (inclusive), a China date. */
  lastDay: ChinaDate;
  /**
   * True when 入团时间 stood in for the unknown approval date: 入团时间 is the 支部大会 date, which
   * comes before the approval, so this is the earliest the deadline can be.
   */
  estimated: boolean;
}

export function uploadDeadline(m: Pick<Member, 'joinedOn' | 'approvedOn'>): Deadline {
  const from = m.approvedOn ?? m.joinedOn;
  return { lastDay: addDays(from, UPLOAD_WINDOW_DAYS), estimated: !m.approvedOn };
}

/** Days from today to the last day, in China calendar days: 0 on the last day, negative after it. */
export function daysLeft(deadline: Deadline, today: ChinaDate): number {
  return daysBetween(today, deadline.lastDay);
}
