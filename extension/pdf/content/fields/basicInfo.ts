import { isValidIdCard, maskIdCard } from '../../../../shared/domain/idCard';
import { sureness, type Line } from '../lines';
import type { Rect } from '../ocr/grey';
import { type FieldDraft, type Reread, CHARSETS, sure, valueAfter, dateField, nameField, emptyEntry } from './draft';

/** The 基本情况 labels whose values the rules read (the rest of the page's rows are not needed). */
export const BASIC_LABELS = {
  name: ['姓名'],
  birth: ['出生年月', '出生日期'],
  id: ['居民身份证号码', '公民身份号码', '身份证号码', '身份证号'],
} as const;

export async function basicInfo(lines: Line[], reread: Reread): Promise<FieldDraft[]> {
  const out: FieldDraft[] = [];
  const name = valueAfter(lines, BASIC_LABELS.name);
  const n = name?.values.map((v) => nameField('basicInfo', v.line, v.start)).find((f) => f);
  if (n) out.push(n);
  const birth = valueAfter(lines, BASIC_LABELS.birth);
  if (birth) {
    let d: FieldDraft | undefined;
    for (const v of birth.values) {
      const line = v.line === birth.label ? v.line : await sure(v.line, CHARSETS.date, reread);
      d ??= dateField('birth', line, v.start);
    }
    const empty = emptyEntry('entry', '出生年月', birth.label, birth.label.box.h);
    // No date, and nothing written in the space beside the label (what was found lies past it: the
    // next cell's writing): the space's ink decides whether it is empty.
    const inSpace = (v: { line: Line }) => v.line === birth.label || overlaps(v.line.box, empty.emptyRegion!);
    if (d) out.push(d);
    else if (!birth.values.some(inSpace)) out.push(empty);
  }
  const id = valueAfter(lines, BASIC_LABELS.id);
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

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

export function cover(lines: Line[]): FieldDraft[] {
  const name = valueAfter(lines, ['姓名']);
  const n = name?.values.map((v) => nameField('cover', v.line, v.start)).find((f) => f);
  return n ? [n] : [];
}
