import type { Rng } from './prng';

/** The defects the real site flags in 发展团员编号 (docs/host.md): a year that does not match,
 * a wrong length, a number another member already uses, or none at all. */
export type DevNumberDefect = 'wrongYear' | 'wrongLength' | 'duplicate' | 'missing';
export const DEV_NUMBER_DEFECTS: readonly DevNumberDefect[] = ['wrongYear', 'wrongLength', 'duplicate'];

/** A well-formed number: the year of joining, a 2-digit province code and a 6-digit serial. */
export function devNumber(year: number, serial: number, province = '11'): string {
  return `${year}${province}${String(serial % 1_000_000).padStart(6, '0')}`;
}

/**
 * Spoils `number` the way `defect` says. `others` are the numbers already given out, for a
 * duplicate; returns null when the defect cannot be made (no other number yet).
 */
export function spoilDevNumber(
  rng: Rng,
  number: string,
  defect: DevNumberDefect,
  others: readonly string[],
): string | null {
  switch (defect) {
    case 'wrongYear': {
      const year = Number(number.slice(0, 4));
      // 2017 and 2018 numbers are valid for either year: a wrong year must leave that range.
      const wrong = [year - 1, year + 1].filter((y) => !(year <= 2018 && (y === 2017 || y === 2018)));
      return String(rng.pick(wrong)) + number.slice(4);
    }
    case 'wrongLength':
      return rng.chance(0.5) ? number.slice(0, 11) : `${number}${rng.int(0, 9)}`;
    case 'duplicate': {
      const taken = others.filter((n) => n !== number && n.length === 12);
      return taken.length ? rng.pick(taken) : null;
    }
    case 'missing':
      return '';
  }
}
