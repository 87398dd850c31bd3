/**
 * Whose archive is being uploaded or reviewed: the row whose 上传档案 / 替换档案 button opened the
 * dialog (read with the overlay's own row reader, so the member is keyed exactly as the list
 * keeps it), checked against the basic info the dialog itself shows.
 */
import { parseHostDate } from '../../shared/domain/chinaDate';
import type { ChinaDate } from '../../shared/domain/types';
import { readSignedInOrg } from '../core/org';
import { readRow, type RowMember } from '../core/rows';
import { asMemberTable, bodyRows, squash } from '../core/table';
import { isWord, sel, type TextsId } from '../host/terms';
import type { OrgRef } from '../model/member';

export interface UploadMember {
  name: string;
  devNumber?: string;
  joinedOn?: ChinaDate;
  org: OrgRef;
}

/** The basic info a dialog shows (el-descriptions: a label, its value beside it). */
export type DescribedField = 'name' | 'devNumber' | 'joinedOn' | 'org' | 'idCard';

export interface Descriptions {
  get(field: DescribedField): string | undefined;
}

/** The el-descriptions inside `root`, read by the vocabulary's `descriptions.*` labels. */
export function readDescriptions(root: ParentNode): Descriptions {
  const pairs: [string, string][] = [];
  for (const label of root.querySelectorAll(sel('descriptions.label'))) {
    const value = label.nextElementSibling;
    if (value) pairs.push([label.textContent ?? '', squash(value.textContent ?? '')]);
  }
  return {
    get: (field) => pairs.find(([label]) => isWord(`descriptions.${field}` satisfies TextsId, label))?.[1],
  };
}

/** The member a dialog shows, or null when it shows no name. */
export function memberInDialog(dialog: Element, pageOrg: OrgRef): UploadMember | null {
  const d = readDescriptions(dialog);
  const name = d.get('name');
  if (!name) return null;
  const m: UploadMember = { name, org: pageOrg };
  const devNumber = d.get('devNumber');
  if (devNumber !== undefined) m.devNumber = devNumber === '--' ? '' : devNumber;
  const joined = d.get('joinedOn');
  const date = joined ? parseHostDate(joined) : null;
  if (date) m.joinedOn = date;
  const org = d.get('org');
  if (org && org !== pageOrg.name) m.org = { name: org };
  return m;
}

/** The list row a button sits in (the main body's row, when the button is in a fixed copy). */
export function memberOfButton(button: Element, doc: Document): RowMember | null {
  const tableEl = button.closest<HTMLElement>(sel('table.root'));
  const tr = button.closest('tr');
  if (!tableEl || !tr) return null;
  const table = asMemberTable(tableEl);
  if (!table) return null;
  const section = tr.parentElement;
  const index = section
    ? Array.from(section.children)
        .filter((r) => r.matches(sel('table.row')))
        .indexOf(tr)
    : -1;
  const main = bodyRows(table)[index];
  if (!main) return null;
  return readRow(table, main, index, readSignedInOrg(doc)).member;
}

/** The row's member, unless the dialog names someone else (then the dialog wins). */
export function uploadMember(row: RowMember | null, dialog: Element | null, doc: Document): UploadMember | null {
  const pageOrg = readSignedInOrg(doc);
  const shown = dialog ? memberInDialog(dialog, row?.org ?? pageOrg) : null;
  if (
    row &&
    (!shown ||
      (shown.name === row.name &&
        (shown.devNumber === undefined || row.devNumber === undefined || shown.devNumber === row.devNumber)))
  ) {
    const m: UploadMember = { name: row.name, org: row.org };
    const devNumber = row.devNumber ?? shown?.devNumber;
    if (devNumber !== undefined) m.devNumber = devNumber;
    const joinedOn = row.joinedOn ?? shown?.joinedOn;
    if (joinedOn) m.joinedOn = joinedOn;
    return m;
  }
  return shown;
}

/** The dialog an element sits in, with its title. */
export function dialogOf(el: Element): { dialog: Element; title: string } | null {
  const dialog = el.closest(sel('dialog.root'));
  if (!dialog) return null;
  return { dialog, title: squash(dialog.querySelector(sel('dialog.title'))?.textContent ?? '') };
}
