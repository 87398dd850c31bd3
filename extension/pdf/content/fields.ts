import { parseWrittenDate } from '../../../shared/pdf/content/dates';
import type { FieldKind } from '../../../shared/pdf/content/facts';
import type { SectionId } from '../../../shared/pdf/content/sections';
import { CONFIDENCE, READER } from '../../../shared/pdf/content/thresholds';
import { isValidIdCard, maskIdCard } from '../../../shared/domain/idCard';
import type { Rect } from './ocr/grey';
import { below, canonical, findHeader, findLabel, join, labelIn, rightOf, sureness, union, type Line } from './lines';

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
}

const reach = READER.valueReach;

/** Reads a line again as one of `charset`'s characters only (the reader's constrained pass). */
export type Reread = (line: Line, charset: string) => Promise<Line>;

/** What may be written where a number of hours, a date, or a 身份证号 is expected. */
export const CHARSETS = {
  hours: '0123456789.学时课小两一二三四五六七八九十',
  date: '0123456789年月日.-/〇零一二三四五六七八九十',
  id: '0123456789X',
} as const;

/** Unsure readings of a number, date or 身份证号 are read again within their charset. */
async function sure(line: Line, charset: string, reread: Reread): Promise<Line> {
  return sureness(line) >= CONFIDENCE.value ? line : reread(line, charset);
}

/**
 * Where a label's value may be written, nearest first: the rest of the label's own line, then the
 * writing beside it on the same row. A stray mark after the label (a rule read as 「) makes the
 * first a non-value; the caller's parser decides.
 */
