import type { Rect } from '../ocr/grey';
import { findHeader, findLabel, join, rightOf, sureness, type Line } from '../lines';
import { type FieldDraft, type Reread, CHARSETS, sure, dateField } from './draft';

/** A number of hours as written: 2, 1.5, 2学时, 两. */
export function hoursOf(text: string): number | null {
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

export async function courses(lines: Line[], reread: Reread): Promise<FieldDraft[]> {
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
    if (hoursOf(cell.text) === null && !/^.{0,3}$/.test(cell.text.trim())) continue;
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
    out.push(columnCheck(col, total.line.box, out));
  }
  return out;
}

/**
 * The 学时 column from under its header to the 合计 row, with the hours cells read: the page's
 * reader checks it for writing left unread (a row the detector passed over). Only then may the
 * rows' sum stand against an unsure 合计 (shared/pdf/content/courses.ts).
 */
function columnCheck(col: Rect, total: Rect, read: readonly FieldDraft[]): FieldDraft {
  const top = col.y + col.h * 1.1;
  const box = { x: col.x - col.h, y: top, w: col.w + col.h * 2, h: total.y - total.h * 0.1 - top };
  const readCells = read.filter((f) => f.kind === 'courseHours').map((f) => aroundCell(f.box));
  return { kind: 'courseColumn', text: '', value: null, confidence: 0, box, readCells };
}

/** A 学时 cell read, with a margin around it: its writing's edges are not writing left unread. */
export const aroundCell = (b: Rect): Rect => ({
  x: b.x - b.h * 0.3,
  y: b.y - b.h * 0.3,
  w: b.w + b.h * 0.6,
  h: b.h * 1.6,
});

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
