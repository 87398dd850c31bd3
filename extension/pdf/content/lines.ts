import type { TextBox } from './ocr/detect';
import type { Grey, Rect } from './ocr/grey';
import type { Ocr } from './ocr/models';
import type { Reading } from './ocr/recognise';

/** A text line read on a page: what the recogniser said, with its box in the upright page's pixels. */
export interface Line extends Reading {
  box: Rect;
}

export async function readLines(ocr: Ocr, g: Grey, boxes: readonly TextBox[]): Promise<Line[]> {
  const read = await ocr.read(g, boxes);
  return read.map((r, i) => ({ ...r, box: boxes[i]! })).filter((l) => l.text.trim());
}

/**
 * Text as labels are compared: no spaces or punctuation, and the recogniser's usual confusions
 * of print folded together (入/人, 〇/O): applied to both what was read and the label sought.
 */
export function canonical(s: string): string {
  return s
    .replace(/[\s\u3000:：,，.。、;；()（）【】“”"'·_\-—]+/g, '')
    .replace(/人/g, '入')
    .replace(/[〇○]/g, 'O');
}

/** How far right of a label's first box (in its heights) the rest of a widely spaced label is looked for. */
export const LABEL_JOIN_REACH = 3;

/** Lines in reading order: by row (boxes overlapping by half the lower's height), then left to right. */
export const sortLines = (lines: Line[]): Line[] =>
  lines.sort((a, b) =>
    Math.abs(a.box.y - b.box.y) < Math.min(a.box.h, b.box.h) / 2 ? a.box.x - b.box.x : a.box.y - b.box.y,
  );

/**
 * The first line whose text holds one of `labels`, top to bottom; with where the label ends in the
 * line. A label printed with wide spacing (姓　名) comes as separate boxes: when no single line
 * holds it, neighbouring boxes on a row are joined, left to right, and tried as one.
 */
export function findLabel(
  lines: readonly Line[],
  labels: readonly string[],
  from = 0,
): { line: Line; end: number } | undefined {
  for (let i = from; i < lines.length; i++) {
    const hit = labelIn(lines[i]!, labels);
    if (hit !== undefined) return { line: lines[i]!, end: hit };
  }
  for (let i = from; i < lines.length; i++) {
    let joined = lines[i]!;
    for (const next of rightOf(lines, lines[i]!.box, LABEL_JOIN_REACH).slice(0, 3)) {
      joined = join(joined, next);
      const hit = labelIn(joined, labels);
      if (hit !== undefined) return { line: joined, end: hit };
    }
  }
  return undefined;
}

/** The line a label's header cell is: one whose whole text is the label, else the first holding it. */
export function findHeader(lines: readonly Line[], labels: readonly string[]): { line: Line; end: number } | undefined {
  const keys = labels.map(canonical);
  const exact = lines.find((l) => keys.includes(canonical(l.text)));
  return exact ? { line: exact, end: exact.text.length } : findLabel(lines, labels);
}

/** Two lines read as one, left to right. */
export function join(a: Line, b: Line): Line {
  return { text: a.text + b.text, probs: [...a.probs, ...b.probs], at: [...a.at, ...b.at], box: union(a.box, b.box) };
}

/** Where in the line's own text the label ends (so the rest is its value), or undefined. */
export function labelIn(line: Line, labels: readonly string[]): number | undefined {
  const c = canonical(line.text);
  for (const label of labels) {
    const k = canonical(label);
    const at = c.indexOf(k);
    if (at < 0) continue;
    // Map the canonical position back to the raw text: count kept characters.
    let kept = 0;
    for (let i = 0; i < line.text.length; i++) {
      if (canonical(line.text[i]!) !== '') kept++;
      if (kept === at + k.length) return i + 1;
    }
    return line.text.length;
  }
  return undefined;
}

const overlapY = (a: Rect, b: Rect) => Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);

/** Two boxes on one row: they share 40 % of the lower one's height. */
export const sameRow = (a: Rect, b: Rect): boolean => overlapY(a, b) > Math.min(a.h, b.h) * 0.4;

/** `b` is on the same row as `r`, to its right, within `reach` × its height. */
export const besideRight = (r: Rect, b: Rect, reach: number): boolean =>
  b.x >= r.x + r.w - r.h * 0.5 && sameRow(b, r) && b.x - (r.x + r.w) < reach * r.h;

/** Lines on the same row as `r`, to its right, within `reach` × its height, nearest first. */
export function rightOf(lines: readonly Line[], r: Rect, reach: number): Line[] {
  return lines.filter((l) => besideRight(r, l.box, reach)).sort((a, b) => a.box.x - b.box.x);
}

/** Lines below `r` starting within `reach` × its height, overlapping it sideways (or right of it), nearest first. */
export function below(lines: readonly Line[], r: Rect, reach: number): Line[] {
  return lines
    .filter((l) => l.box.y > r.y + r.h * 0.5 && l.box.y - (r.y + r.h) < reach * r.h)
    .filter((l) => l.box.x + l.box.w > r.x - r.h && l.box.x < r.x + r.w + reach * r.h)
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** The lowest probability among characters start…end of a reading (1 for none). */
export function sureness(r: Reading, start = 0, end = r.text.length): number {
  let m = 1;
  for (let i = start; i < end; i++) if (r.text[i]!.trim() && r.probs[i]! < m) m = r.probs[i]!;
  return m;
}

/** How sure a reading is that there is something in its box: a box read as nothing is not sure of it. */
export const surely = (r: Reading): number => (r.text.trim() ? sureness(r) : 0);

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x),
    y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}
