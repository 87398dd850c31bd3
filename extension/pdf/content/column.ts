import { READER } from '../../../shared/pdf/content/thresholds';
import { CHARSETS, type FieldDraft, type Reread } from './fields/draft';
import { aroundCell, hoursOf } from './fields/courses';
import { columnBetweenRules, inkBounds, inkFraction, writingBands } from './ink';
import { sureness } from './lines';
import type { Grey, Rect } from './ocr/grey';

/**
 * The 学时 column (fields/courses.ts `columnCheck`: from under its header to the 合计 row, with the
 * cells read) between its two ruled lines. Writing left in it that no cell read covers is a row the
 * reader missed — a thin “1” the detector passed over on a row whose date ran on into its topic (one
 * box, too long to read, so no date to look beside) — and is read as hours, band by band; then the
 * column is `complete` when no writing is left outside the cells read. Without both rules nothing
 * is said.
 */
export async function readColumn(g: Grey, drafts: FieldDraft[], reread: Reread): Promise<FieldDraft[]> {
  const column = drafts.find((d) => d.readCells);
  const inside = column && columnInside(g, column.box);
  if (!column || !inside) return drafts.map((d) => (d === column ? withoutCells(d) : d));
  const cells = [...column.readCells!];
  const rows: FieldDraft[] = [];
  for (const band of writingBands(g, inside, rowHeight(cells, inside), cells)) {
    const ink = inkBounds(g, band, true);
    if (!ink) continue;
    const l = await reread({ text: '', probs: [], at: [], box: ink }, CHARSETS.hours);
    const value = hoursOf(l.text);
    if (value === null) continue;
    rows.push({ kind: 'courseHours', role: '', text: l.text, value, confidence: sureness(l), box: ink });
    cells.push(aroundCell(ink));
  }
  const left = inkFraction(g, inside, rowHeight(cells, inside), undefined, cells);
  const bare = withoutCells(column);
  const checked: FieldDraft =
    left < READER.emptyInk ? { ...bare, box: inside, value: 'complete', text: '（已读全）', confidence: 0.95 } : bare;
  const out = [...drafts.filter((d) => d !== column), ...rows, checked];
  // Rows numbered top to bottom again, so each row's hours and date share a number.
  out
    .filter((d) => d.kind === 'courseHours')
    .sort((a, b) => a.box.y - b.box.y)
    .forEach((d, i) => (d.role = String(i + 1)));
  return out;
}

function columnInside(g: Grey, box: Rect): Rect | undefined {
  const rules = box.h > 0 && columnBetweenRules(g, box.x + box.w / 2, box.y, box.y + box.h);
  return rules ? { x: rules.left + 3, y: box.y, w: rules.right - rules.left - 6, h: box.h } : undefined;
}

const rowHeight = (cells: readonly Rect[], inside: Rect) => Math.max(...cells.map((c) => c.h), inside.w / 3);

function withoutCells(d: FieldDraft): FieldDraft {
  const bare = { ...d };
  delete bare.readCells;
  return bare;
}
