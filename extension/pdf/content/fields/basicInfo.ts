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
    if (d) out.push(d);
    else if (!birth.values.some((v) => writtenIn(v, birth.label, empty.emptyRegion!))) out.push(empty);
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

/**
 * Whether a value found for a label that read as no date may be writing in the label's space: then
 * nothing is said. Not so for what lies past the space (the next cell's writing), nor for one
 * stray character read on the label's own line (a cell border read as 來 or 丨): there the space's
 * ink decides whether it is empty.
 */
function writtenIn(v: { line: Line; start: number }, label: Line, space: Rect): boolean {
  if (v.line !== label) return overlaps(v.line.box, space);
  const rest = v.line.text.slice(v.start).replace(/[\s:：_.。,，、|丨]/g, '');
  return rest.length > 1 || /[\d〇零一二三四五六七八九十年月日]/.test(rest);
}

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/** The cover's one label a rule reads beside. */
export const COVER_LABELS = { name: ['姓名'] } as const;

export function cover(lines: Line[]): FieldDraft[] {
  const name = valueAfter(lines, COVER_LABELS.name);
  const n = name?.values.map((v) => nameField('cover', v.line, v.start)).find((f) => f);
  return n ? [n] : [];
}
