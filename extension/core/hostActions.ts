/**
 * Doing what the admin would do, through the host's own controls: choosing a menu item, and
 * filling the list's own search box and pressing 查询 (the host has no per-member address).
 */
import { waitForElement } from './elements';
import { BREADCRUMB, MENU, SEARCH_FORM, TABLE } from './hostSelectors';
import { squash } from './table';

const label = (s: string) => squash(s).replace(/[:：]$/, '');

export function clickMenu(doc: Document, text: string): boolean {
  const item = Array.from(doc.querySelectorAll<HTMLElement>(MENU.item)).find(
    (el) => squash(el.textContent ?? '') === text,
  );
  item?.click();
  return !!item;
}

export function searchInput(doc: Document, fieldLabel: string): HTMLInputElement | null {
  for (const item of doc.querySelectorAll(SEARCH_FORM.item)) {
    const l = item.querySelector(SEARCH_FORM.label);
    if (l && label(l.textContent ?? '') === fieldLabel) return item.querySelector<HTMLInputElement>(SEARCH_FORM.input);
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

export function runSearch(doc: Document, fieldLabel: string, value: string): boolean {
  const input = searchInput(doc, fieldLabel);
  const form = input?.closest(SEARCH_FORM.form);
  if (!input || !form) return false;
  // Other fields are cleared so the search finds exactly this member.
  for (const other of form.querySelectorAll<HTMLInputElement>(SEARCH_FORM.input))
    if (other !== input && other.value && other.type !== 'hidden' && !other.readOnly) fillInput(other, '');
  fillInput(input, value);
  const submit = Array.from(form.querySelectorAll<HTMLElement>(SEARCH_FORM.button)).find(
    (b) => squash(b.textContent ?? '') === SEARCH_FORM.submitText,
  );
  submit?.click();
  return !!submit;
}

function lastCrumb(doc: Document): string {
  const items = doc.querySelectorAll(BREADCRUMB.items);
  const last = items[items.length - 1];
  return squash((last?.querySelector(BREADCRUMB.itemText) ?? last)?.textContent ?? '').replace(/\s/g, '');
}

/** Opens a list from the menu and searches it for one member; false when the host would not. */
export async function openListAndSearch(
  doc: Document,
  menuLabel: string,
  fieldLabel: string,
  value: string,
  signal: AbortSignal,
): Promise<boolean> {
  if (lastCrumb(doc) !== menuLabel && !clickMenu(doc, menuLabel)) return false;
  // Wait for the list's own first load too, or its answer could land after the search's.
  const loading = () =>
    Array.from(doc.querySelectorAll<HTMLElement>(`${TABLE.root} > ${TABLE.loadingMask}`)).some(
      (m) => m.style.display !== 'none',
    );
  const ready = await waitForElement(
    doc.body,
    () =>
      lastCrumb(doc) === menuLabel && doc.querySelector(TABLE.root) && !loading() ? searchInput(doc, fieldLabel) : null,
    signal,
    10_000,
  );
  return ready ? runSearch(doc, fieldLabel, value) : false;
}
