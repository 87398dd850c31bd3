import { parseWrittenDate } from '../../../../shared/pdf/content/dates';
import type { FieldKind } from '../../../../shared/pdf/content/facts';
import { CONFIDENCE, READER } from '../../../../shared/pdf/content/thresholds';
import type { Rect } from '../ocr/grey';
import { canonical, findLabel, labelIn, rightOf, sureness, surely, union, type Line } from '../lines';

/**
 * The fields of a page, found by their printed labels (never by where a printing puts them): a
 * value is the rest of the label's own line, else the nearest writing to its right on the same
 * row, else just below. Boxes are in the upright page's pixels; `region` is where the reader looked
 * (for the evidence crop and, for an empty entry, the ink check).
 */
export interface FieldDraft {
  kind: FieldKind;
  role?: string;
  text: string;
  value: string | number | null;
  confidence: number;
  box: Rect;
  /** An entry or signature judged empty: the space beside the label, for the ink check. */
  emptyRegion?: Rect;
  /** A region (`box`) whose writing should all have been read: these cells, checked for ink left over. */
  readCells?: Rect[];
}

export const reach = READER.valueReach;

/** Reads a line again as one of `charset`'s characters only (the reader's constrained pass). */
export type Reread = (line: Line, charset: string) => Promise<Line>;

/** What may be written where a number of hours, a date, or a 身份证号 is expected. */
export const CHARSETS = {
  hours: '0123456789.学时课小两一二三四五六七八九十',
  date: '0123456789年月日.-/〇零一二三四五六七八九十',
  id: '0123456789X',
} as const;

/**
 * Unsure readings of a number, date or 身份证号 are read again within their charset; so is a box
 * read as nothing (a lone digit whose box hugs it may be).
 */
export async function sure(line: Line, charset: string, reread: Reread): Promise<Line> {
  return surely(line) >= CONFIDENCE.value ? line : reread(line, charset);
}

/**
 * Where a label's value may be written, nearest first: the rest of the label's own line, then the
 * writing beside it on the same row. A stray mark after the label (a rule read as 「) makes the
 * first a non-value; the caller's parser decides.
 */
export function valueAfter(
  lines: readonly Line[],
  labels: readonly string[],
): { label: Line; values: { line: Line; start: number }[] } | undefined {
  const hit = findLabel(lines, labels);
  if (!hit) return undefined;
  const values: { line: Line; start: number }[] = [];
  if (canonical(hit.line.text.slice(hit.end)).length > 0) values.push({ line: hit.line, start: hit.end });
  const beside = rightOf(lines, hit.line.box, reach).find((l) => labelIn(l, ANY_LABEL) === undefined);
  if (beside) values.push({ line: beside, start: 0 });
  return { label: hit.line, values };
}

/** Printed words that are never someone's writing. */
const ANY_LABEL = ['性别', '民族', '籍贯', '出生年月', '出生日期', '身份证', '文化程度', '学历', '政治面貌', '姓名'];

export function dateField(kind: FieldKind, line: Line, from: number, role?: string): FieldDraft | undefined {
  const d = parseWrittenDate(line.text.slice(from));
  if (!d) return undefined;
  return {
    kind,
    ...(role ? { role } : {}),
    text: line.text.slice(from + d.start, from + d.end),
    value: d.value,
    confidence: sureness(line, from + d.start, from + d.end),
    box: line.box,
  };
}

export function nameField(role: string, line: Line, from: number): FieldDraft | undefined {
  const name = line.text.slice(from).replace(/[\s:：_.]/g, '');
  if (!/^[\u4e00-\u9fa5·]{2,5}$/.test(name)) return undefined;
  return { kind: 'name', role, text: name, value: name, confidence: sureness(line, from), box: line.box };
}

export function emptyEntry(kind: 'entry' | 'signature', role: string, label: Line, lineH: number): FieldDraft {
  const region = {
    x: label.box.x + label.box.w,
    y: label.box.y - lineH * 0.3,
    w: lineH * 8,
    h: label.box.h + lineH * 0.6,
  };
  return {
    kind,
    role,
    text: '（空白）',
    value: 'empty',
    confidence: 0,
    box: union(label.box, region),
    emptyRegion: region,
  };
}

/** A written entry whose lines are not read: empty until the ink in `space` says otherwise (readPage's check). */
export function entrySpace(role: string, box: Rect, space: Rect): FieldDraft {
  return { kind: 'entry', role, text: '（空白）', value: 'empty', confidence: 0, box, emptyRegion: space };
}

export function allLabels(lines: Line[], labels: string[]): { line: Line; end: number }[] {
  const out: { line: Line; end: number }[] = [];
  for (const line of lines) {
    const end = labelIn(line, labels);
    if (end !== undefined) out.push({ line, end });
  }
  return out;
}

/** Writing between two heights of the page (an entry's space): its lines, labels aside. */
export function writingBetween(lines: Line[], top: number, bottom: number, labels: string[]): Line[] {
  return lines.filter((l) => l.box.y > top && l.box.y + l.box.h < bottom && labelIn(l, labels) === undefined);
}

export function lastDate(lines: Line[], kind: FieldKind): FieldDraft | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = dateField(kind, lines[i]!, 0);
    if (d && String(d.value).length === 10) return d;
  }
  return undefined;
}
