import { parseWrittenDate } from '../../../../shared/pdf/content/dates';
import type { FieldKind } from '../../../../shared/pdf/content/facts';
import { below, canonical, join, rightOf, sureness, type Line } from '../lines';
import { type FieldDraft, reach, dateField, nameField, emptyEntry } from './draft';

/** A signature line: the name written after its label, and the date written just after or below it. */
export function signature(
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
export function dateNear(
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
