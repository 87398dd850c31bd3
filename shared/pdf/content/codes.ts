/**
 * The content findings' codes (stable English kebab-case; Chinese text in messages.ts). They join
 * the picture checks' codes in shared/pdf/types.ts and arrive after the picture report.
 */
export const CONTENT_ISSUE_CODES = [
  'page-order',
  'page-missing',
  'name-mismatch',
  'joined-mismatch',
  'birth-mismatch',
  'underage',
  'overage',
  'course-hours',
  'date-order',
  'blank-field',
  'unsigned',
  'content-unreadable',
  'local-rule',
] as const;
export type ContentIssueCode = (typeof CONTENT_ISSUE_CODES)[number];

/**
 * What the admin sees beside a content finding: the page, the box on its thumbnail, the crop that
 * was read and what was read (shown as “读到：…”), so it is clear at once whether the form or the
 * reading is wrong.
 */
export interface Evidence {
  /** 1-based page. */
  page: number;
  /** Fractions of the displayed page (see ContentBox). */
  box: { x: number; y: number; w: number; h: number };
  /** Small JPEG data URL of the region read, upright; '' when none was kept. */
  crop: string;
  /** What was read there, as read (a 身份证号 masked). */
  read: string;
}
