import type { SectionId } from '../../../../shared/pdf/content/sections';
import type { Line } from '../lines';
import type { FieldDraft, Reread } from './draft';
import { basicInfo, cover } from './basicInfo';
import { courses } from './courses';
import { application, introducers } from './opinions';
import { branchMeeting, approval } from './meeting';

/**
 * The fields of a page, by its section: each section's reader in its own file, the pieces they
 * share in draft.ts and signature.ts.
 */
export type { FieldDraft, Reread } from './draft';

/** Fields of a page of `section`; `heading` is the heading line read (for the entry's space). */
export async function fieldsOf(
  section: SectionId,
  lines: Line[],
  reread: Reread,
  pageHeight: number,
  heading?: Line,
): Promise<FieldDraft[]> {
  switch (section) {
    case 'cover':
      return cover(lines);
    case 'basicInfo':
      return basicInfo(lines, reread);
    case 'courses':
      return courses(lines, reread);
    case 'application':
      return application(lines, heading, pageHeight);
    case 'introducers':
      return introducers(lines);
    case 'branchMeeting':
      return branchMeeting(lines);
    case 'approval':
      return approval(lines);
    default:
      return [];
  }
}

/** Sections whose pages carry fields: only these are read beyond their strip. */
export const FIELD_SECTIONS: ReadonlySet<SectionId> = new Set([
  'cover',
  'basicInfo',
  'courses',
  'application',
  'introducers',
  'branchMeeting',
  'approval',
]);
