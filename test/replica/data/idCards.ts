import { addDays } from '../../../shared/domain/chinaDate';
import { idCardCheckDigit } from '../../../shared/domain/idCard';
import type { ChinaDate } from '../../../shared/domain/types';
import type { Sex } from '../model';
import type { Rng } from './prng';

/** Real county codes: most members of a school come from its own district. */
export const HOME_REGION = '110105';
const OTHER_REGIONS = ['310104', '440106', '330106', '420106', '510107', '320102', '370102', '610113', '430104'];

/**
 * A valid 18-digit 身份证号 (GB 11643): region, birth date, a sequence whose last digit is odd for
 * men and even for women, and the check character.
 */
export function makeIdCard(rng: Rng, birth: ChinaDate, sex: Sex): string {
  const region = rng.chance(0.85) ? HOME_REGION : rng.pick(OTHER_REGIONS);
  const seq = rng.int(0, 49) * 2 + (sex === '男' ? 1 : 0) + rng.int(0, 9) * 100;
  const first17 = region + birth.replace(/-/g, '') + String(seq).padStart(3, '0');
  return first17 + idCardCheckDigit(first17);
}

/** A birth date that makes the member 14–17 on the day of joining (school members). */
export function birthDateFor(rng: Rng, joinedOn: ChinaDate): ChinaDate {
  return addDays(joinedOn, -rng.int(14 * 365 + 4, 17 * 365 + 300));
}
