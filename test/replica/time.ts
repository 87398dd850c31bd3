import { toChinaDate } from '../../shared/domain/chinaDate';
import type { ChinaDate } from '../../shared/domain/types';

/** The host writes times as `2024-05-20 14:03:11`, China time. */
export function chinaDateTime(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function dateTimeOn(d: ChinaDate, hour: number, minute: number, second = 0): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d} ${two(hour)}:${two(minute)}:${two(second)}`;
}

export function dateOf(dateTime: string): ChinaDate {
  return dateTime.slice(0, 10) as ChinaDate;
}

export { toChinaDate };
