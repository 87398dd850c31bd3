import type { ChinaDate } from './types';

/** §1, §5.6: members who joined from 2020 on need the electronic 《入团志愿书》; earlier ones do not. */
export const ARCHIVE_FROM = '2020-01-01' as ChinaDate;

export function needsArchive(joinedOn: ChinaDate): boolean {
  return joinedOn >= ARCHIVE_FROM;
}
