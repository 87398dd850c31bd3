/**
 * Element's tables as the host renders them: the header and the body are separate `<table>`s
 * (in Element Plus both inside `.el-table__inner-wrapper`, the body inside el-scrollbar), and
 * Element UI renders fixed columns again in overlay tables (`.el-table__fixed`, `-fixed-right`)
 * whose rows repeat the main body's rows one for one (Element Plus makes them sticky instead).
 * Columns are found by header text only (the vocabulary's `column.*` entries and their aliases).
 */
import { isWord, sel } from '../host/terms';

/** The member columns the overlay reads or marks, each a `column.*` entry of the vocabulary. */
export const COLUMN_KEYS = [
  'name',
  'devNumber',
  'joinedOn',
  'certStatus',
  'upload',
  'actions',
  'org',
  'idCard',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Our own nodes inside host cells carry this class; reading a cell skips them. */
export const OWN_CLASS = 'laa-marks';

export interface HostTable {
  el: HTMLElement;
  /** Every header's text, in column order. */
  headers: string[];
  /** The member columns the table has; a missing one is absent, never guessed. */
  columns: Partial<Record<ColumnKey, number>>;
  /** The columns read from each row, as [key, index] pairs (操作 holds buttons, not facts). */
  reads: readonly (readonly [ColumnKey, number])[];
  /** The main body's tbody: it holds every cell, fixed columns included. */
  body: HTMLTableSectionElement;
  /** The fixed overlays' tbodies, whose rows repeat the main body's rows one for one. */
  copies: HTMLTableSectionElement[];
}

const ODD_SPACE = /[\n\r\t\f\v\u00a0\u3000]| {2}/;
const ANY_SPACE = /[\s\u00a0\u3000]+/g;
/** Trims and collapses whitespace; most cells have none inside, so test before replacing. */
export const squash = (s: string): string => {
  const t = s.trim();
  return ODD_SPACE.test(t) ? t.replace(ANY_SPACE, ' ') : t;
};

/** The header texts of an Element table, in column order (the leaf row of grouped headers). */
export function readHeaders(tableEl: Element): string[] {
  const head = tableEl.querySelector(sel('table.header'));
  const rows = head?.querySelectorAll('tr');
  const leaf = rows?.[rows.length - 1];
  if (!leaf) return [];
  // Element UI's scrollbar gutter is an empty header cell: it reads as ''.
  return Array.from(leaf.children, (th) => squash((th.querySelector('.cell') ?? th).textContent ?? ''));
}

/** The column a header names, by the vocabulary's words (aliases and hotfixed words included). */
export function columnOf(header: string): ColumnKey | undefined {
  return header ? COLUMN_KEYS.find((k) => isWord(`column.${k}`, header)) : undefined;
}

/** A table of members: it has 姓名 and at least one column the checks read. */
export function asMemberTable(tableEl: HTMLElement): HostTable | null {
  const headers = readHeaders(tableEl);
  const columns: Partial<Record<ColumnKey, number>> = {};
  headers.forEach((h, i) => {
    const key = columnOf(h);
    if (key && columns[key] === undefined) columns[key] = i;
  });
  if (columns.name === undefined) return null;
  if (columns.devNumber === undefined && columns.joinedOn === undefined && columns.certStatus === undefined)
    return null;
  const body = tableEl.querySelector<HTMLTableSectionElement>(sel('table.body'));
  if (!body) return null;
  const copies = Array.from(tableEl.querySelectorAll<HTMLTableSectionElement>(sel('table.fixedBody')));
  const reads = (Object.entries(columns) as [ColumnKey, number][]).filter(([k]) => k !== 'actions');
  return { el: tableEl, headers, columns, reads, body, copies };
}

/** Element's loading mask over a table is showing (Element UI hides it when done, Element Plus removes it). */
export function isLoading(tableEl: Element): boolean {
  return Array.from(tableEl.querySelectorAll<HTMLElement>(`:scope > ${sel('table.loadingMask')}`)).some(
    (m) => m.style.display !== 'none',
  );
}

/** The main body's member rows, in order. */
export function bodyRows(t: HostTable): HTMLTableRowElement[] {
  const rows: HTMLTableRowElement[] = [];
  const row = sel('table.row');
  for (const tr of t.body.children) if (tr instanceof HTMLTableRowElement && tr.matches(row)) rows.push(tr);
  return rows;
}

/** Cells we ever put a mark into (marks.ts adds them): any other cell is read in one go. */
export const markedCells = new WeakSet<Element>();

/** The text a host cell shows, without our marks; `textContent`, never `innerText` (no layout). */
export function cellText(td: Element | undefined): string {
  const cell = td?.firstElementChild ?? td;
  if (!cell) return '';
  if (!markedCells.has(cell)) return squash(cell.textContent ?? '');
  let s = '';
  for (const n of cell.childNodes) {
    if (n.nodeType === 1 && (n as Element).classList.contains(OWN_CLASS)) continue;
    s += n.textContent ?? '';
  }
  return squash(s);
}

/** The `.cell` div of a cell, where marks go. */
export function cellBox(td: Element | undefined): HTMLElement | null {
  return (td?.firstElementChild as HTMLElement | null) ?? (td as HTMLElement | null) ?? null;
}

/** The row at the same position in every body that renders it: main first, then the fixed copies. */
export function rowCopies(t: HostTable, tr: HTMLTableRowElement, index: number): HTMLTableRowElement[] {
  const out = [tr];
  for (const body of t.copies) {
    const copy = body.rows[index];
    if (copy && copy.matches(sel('table.row'))) out.push(copy);
  }
  return out;
}
