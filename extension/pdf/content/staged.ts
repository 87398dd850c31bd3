import type { SectionId } from '../../../shared/pdf/content/sections';
import { READER } from '../../../shared/pdf/content/thresholds';
import { courseCells, mayContinue, rowStarts, valueCells } from './cells';
import { columnBetweenRules } from './ink';
import { BASIC_LABELS, COVER_LABELS } from './fields/basicInfo';
import { besideRight, canonical, findLabel, LABEL_JOIN_REACH, sameRow, sortLines, type Line } from './lines';
import type { TextBox } from './ocr/detect';
import type { Grey } from './ocr/grey';

/**
 * Pages read in stages: the printed words that say where things are first, then only the boxes
 * the section's rules can take a value from. The 团课 table's topics and witnesses and 基本情况's
 * other rows were most of the reader's model runs and no rule reads them. Each stage falls back to
 * reading every box when a page does not show what it looks for, so an unknown printing is read
 * as before. Lines come back in the order of `boxes`, as if all had been read at once.
 */
export type ReadBoxes = (boxes: readonly TextBox[]) => Promise<Line[]>;
type Staged = (read: ReadBoxes, g: Grey, known: readonly Line[], boxes: readonly TextBox[]) => Promise<Line[]>;

/** Sections read in stages; any other is read whole. */
export const STAGED: Partial<Record<SectionId, Staged>> = {
  courses: async (read, g, known, boxes) => inOrder(boxes, await courseRest(read, g, known, boxes)),
  basicInfo: async (read, _g, known, boxes) => inOrder(boxes, await labelledRest(read, known, boxes, BASIC_LABELS)),
  cover: async (read, _g, known, boxes) => inOrder(boxes, await labelledRest(read, known, boxes, COVER_LABELS)),
};

const boxOf = (l: Line) => l.box;
const inOrder = (boxes: readonly TextBox[], lines: Line[]) =>
  lines.sort((a, b) => boxes.indexOf(a.box as TextBox) - boxes.indexOf(b.box as TextBox));

/** The 学时 header cell as fields/courses.ts takes it (a line that is the word alone). */
const hoursHeader = (lines: readonly Line[]) => lines.find((l) => ['学时', '课时'].includes(canonical(l.text)));

/** Width over height of the widest 团课 header cell read while looking for 学时 (学习内容 ≈ 2.5). */
const HEADER_CELL_ASPECT = 4;

/** 团课: rows top down until the 学时 header cell, then the cells courseCells picks. */
async function courseRest(read: ReadBoxes, g: Grey, known: readonly Line[], boxes: readonly TextBox[]) {
  const lines: Line[] = [];
  let left = [...boxes].sort((a, b) => a.y - b.y);
  let head = hoursHeader(known);
  while (!head && left.length) {
    const row = left.filter((b) => sameRow(b, left[0]!));
    left = left.filter((b) => !row.includes(b));
    // A header cell is a word or two; a wider box above the table is a title or a note (不少于8学时).
    const got = await read(row.filter((b) => b.w < b.h * HEADER_CELL_ASPECT));
    lines.push(...got);
    head = hoursHeader(got);
  }
  if (!head) return lines;
  const band = head.box;
  const headerRow = [...known, ...lines].filter((l) => sameRow(l.box, band)).sort((a, b) => a.box.x - b.box.x);
  // The rule right of each header cell but the last: between it and the next.
  const column = (l: Line) => columnBetweenRules(g, l.box.x + l.box.w / 2, band.y, band.y + band.h);
  const rules = headerRow.slice(0, -1).map((l) => column(l)?.right);
  return [...lines, ...(await read(courseCells(headerRow, rules, left)))];
}

/**
 * A page of labels and their entries (基本情况; the cover's 姓名): the first box of each row that is
 * short enough to be one of `labels` (a title, the 编号 or the publisher's line is longer), the rest
 * of a label printed with wide spacing, then the row beside each label the rules read; a label not
 * found has every box read.
 */
async function labelledRest(
  read: ReadBoxes,
  known: readonly Line[],
  boxes: readonly TextBox[],
  labels: Readonly<Record<string, readonly string[]>>,
): Promise<Line[]> {
  const lines: Line[] = [];
  let left = [...boxes];
  const take = async (cells: readonly TextBox[]) => {
    lines.push(...(await read(cells)));
    left = left.filter((b) => !cells.includes(b));
  };
  const all = Object.values(labels).flat();
  // A label's box: its characters and a space between two of them, each about a height wide.
  const widest = (Math.max(...all.map((l) => l.length)) + 1) * LABEL_CHAR_WIDTH;
  await take(rowStarts(boxes, known.map(boxOf)).filter((b) => b.w < b.h * widest));
  const starts = [...known, ...lines].filter((l) => mayContinue(l.text, all));
  await take(left.filter((b) => starts.some((l) => besideRight(l.box, b, LABEL_JOIN_REACH))));
  for (const group of Object.values(labels)) {
    const hit = findLabel(sortLines([...known, ...lines]), group);
    await take(hit ? valueCells(hit.line.box, left, READER.valueReach) : left);
  }
  return lines;
}

/** Width of a printed label's character, in box heights (with its share of the spacing). */
const LABEL_CHAR_WIDTH = 1.2;
