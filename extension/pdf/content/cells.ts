import { besideRight, canonical, sameRow, type Line } from './lines';
import type { Rect } from './ocr/grey';

/**
 * Which of a page's unread text boxes can hold what its section's rules read, decided from where
 * they sit before they are read: a model run per box is the reader's main cost, and the boxes
 * picked here are the only ones the field readers (fields/*) could take a value from.
 */

/** A header cell whose column no rule reads: the 团课's topic and its witness's name. */
const UNREAD_HEADER = /内容|证明/;
/** The header cell over the column of dates: a row with writing there is a lesson. */
const DATE_HEADER = /时间|日期/;

const centreX = (r: Rect) => r.x + r.w / 2;

/**
 * The 团课 table's boxes worth reading, given its header row (read, left to right) and the rules
 * between its header cells (`rules[i]` between cell i and i + 1): on a lesson's row — one with
 * writing under 时间/日期 — the cells under 学习内容 and 证明人 are left unread; every other box is
 * read: the header, the 学时 column, the 合计 row (no date on it), anything on a row without a
 * date. A box is in the column its centre falls in. A header row without both kinds of column, or
 * without a rule found between each two of its cells' words (a printing or a scan we do not know),
 * leaves every box to be read.
 */
export function courseCells<B extends Rect>(
  headerRow: readonly Line[],
  rules: readonly (number | undefined)[],
  boxes: readonly B[],
): B[] {
  const heads = headerRow.map((l) => canonical(l.text));
  // A rule is taken only between the two header cells' words: one found past the next cell is the
  // rule after it (the one between them faint or missing).
  const between = (r: number | undefined, i: number) =>
    r !== undefined && r > headerRow[i]!.box.x + headerRow[i]!.box.w && r < headerRow[i + 1]!.box.x;
  const known = rules.length === heads.length - 1 && rules.every(between);
  if (!known || !heads.some((h) => DATE_HEADER.test(h)) || !heads.some((h) => UNREAD_HEADER.test(h))) return [...boxes];
  const headOf = (b: Rect) => heads[rules.filter((r) => r! < centreX(b)).length]!;
  const bottom = Math.max(...headerRow.map((l) => l.box.y + l.box.h));
  const dated = boxes.filter((b) => b.y > bottom && DATE_HEADER.test(headOf(b)));
  const unread = (b: B) => b.y > bottom && UNREAD_HEADER.test(headOf(b)) && dated.some((d) => sameRow(d, b));
  return boxes.filter((b) => !unread(b));
}

/**
 * The boxes that begin a row (nothing left of them on it, among `boxes` and the boxes already
 * read): where a form of label–value rows (基本情况) prints its labels.
 */
export function rowStarts<B extends Rect>(boxes: readonly B[], read: readonly Rect[]): B[] {
  const all = [...boxes, ...read];
  return boxes.filter((b) => !all.some((o) => o !== b && sameRow(o, b) && o.x < b.x));
}

/**
 * Whether one of `labels` may go on past the end of `text` into the next box (a label printed
 * with wide spacing, 姓　名, is two boxes): the text ends with the label's beginning, or has no words.
 */
export function mayContinue(text: string, labels: readonly string[]): boolean {
  const t = canonical(text);
  if (t === '') return true;
  return labels.some((label) => {
    const k = canonical(label);
    for (let n = 1; n < k.length; n++) if (t.endsWith(k.slice(0, n))) return true;
    return false;
  });
}

/** The boxes a label's value may be read from: all on its row, to its right, within `reach` heights. */
export function valueCells<B extends Rect>(label: Rect, boxes: readonly B[], reach: number): B[] {
  return boxes.filter((b) => besideRight(label, b, reach));
}