function valueAfter(
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

function dateField(kind: FieldKind, line: Line, from: number, role?: string): FieldDraft | undefined {
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

function nameField(role: string, line: Line, from: number): FieldDraft | undefined {
  const name = line.text.slice(from).replace(/[\s:：_.]/g, '');
  if (!/^[\u4e00-\u9fa5·]{2,5}$/.test(name)) return undefined;
  return { kind: 'name', role, text: name, value: name, confidence: sureness(line, from), box: line.box };
}

function emptyEntry(kind: 'entry' | 'signature', role: string, label: Line, lineH: number): FieldDraft {
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

async function basicInfo(lines: Line[], reread: Reread): Promise<FieldDraft[]> {
  const out: FieldDraft[] = [];
  const name = valueAfter(lines, ['姓名']);
  const n = name?.values.map((v) => nameField('basicInfo', v.line, v.start)).find((f) => f);
  if (n) out.push(n);
  const birth = valueAfter(lines, ['出生年月', '出生日期']);
  if (birth) {
    let d: FieldDraft | undefined;
    for (const v of birth.values) {
      const line = v.line === birth.label ? v.line : await sure(v.line, CHARSETS.date, reread);
      d ??= dateField('birth', line, v.start);
    }
    if (d) out.push(d);
    else if (birth.values.length === 0) out.push(emptyEntry('entry', '出生年月', birth.label, birth.label.box.h));
  }
  const id = valueAfter(lines, ['居民身份证号码', '公民身份号码', '身份证号码', '身份证号']);
  for (const v of id?.values ?? []) {
    const line = v.line === id!.label ? v.line : await sure(v.line, CHARSETS.id, reread);
    const digits = line.text
      .slice(v.start)
      .replace(/[Oo〇]/g, '0')
      .replace(/[lI|]/g, '1')
      .replace(/x/g, 'X')
      .replace(/[^\dX]/g, '');
    if (digits.length !== 18 || !isValidIdCard(digits)) continue;
    const birthOf = `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`;
    out.push({
      kind: 'idBirth',
      text: maskIdCard(digits),
      value: birthOf,
      confidence: sureness(line, v.start),
      box: line.box,
    });
    break;
  }
  return out;
}

function cover(lines: Line[]): FieldDraft[] {
  const name = valueAfter(lines, ['姓名']);
  const n = name?.values.map((v) => nameField('cover', v.line, v.start)).find((f) => f);
  return n ? [n] : [];
}

/** A number of hours as written: 2, 1.5, 2学时, 两. */
function hoursOf(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/学时|课时|小时|h/gi, '')
    .replace(/[Oo]/g, '0')
    .replace(/[lI|]/g, '1')
    .trim();
  if (/^\d{1,2}(\.\d)?$/.test(t)) return Number(t);
  const cn: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
  return t.length === 1 && cn[t] !== undefined ? cn[t]! : null;
}

async function courses(lines: Line[], reread: Reread): Promise<FieldDraft[]> {
  const out: FieldDraft[] = [];
  const head = findHeader(lines, ['学时', '课时']);
  if (!head) return out;
  const col = head.line.box;
  const inColumn = (l: Line) => l.box.x + l.box.w > col.x - col.h && l.box.x < col.x + col.w + col.h;
  const total = findLabel(lines, ['合计', '总计', '共计']);
  const rows = lines.filter(
    (l) => l.box.y > col.y + col.h * 0.8 && (!total || l.box.y + l.box.h / 2 < total.line.box.y),
  );
  let row = 0;
  for (const cell of rows.filter(inColumn).sort((a, b) => a.box.y - b.box.y)) {
    if (hoursOf(cell.text) === null && !/^.{1,3}$/.test(cell.text.trim())) continue;
    const l = await sure(cell, CHARSETS.hours, reread);
    const h = hoursOf(l.text);
    if (h === null) continue;
    row++;
    out.push({ kind: 'courseHours', role: String(row), text: l.text, value: h, confidence: sureness(l), box: l.box });
  }
  const others = rows.filter((x) => !inColumn(x));
  for (const l of others) {
    const d = dateField('courseDate', l, 0) ?? splitDate(others, l);
    if (d && d.value !== null && String(d.value).length === 10)
      out.push({ ...d, role: String(out.filter((f) => f.kind === 'courseDate').length + 1) });
  }
  await missedCells(out, col, reread);
  if (total) {
    const rest = total.line.text.slice(total.end);
    const same = hoursOf(rest.replace(/[^\d.一二两三四五六七八九十]/g, ''));
    const cell = rightOf(lines, total.line.box, 40).find((l) => inColumn(l) && l.text.trim().length <= 4);
    const beside = cell && (await sure(cell, CHARSETS.hours, reread));
    const v = same ?? (beside ? hoursOf(beside.text) : null);
    const src = same !== null ? total.line : beside;
    if (v !== null && src)
      out.push({ kind: 'courseTotal', text: src.text, value: v, confidence: sureness(src), box: src.box });
  }
  return out;
}

/**
 * A date the detector cut in two on its row (“2021” and “3.31”): a year alone joined with the digits
 * just right of it, a dot between, when together they make a whole date.
 */
function splitDate(lines: readonly Line[], year: Line): FieldDraft | undefined {
  if (!/^\d{4}$/.test(year.text)) return undefined;
  const rest = rightOf(lines, year.box, 2)[0];
  if (!rest || !/^\d{1,2}[.\-/]\d{1,2}\D?$/.test(rest.text.trim())) return undefined;
  const dotted = {
    ...year,
    text: `${year.text}.`,
    probs: [...year.probs, 1],
    at: [...year.at, 1],
  };
  const d = dateField('courseDate', join(dotted, rest), 0);
  return d && String(d.value).length === 10 ? d : undefined;
}

/**
 * Hours cells the detector passed over: a lone handwritten “1” is one thin stroke, too slight for
 * the detector, so a row with a date read and no hours beside it has its 学时 cell (the header's
 * column on the date's row) read as hours. Rows are then numbered top to bottom again, so each
 * row's hours and date share a number.
 */
async function missedCells(out: FieldDraft[], col: Rect, reread: Reread): Promise<void> {
  const onRow = (a: Rect, b: Rect) => Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > Math.min(a.h, b.h) * 0.3;
  const hours = () => out.filter((f) => f.kind === 'courseHours');
  for (const d of out.filter((f) => f.kind === 'courseDate')) {
    if (hours().some((f) => onRow(f.box, d.box))) continue;
    // The row's height from the header's print at least: a date the detector squashed is lower than its row.
    const h = Math.max(d.box.h, col.h) * 1.3;
    const box = { x: col.x - col.h, y: d.box.y + d.box.h / 2 - h / 2, w: col.w + col.h * 2, h };
    const l = await reread({ text: '', probs: [], at: [], box }, CHARSETS.hours);
    const v = hoursOf(l.text);
    if (v !== null) out.push({ kind: 'courseHours', text: l.text, value: v, confidence: sureness(l), box });
  }
  hours()
    .sort((a, b) => a.box.y - b.box.y)
    .forEach((f, i) => (f.role = String(i + 1)));
}

/** A signature line: the name written after its label, and the date written just after or below it. */
function signature(
  lines: Line[],
  label: { line: Line; end: number },
  who: string,
  dateKind: FieldKind | null,
  dateRole?: string,
): FieldDraft[] {
  const out: FieldDraft[] = [];
  const rest = label.line.text.slice(label.end);
  const beside = rightOf(lines, label.line.box, reach);
  const nameLine =
    canonical(rest) && !parseWrittenDate(rest) ? label.line : beside.find((l) => !parseWrittenDate(l.text));
  if (nameLine) {
    let from = nameLine === label.line ? label.end : 0;
    while (from < nameLine.text.length && canonical(nameLine.text[from]!) === '') from++;
    out.push({
      kind: 'signature',
      role: who,
      text: nameLine.text.slice(from),
      value: 'signed',
      confidence: sureness(nameLine, from),
      box: nameLine.box,
    });
    if (who === '申请人') {
      const n = nameField('applicant', nameLine, from);
      if (n) out.push(n);
    }
  } else out.push(emptyEntry('signature', who, label.line, label.line.box.h));
  if (dateKind) {
    const d = dateNear(lines, label, dateKind, dateRole);
    if (d) out.push(d);
  }
  return out;
}

/**
 * The date written after a label, or on the rows just below it. Handwritten digits in the printed
 * “年 月 日” gaps may come as separate boxes: a row's boxes are read together, left to right.
 */
function dateNear(
  lines: Line[],
  label: { line: Line; end: number },
  kind: FieldKind,
  role?: string,
): FieldDraft | undefined {
  const own = dateField(kind, label.line, label.end, role);
  if (own) return own;
  const rows = [
    rowOf(lines, rightOf(lines, label.line.box, reach)),
    ...below(lines, label.line.box, 4).map((l) => rowOf(lines, [l])),
  ];
  for (const row of rows) {
    const d = row && dateField(kind, row, 0, role);
    if (d) return d;
  }
  return undefined;
}

/** The boxes on the row of `seed`'s first line, right of its start, as one line (text joined left to right). */
function rowOf(lines: readonly Line[], seed: Line[]): Line | undefined {
  const first = seed[0];
  if (!first) return undefined;
  const row = lines
    .filter(
      (l) =>
        l.box.x >= first.box.x - 1 &&
        Math.min(l.box.y + l.box.h, first.box.y + first.box.h) - Math.max(l.box.y, first.box.y) >
          Math.min(l.box.h, first.box.h) * 0.4,
    )
    .filter((l) => l.box.x - first.box.x < first.box.h * reach * 2)
    .sort((a, b) => a.box.x - b.box.x);
  return row.length ? row.reduce(join) : undefined;
}

function allLabels(lines: Line[], labels: string[]): { line: Line; end: number }[] {
  const out: { line: Line; end: number }[] = [];
  for (const line of lines) {
    const end = labelIn(line, labels);
    if (end !== undefined) out.push({ line, end });
  }
  return out;
}

/** Writing between two heights of the page (an entry's space): its lines, labels aside. */
function writingBetween(lines: Line[], top: number, bottom: number, labels: string[]): Line[] {
  return lines.filter((l) => l.box.y > top && l.box.y + l.box.h < bottom && labelIn(l, labels) === undefined);
}

function application(lines: Line[], heading: Line | undefined, pageHeight: number): FieldDraft[] {
  const sign = findLabel(lines, ['本人签名', '申请人签名', '申请人']);
  const out: FieldDraft[] = [];
  if (sign) out.push(...signature(lines, sign, '申请人', 'applicationDate'));
  // 入团志愿 itself, on its first page only (a continuation may rightly be empty): whether the
  // space under the heading is written on. Its lines are sentences, never read: the ink decides.
  if (heading && !/续/.test(heading.text)) {
    const top = heading.box.y + heading.box.h * 2;
    const bottom = sign ? sign.line.box.y - sign.line.box.h : pageHeight * 0.9;
    const region = { x: heading.box.x - heading.box.w * 1.5, y: top, w: heading.box.w * 4, h: bottom - top };
    if (region.h > 0 && writingBetween(lines, top, bottom, ['入团志愿']).length === 0)
      out.push(entrySpace('入团志愿', heading.box, region));
  }
  // Printing B: the first introducer's opinion shares the page that ends 入团志愿.
  return [...out, ...introducers(lines)];
}

function introducers(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  const signs = allLabels(lines, ['介绍人签名', '介绍人签字']).sort((a, b) => a.line.box.y - b.line.box.y);
  signs.forEach((s, i) => {
    const n = ordinalAbove(lines, s.line) ?? i + 1;
    const opinion = opinionAbove(lines, s.line, signs[i - 1]?.line);
    if (opinion) out.push(opinion);
    out.push(...signature(lines, s, `介绍人${n}`, 'introducerDate', String(n)));
  });
  return out;
}

/**
 * An introducer's opinion: the space between its printed 介绍人意见 label and its 介绍人签名 line.
 * Its lines are sentences, never read: the ink there decides (readPage's check), as for 入团志愿.
 */
function opinionAbove(lines: Line[], sign: Line, previousSign?: Line): FieldDraft | undefined {
  const label = lines
    .filter((l) => l.box.y + l.box.h <= sign.box.y && (!previousSign || l.box.y > previousSign.box.y))
    .filter((l) => /介绍入.{0,3}意见/.test(canonical(l.text)))
    .sort((a, b) => b.box.y - a.box.y)[0];
  if (!label) return undefined;
  const h = label.box.h;
  const top = label.box.y + h * 1.5;
  const bottom = sign.box.y - sign.box.h * 0.5;
  if (bottom - top < h * 2) return undefined;
  const region = {
    x: label.box.x,
    y: top,
    w: Math.max(sign.box.x + sign.box.w - label.box.x, label.box.w),
    h: bottom - top,
  };
  return entrySpace('介绍人意见', label.box, region);
}

/** A written entry whose lines are not read: empty until the ink in `space` says otherwise (readPage's check). */
function entrySpace(role: string, box: Rect, space: Rect): FieldDraft {
  return { kind: 'entry', role, text: '（空白）', value: 'empty', confidence: 0, box, emptyRegion: space };
}

/** Which introducer a signature belongs to: the nearest 第一/第二介绍人, 介绍人（一）/（二）, 介绍人一/二 above it. */
function ordinalAbove(lines: Line[], sign: Line): number | undefined {
  const above = lines
    .filter((l) => l.box.y + l.box.h <= sign.box.y + sign.box.h * 0.2)
    .sort((a, b) => b.box.y - a.box.y);
  for (const l of above) {
    const t = canonical(l.text);
    if (!t.includes('介绍入')) continue;
    if (/第一介绍|介绍入一|介绍入\(?一/.test(t.replace(/[（）]/g, ''))) return 1;
    if (/第二介绍|介绍入二|介绍入\(?二/.test(t.replace(/[（）]/g, ''))) return 2;
  }
  return undefined;
}

function branchMeeting(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  for (const [role, labels] of [
    ['应到', ['应到']],
    ['实到', ['实到']],
  ] as const) {
    const hit = findLabel(lines, labels);
    if (!hit) continue;
    const row = [hit.line, ...rightOf(lines, hit.line.box, reach)];
    const text = row.map((l) => l.text).join('');
    const m = new RegExp(`${labels[0]}[^\\d]{0,4}(\\d{1,3})`).exec(text);
    if (m)
      out.push({
        kind: 'attendance',
        role,
        text: m[0],
        value: Number(m[1]),
        confidence: sureness(hit.line),
        box: hit.line.box,
      });
  }
  // The day the meeting was held (团支部于 年 月 日召开…) is the 支部大会 date; else the one signed.
  const held = findLabel(lines, ['召开']);
  const heldOn = held && dateNear(lines, { line: held.line, end: 0 }, 'meetingDate');
  if (heldOn) out.push(heldOn);
  const sign = findLabel(lines, ['团支部书记签名', '支部书记签名', '书记签名', '团支部书记']);
  if (sign) out.push(...signature(lines, sign, '团支部书记', heldOn ? null : 'meetingDate'));
  if (!out.some((f) => f.kind === 'meetingDate')) {
    const last = lastDate(lines, 'meetingDate');
    if (last) out.push(last);
  }
  return out;
}

/**
 * 上级团委审批意见: the date it was approved (after 审批人签名, else the last date on the page), and
 * the 入团时间 the committee wrote (入团时间从 年 月 日算起): the 支部大会 date again, by other hands.
 */
function approval(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  const from = findLabel(lines, ['入团时间从']);
  const joined = from && dateNear(lines, from, 'meetingDate', '入团时间从');
  if (joined) out.push(joined);
  const sign = findLabel(lines, ['审批人签名', '负责人签名', '审批人']);
  const signed = sign && dateNear(lines, sign, 'approvalDate');
  const last =
    signed ??
    lastDate(
      lines.filter((l) => l !== from?.line),
      'approvalDate',
    );
  if (last) out.push(last);
  return out;
}

function lastDate(lines: Line[], kind: FieldKind): FieldDraft | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = dateField(kind, lines[i]!, 0);
    if (d && String(d.value).length === 10) return d;
  }
  return undefined;
}

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
