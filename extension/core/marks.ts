/**
 * Marks: small tags in the host's own look (Element UI's colours and `el-tag--mini` size), under
 * our own class prefix. Writes are collected while features compute and applied in one batch, so
 * a pass reads everything first and then writes without reading layout in between. Each mark is
 * keyed by its row's content: an unchanged mark is not touched, a reused `<tr>` gets its marks
 * recomputed, and every copy of a row (fixed columns) carries the same marks so row heights stay
 * equal while exactly one copy is visible.
 */
import type { MemberRow } from './rows';
import { cellBox, markedCells, OWN_CLASS, rowCopies, type ColumnKey, type HostTable } from './table';

export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export interface MarkSpec {
  text: string;
  tone: Tone;
  /** The tooltip: the rule behind the mark and what to do. */
  title?: string;
  /** A short line of detail under the tag (e.g. the reviewer's reason). */
  note?: string;
  /** A tick box instead of a tag (selection mode), checked or not. */
  checkbox?: boolean;
}

/** Attribute on a row our filter hides; our stylesheet hides it, the host never sets it. */
export const HIDDEN_ATTR = 'data-laa-hidden';
export const MARK_ATTR = 'data-laa-mark';

interface Placed {
  spec: MarkSpec;
  key: string;
  els: HTMLElement[];
}

interface Op {
  table: HostTable;
  row: MemberRow;
  column: ColumnKey;
  id: string;
  spec: MarkSpec | null;
}

const placedByRow = new WeakMap<HTMLTableRowElement, Map<string, Placed>>();

const specKey = (s: MarkSpec) =>
  `${s.tone}\u0001${s.text}\u0001${s.title ?? ''}\u0001${s.note ?? ''}\u0001${s.checkbox ?? ''}`;

let tagTemplate: HTMLElement | null = null;
/** One finished mark per spec object and id: features hand out the same spec for the same case, so most marks are one deep clone. */
const templates = new WeakMap<MarkSpec, Map<string, HTMLElement>>();

function build(doc: Document, spec: MarkSpec, id: string): HTMLElement {
  if (spec.checkbox !== undefined) return create(doc, spec, id);
  let byId = templates.get(spec);
  if (!byId) templates.set(spec, (byId = new Map()));
  let t = byId.get(id);
  if (!t || t.ownerDocument !== doc) byId.set(id, (t = create(doc, spec, id)));
  return t.cloneNode(true) as HTMLElement;
}

function create(doc: Document, spec: MarkSpec, id: string): HTMLElement {
  if (!tagTemplate || tagTemplate.ownerDocument !== doc) tagTemplate = doc.createElement('span');
  if (spec.checkbox !== undefined) {
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.className = `${OWN_CLASS} laa-select`;
    box.checked = spec.checkbox;
    box.setAttribute(MARK_ATTR, id);
    box.title = '选择此团员';
    return box;
  }
  const tag = tagTemplate.cloneNode(false) as HTMLElement;
  tag.className = `${OWN_CLASS} laa-tag laa-tag--${spec.tone}`;
  tag.setAttribute(MARK_ATTR, id);
  tag.textContent = spec.text;
  if (spec.title) tag.title = spec.title;
  if (!spec.note) return tag;
  const wrap = tagTemplate.cloneNode(false) as HTMLElement;
  wrap.className = `${OWN_CLASS} laa-mark-with-note`;
  wrap.setAttribute(MARK_ATTR, id);
  tag.removeAttribute(MARK_ATTR);
  tag.className = `laa-tag laa-tag--${spec.tone}`;
  const note = tagTemplate.cloneNode(false) as HTMLElement;
  note.className = `laa-note laa-note--${spec.tone}`;
  note.textContent = spec.note;
  if (spec.title) note.title = spec.title;
  wrap.append(tag, note);
  return wrap;
}

function isPlacedIn(p: Placed, copies: HTMLTableRowElement[]): boolean {
  if (p.els.length !== copies.length) return false;
  return p.els.every((el, i) => el.isConnected && el.closest('tr') === copies[i]);
}

/** Collects the marks of one pass; `commit` writes them all at once. */
export class MarkBatch {
  private ops: Op[] = [];
  private hides: { table: HostTable; row: MemberRow; hidden: boolean }[] = [];

  set(table: HostTable, row: MemberRow, column: ColumnKey, id: string, spec: MarkSpec | null): void {
    if (table.columns[column] === undefined) return;
    this.ops.push({ table, row, column, id, spec });
  }

  hide(table: HostTable, row: MemberRow, hidden: boolean): void {
    this.hides.push({ table, row, hidden });
  }

  get size(): number {
    return this.ops.length + this.hides.length;
  }

  /** Applies the marks; returns how many DOM writes it made (0 when everything was in place). */
  commit(doc: Document): number {
    let writes = 0;
    const copiesOf = new Map<HTMLTableRowElement, HTMLTableRowElement[]>();
    const copiesFor = (table: HostTable, row: MemberRow) => {
      let c = copiesOf.get(row.tr);
      if (!c) copiesOf.set(row.tr, (c = table.copies.length ? rowCopies(table, row.tr, row.index) : [row.tr]));
      return c;
    };
    for (const { table, row, column, id, spec } of this.ops) {
      let placed = placedByRow.get(row.tr);
      const slot = `${column}\u0001${id}`;
      const current = placed?.get(slot);
      if (!spec && !current) continue;
      if (!spec) {
        if (current) {
          for (const el of current.els) el.remove();
          placed!.delete(slot);
          writes++;
        }
        continue;
      }
      const copies = copiesFor(table, row);
      const key = current?.spec === spec ? current.key : specKey(spec);
      if (current && current.key === key && isPlacedIn(current, copies)) {
        current.spec = spec;
        continue;
      }
      const col = table.columns[column]!;
      const els: HTMLElement[] = [];
      copies.forEach((tr, i) => {
        const fresh = build(doc, spec, id);
        const old = current?.els[i];
        if (old && old.isConnected && old.closest('tr') === tr) old.replaceWith(fresh);
        else {
          const cell = cellBox(tr.cells[col]);
          if (cell) {
            markedCells.add(cell);
            if (spec.checkbox !== undefined) cell.prepend(fresh);
            else cell.appendChild(fresh);
          }
        }
        els.push(fresh);
      });
      if (current) for (const el of current.els) if (el.isConnected && !els.includes(el)) el.remove();
      if (!placed) placedByRow.set(row.tr, (placed = new Map()));
      placed.set(slot, { spec, key, els });
      writes++;
    }
    for (const { table, row, hidden } of this.hides) {
      for (const tr of copiesFor(table, row)) {
        if (tr.hasAttribute(HIDDEN_ATTR) === hidden) continue;
        tr.toggleAttribute(HIDDEN_ATTR, hidden);
        writes++;
      }
    }
    this.ops = [];
    this.hides = [];
    return writes;
  }
}

/** Removes every mark, container and hidden flag we put into a subtree (a visit ends). */
export function clearMarks(root: ParentNode): void {
  for (const el of root.querySelectorAll(`.${OWN_CLASS}`)) el.remove();
  for (const el of root.querySelectorAll(`[${HIDDEN_ATTR}]`)) el.removeAttribute(HIDDEN_ATTR);
}
