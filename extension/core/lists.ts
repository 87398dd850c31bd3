/**
 * Member lists on a page: finds them by header text, reads every row at load and whenever the
 * host re-renders (pagination, search, sort, late rows), hands the rows to the features, and
 * writes their marks in one batch. Runs inside the MutationObserver callback, right after the
 * host's own DOM update and before the browser lays the page out: one layout for both.
 */
import { chinaToday } from '../../shared/domain/chinaDate';
import type { ChinaDate } from '../../shared/domain/types';
import type { OrgRef } from '../model/member';
import { createBar, placeBar, type ListBar } from './bar';
import { Keeper } from './keeping';
import { HIDDEN_ATTR, MarkBatch, clearMarks, type MarkSpec } from './marks';
import type { PageType } from './pages';
import { readRows, type MemberRow } from './rows';
import { Selection, type SelectionAction } from './selection';
import { ensureStyle } from './styles';
import { findMemberTables, OWN_CLASS, type ColumnKey, type HostTable } from './table';

/** What a feature sees of one table in one pass. */
export interface ListPass {
  readonly table: HostTable;
  readonly rows: readonly MemberRow[];
  readonly today: ChinaDate;
  readonly pageType: PageType;
  /** Sets (or with null removes) this feature's mark `id` in a row's cell of `column`. */
  mark(row: MemberRow, column: ColumnKey, spec: MarkSpec | null, id?: string): void;
  /** Hides or shows a row (every copy of it). */
  hide(row: MemberRow, hidden: boolean): void;
  isHidden(row: MemberRow): boolean;
  /** This feature's place in the bar above the table. */
  section(order?: number): HTMLElement;
}

export type PassHandler = (pass: ListPass) => void;

/** A feature's view of the lists: everything it adds is tagged with its id. */
export interface Lists {
  onPass(handler: PassHandler): void;
  addSelectionAction(action: SelectionAction): void;
  /** Asks the background again about every row shown (after recording something) and re-marks. */
  refreshFacts(): Promise<void>;
  /** Runs a pass soon (a setting in the bar changed). */
  requestPass(): void;
}

const OWN_UI = `.${OWN_CLASS}, .laa-bar, .laa-root`;

export interface ListsOptions {
  doc: Document;
  signal: AbortSignal;
  pageType: PageType;
  pageOrg: () => OrgRef;
  keeper: Keeper;
}

export class ListsController {
  private handlers: { owner: string; handler: PassHandler }[] = [];
  private bars = new WeakMap<HTMLElement, ListBar>();
  private placed = new Set<{ table: HTMLElement; bar: ListBar }>();
  private selection: Selection;
  private observer: MutationObserver | null = null;
  private lastRows: MemberRow[] = [];
  private scheduled = false;

  constructor(private readonly o: ListsOptions) {
    this.selection = new Selection(o.doc, () => this.requestPass());
  }

  forFeature(owner: string): Lists {
    return {
      onPass: (handler) => this.handlers.push({ owner, handler }),
      addSelectionAction: (action) => this.selection.add(action),
      refreshFacts: () => this.refreshFacts(),
      requestPass: () => this.requestPass(),
    };
  }

  start(): void {
    const { doc, signal } = this.o;
    if (signal.aborted || !doc.body) return;
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => this.relevant(r))) this.run();
    });
    this.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener(
      'abort',
      () => {
        this.observer?.disconnect();
        clearMarks(doc);
        for (const p of this.placed) p.bar.el.remove();
        this.placed.clear();
      },
      { once: true },
    );
    this.run();
  }

  requestPass(): void {
    if (this.scheduled || this.o.signal.aborted) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.run();
    });
  }

  async refreshFacts(): Promise<void> {
    if (await this.o.keeper.observe(this.lastRows, true).catch(() => false)) this.run();
  }

  /** A host change in or around a table; never one of our own nodes. */
  private relevant(r: MutationRecord): boolean {
    const target = (r.target.nodeType === 1 ? r.target : r.target.parentNode) as Element | null;
    if (!target || target.closest(OWN_UI)) return false;
    if (target.closest('.el-table')) return true;
    for (const list of [r.addedNodes, r.removedNodes]) {
      for (const n of list) {
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        if (el.matches(OWN_UI)) continue;
        if (el.matches('.el-table') || el.querySelector('.el-table')) return true;
      }
    }
    return false;
  }

  /** One pass: read every table, let the features compute, write all marks at once. */
  run(): void {
    const { doc, signal, keeper, pageType } = this.o;
    if (signal.aborted) return;
    const t0 = performance.now();
    const tables = findMemberTables(doc);
    const today = chinaToday();
    const batch = new MarkBatch();
    const pageOrg = this.o.pageOrg();
    const all: MemberRow[] = [];
    const toPlace: { table: HTMLElement; bar: ListBar }[] = [];
    const wantsBar = this.handlers.length > 0 || this.selection.hasActions;
    for (const table of tables) {
      const rows = readRows(table, pageOrg);
      for (const r of rows) r.facts = keeper.factsFor(r.signature);
      all.push(...rows);
      if (!wantsBar) continue;
      let bar = this.bars.get(table.el);
      if (!bar) this.bars.set(table.el, (bar = createBar(doc)));
      toPlace.push({ table: table.el, bar });
      for (const { owner, handler } of this.handlers) {
        const pass: ListPass = {
          table,
          rows,
          today,
          pageType,
          mark: (row, column, spec, id = '') => batch.set(table, row, column, id ? `${owner}:${id}` : owner, spec),
          hide: (row, hidden) => batch.hide(table, row, hidden),
          isHidden: (row) => row.tr.hasAttribute(HIDDEN_ATTR),
          section: (order) => bar!.section(owner, order),
        };
        try {
          handler(pass);
        } catch (e) {
          console.debug('[团员电子档案助手]', owner, e);
        }
      }
      this.selection.render(bar, table, rows, batch);
    }
    if (wantsBar && tables.length) ensureStyle(doc);
    batch.commit(doc);
    for (const p of this.placed) if (!p.table.isConnected) p.bar.el.remove();
    this.placed = new Set(toPlace);
    for (const p of toPlace) placeBar(p.bar, p.table);
    // Our own writes are not host changes: drop their records before the observer sees them.
    this.observer?.takeRecords();
    this.lastRows = all;
    performance.measure('laa:pass', { start: t0, detail: { rows: all.length, tables: tables.length } });
    keeper
      .observe(all)
      .then((changed) => {
        if (changed) this.run();
      })
      .catch(() => {
        /* the extension is reloading: marks stay as they are */
      });
  }
}
