/**
 * Doing what the admin would do, through the host's own controls: choosing a menu item, and
 * filling the list's own search box and pressing 查询 (the host has no per-member address).
 */
import { isWord, sel } from '../host/terms';
import { waitForElement } from './elements';
import type { ListPage } from './pages';
import { isLoading } from './table';

/** The fields of the lists' own search form the extension fills. */
export type SearchField = 'name' | 'devNumber';

/** Chooses the menu item that opens a list, by the list's name (its page heading). */
export function clickMenu(doc: Document, list: ListPage): boolean {
  const item = Array.from(doc.querySelectorAll<HTMLElement>(sel('menu.item'))).find((el) =>
    isWord(`page.${list}`, el.textContent ?? ''),
  );
  item?.click();
  return !!item;
}

export function searchInput(doc: Document, field: SearchField): HTMLInputElement | null {
  for (const item of doc.querySelectorAll(`${sel('search.form')} ${sel('search.item')}`)) {
    const l = item.querySelector(sel('search.label'));
    if (l && isWord(`search.${field}Field`, l.textContent ?? ''))
      return item.querySelector<HTMLInputElement>(sel('search.input'));
  }
  return null;
}

/** Types into the host's input the way a keyboard would (its v-model listens to `input`). */
export function fillInput(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function runSearch(doc: Document, field: SearchField, value: string): boolean {
  const input = searchInput(doc, field);
  const form = input?.closest(sel('search.form'));
  if (!input || !form) return false;
  // Other fields are cleared so the search finds exactly this member.
  for (const other of form.querySelectorAll<HTMLInputElement>(sel('search.input')))
    if (other !== input && other.value && other.type !== 'hidden' && !other.readOnly) fillInput(other, '');
  fillInput(input, value);
  const submit = Array.from(form.querySelectorAll<HTMLElement>(sel('search.button'))).find((b) =>
    isWord('search.submit', b.textContent ?? ''),
  );
  submit?.click();
  return !!submit;
}

function lastCrumb(doc: Document): string {
  const items = doc.querySelectorAll(sel('breadcrumb.item'));
  const last = items[items.length - 1];
  return (last?.querySelector(sel('breadcrumb.itemText')) ?? last)?.textContent ?? '';
}

/** A list's table is there and not under Element's loading mask. */
function listLoaded(doc: Document): boolean {
  const tables = Array.from(doc.querySelectorAll(sel('table.root')));
  return tables.length > 0 && !tables.some(isLoading);
}

/** Opens a list from the menu and searches it for one member; false when the host would not. */
export async function openListAndSearch(
  doc: Document,
  list: ListPage,
  field: SearchField,
  value: string,
  signal: AbortSignal,
): Promise<boolean> {
  const onList = () => isWord(`page.${list}`, lastCrumb(doc));
  if (!onList() && !clickMenu(doc, list)) return false;
  // Wait for the list's own first load too, or its answer could land after the search's.
  const ready = await waitForElement(
    doc.body,
    () => (onList() && listLoaded(doc) ? searchInput(doc, field) : null),
    signal,
    10_000,
  );
  return ready ? runSearch(doc, field, value) : false;
}
