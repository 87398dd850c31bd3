import type { SectionId } from './sections';

/**
 * What the content reader (extension/pdf/content) read from the pages, as plain data: the rules
 * in this folder judge it without a browser. Everything here stays in the browser; the sync worker
 * only ever sees issue codes.
 */

/**
 * A rectangle on the page as displayed (the thumbnail's frame, /Rotate applied), in fractions of
 * the page's width and height from the top-left corner: it maps onto a thumbnail of any size.
 */
export interface ContentBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Quarter turns clockwise that put the page's writing upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** Which section a page is, and how sure the reader is. */
export interface PageSectionFacts {
  /** 1-based. */
  page: number;
  /** null: nothing printed on the page named a section (unreadable, foreign page). */
  section: SectionId | null;
  /** 0–1: how well the printed words read matched the section's marks. */
  confidence: number;
  /** The turn that made the page readable (the reader puts pages upright before reading). */
  rotation: Rotation;
  /** The printed words that decided it, as read (evidence for `page-order`, `page-missing`). */
  marks: string[];
}

/**
 * What a field is. Values (normalised, in `ReadField.value`):
 * - `name`: the name without spaces; `role` says where (`cover`, `basicInfo`, `applicant` — the
 *   name written on the 申请人 signature line).
 * - `birth`: `YYYY-MM` or `YYYY-MM-DD` from 出生年月/出生日期.
 * - `idBirth`: the birth date (`YYYY-MM-DD`) inside a valid 身份证号 read on the form. The number
 *   itself is never kept: `text` holds it masked (110105********1234).
 * - `courseDate` / `courseHours`: one 团课 row (`role` = row index from 1); `courseTotal`: 合计.
 * - `courseColumn`: the 学时 column between its header and the 合计 row; value `complete` when it
 *   holds no writing besides the hours cells read (no row's hours were left unread), else null.
 * - `applicationDate`, `introducerDate` (`role` `1`, `2`), `meetingDate` (团支部大会),
 *   `approvalDate` (上级团委审批): `YYYY-MM-DD`.
 * - `attendance`: `role` `应到` or `实到`, value a number.
 * - `signature`: `role` `申请人`, `介绍人1`, `介绍人2`, `团支部书记`; value `signed` or `empty`.
 * - `entry`: a required written entry; `role` `本人经历`, `入团志愿`, `介绍人意见`, `出生年月`;
 *   value `filled` or `empty`.
 * - `sectionText`: all text read on a page of section `role`, for committees' local rules (only
 *   read when a rule asks for it).
 */
export const FIELD_KINDS = [
  'name',
  'birth',
  'idBirth',
  'courseDate',
  'courseHours',
  'courseTotal',
  'courseColumn',
  'applicationDate',
  'introducerDate',
  'meetingDate',
  'approvalDate',
  'attendance',
  'signature',
  'entry',
  'sectionText',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface ReadField {
  kind: FieldKind;
  /** Which one, where a kind occurs more than once (see FieldKind). */
  role?: string;
  /** What was read, as read (masked for a 身份证号): shown as “读到：…”. */
  text: string;
  /** The normalised value, or null when the text did not parse (never a guess). */
  value: string | number | null;
  /** 0–1: the recogniser's confidence in the characters the value rests on. */
  confidence: number;
  /** 1-based page. */
  page: number;
  box: ContentBox;
  /** Index into `ContentFacts.crops`: the picture that was read, for the evidence. */
  crop?: number;
}

export interface ContentFacts {
  pages: PageSectionFacts[];
  fields: ReadField[];
  /** Small JPEG data URLs of the regions read, upright. */
  crops: string[];
  /** Pages the reader could not read at all (no picture, decode failure, time limit). */
  unreadPages: number[];
  ms: { total: number; cold?: number; pages?: number[] };
}

/** What the system knows about the member, to compare the form with (all optional). */
export interface ContentMember {
  name?: string;
  /** 入团时间 in the system (YYYY-MM-DD): the 团支部大会 date. */
  joinedOn?: string;
  /** 出生日期 (YYYY-MM-DD) as the caller knows it (the CLI's --birth). */
  birthDate?: string;
}
