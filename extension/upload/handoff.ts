/**
 * Handing a file to the host's upload as if the admin had chosen it: the input's `files` set
 * through a DataTransfer and a fresh `change` event, which the gate recognises as its own and
 * lets through to Element's el-upload. A file already in the upload's list is taken out first
 * (its own remove icon), since the archive upload takes exactly one file.
 */
import { sel } from '../host/terms';

/** Events the gate dispatched itself: its capture listener lets exactly these through. */
export const released = new WeakSet<Event>();

/** The el-upload component around an input: its root holds both the input and the file list. */
export function uploadRoot(input: HTMLInputElement): Element | null {
  return input.closest(sel('upload.component'))?.parentElement ?? null;
}

export function clearChosen(input: HTMLInputElement): void {
  const root = uploadRoot(input);
  if (!root) return;
  for (const item of root.querySelectorAll(sel('upload.listItem')))
    item.querySelector<HTMLElement>(sel('upload.listItemRemove'))?.click();
}

export function handToHost(input: HTMLInputElement, file: File): void {
  clearChosen(input);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  const ev = new Event('change', { bubbles: true });
  released.add(ev);
  input.dispatchEvent(ev);
}
