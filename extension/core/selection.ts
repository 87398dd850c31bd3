/**
 * Selection mode: the admin picks rows (one, several, or the whole page) for an action a
 * feature offers, e.g. recording the upper committee's approval date for a batch approved on
 * one day. Checkboxes sit in the 姓名 cell; what is selected is remembered by row content, so a
 * re-render or a page change never moves a tick to another member.
 */
import { button, type ListBar } from './bar';
import type { MarkBatch } from './marks';
import type { MemberRow } from './rows';
import type { HostTable } from './table';

export interface SelectionApi {
  /** The selected rows still shown. */
  selected(): MemberRow[];
  clear(): void;
}

/** A feature's controls in the selection panel, built once; `api` reads the selection when used. */
export type SelectionAction = (api: SelectionApi, doc: Document) => HTMLElement;

export const SELECT_CLASS = 'laa-select';

export class Selection {
  private actions: { owner: string; action: SelectionAction; built: HTMLElement[] }[] = [];
  private active = false;
  private used = false;
  private picked = new Set<string>();
  private rows: MemberRow[] = [];
  private panels = new WeakMap<ListBar, { toggle: HTMLButtonElement; panel: HTMLElement; count: HTMLElement }>();
  private listening = new WeakSet<HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly changed: () => void,
    /** A feature's action threw while its controls were built. */
    private readonly failed: (owner: string, error: unknown) => void,
  ) {}

  add(action: SelectionAction, owner: string): void {
    this.actions.push({ owner, action, built: [] });
  }

  /** A feature's controls go (it stopped on this page). */
  drop(owner: string): void {
    for (const a of this.actions.filter((x) => x.owner === owner)) for (const el of a.built) el.remove();
    this.actions = this.actions.filter((x) => x.owner !== owner);
  }

  get hasActions(): boolean {
    return this.actions.length > 0;
  }

  private api: SelectionApi = {
    selected: () => this.rows.filter((r) => this.picked.has(r.signature)),
    clear: () => {
      this.picked.clear();
      this.changed();
    },
  };

  /** Puts the selection controls in the bar and the checkboxes in the rows (through the batch). */
  render(bar: ListBar, table: HostTable, rows: MemberRow[], batch: MarkBatch): void {
    if (!this.actions.length) return;
    this.rows = rows;
    const ui = this.panels.get(bar) ?? this.build(bar);
    ui.toggle.textContent = this.active ? '退出选择' : '选择团员';
    ui.panel.hidden = !this.active;
    const n = rows.filter((r) => this.picked.has(r.signature)).length;
    ui.count.textContent = `已选 ${n} 人`;
    // Tick boxes exist only once selection mode was used.
    if (this.active || this.used)
      for (const row of rows)
        batch.set(
          table,
          row,
          'name',
          'select',
          this.active ? { text: '', tone: 'primary', checkbox: this.picked.has(row.signature) } : null,
        );
    if (this.active) this.used = true;
    if (!this.listening.has(table.el)) {
      this.listening.add(table.el);
      table.el.addEventListener('change', (e) => this.onChange(e, table));
      // A tick is ours: the host's row click must not see it.
      table.el.addEventListener('click', (e) => {
        if ((e.target as Element | null)?.classList?.contains(SELECT_CLASS)) e.stopPropagation();
      });
    }
  }

  private onChange(e: Event, table: HostTable): void {
    const box = e.target as HTMLInputElement | null;
    if (!box?.classList?.contains(SELECT_CLASS)) return;
    const tr = box.closest('tr');
    const index = tr ? tr.sectionRowIndex : -1;
    const main = table.body.rows[index];
    const row = this.rows.find((r) => r.tr === main);
    if (!row) return;
    if (box.checked) this.picked.add(row.signature);
    else this.picked.delete(row.signature);
    this.changed();
  }

  private build(bar: ListBar) {
    const doc = this.doc;
    const section = bar.section('selection', 90);
    const toggle = button(doc, '选择团员', () => {
      this.active = !this.active;
      this.changed();
    });
    section.append(toggle);
    const panel = doc.createElement('div');
    panel.className = 'laa-selection laa-bar-row';
    panel.hidden = true;
    const count = doc.createElement('span');
    count.className = 'laa-count';
    const all = button(doc, '全选本页', () => {
      for (const r of this.rows) if (!r.tr.hasAttribute('data-laa-hidden')) this.picked.add(r.signature);
      this.changed();
    });
    const none = button(doc, '清除选择', () => this.api.clear());
    panel.append(count, all, none);
    for (const a of this.actions) {
      try {
        const el = a.action(this.api, doc);
        a.built.push(el);
        panel.append(el);
      } catch (e) {
        this.failed(a.owner, e);
      }
    }
    bar.el.append(panel);
    const ui = { toggle, panel, count };
    this.panels.set(bar, ui);
    return ui;
  }
}
