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
import type { Keeper } from './keeping';
import { HIDDEN_ATTR, MARK_ATTR, MarkBatch, clearMarks, type MarkSpec } from './marks';
import type { PageType } from '../model/pages';
import { Selection, type SelectionAction } from './selection';
import { ensureStyle } from './styles';
import { firstWord, sel } from '../host/terms';
import { readRow, type MemberRow } from './rows';
import { asMemberTable, bodyRows, isLoading, OWN_CLASS, readHeaders, type ColumnKey, type HostTable } from './table';

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

/** Nodes whose changes are never the host's data: ours, and Element's loading mask. */
const ignored = () => `.${OWN_CLASS}, .laa-bar, .laa-root, ${sel('table.loadingMask')}`;

let measured = 0;

/** Records in one callback beyond which every row is read again rather than record by record. */
const BURST = 300;

/** A list page whose member list has not loaded by then stops its list features, saying so. */
export const LOAD_TIMEOUT_MS = 30_000;

interface TableState {
  table: HostTable | null;
  rows: Map<HTMLTableRowElement, MemberRow>;
  /** Rows whose read cells the host changed since the last pass. */
  dirty: Set<HTMLTableRowElement>;
  /** Column indexes read (a change elsewhere changes nothing we show). */
  read: Set<number>;
  org: string;
}

export interface ListsOptions {
  doc: Document;
  signal: AbortSignal;
  pageType: PageType;
  pageOrg: () => OrgRef;
  keeper: Keeper;
  /** The page shows a member list whenever it shows anything (a table of something else is a problem). */
  expectsList: boolean;
  /** A feature cannot work on this page's lists: why in words (a column missing, no list after 30 s), or its error. */
  onProblem: (owner: string, reason: unknown) => void;
}

export class ListsController {
  private handlers: { owner: string; handler: PassHandler; needs: readonly ColumnKey[] }[] = [];
  /** Features that read the lists (a pass handler or a selection action). */
  private users = new Set<string>();
  private dropped = new Set<string>();
  /**
   * A member list has shown rows with no loading mask: it has loaded. A table without its mask is
   * not enough: Element's v-loading puts the mask on a tick after the table first renders, and a
   * pass in between took a list still loading for a loaded one (its watchdog then never spoke).
   */
  private loaded = false;
  private bars = new WeakMap<HTMLElement, ListBar>();
  private placed = new Set<{ table: HTMLElement; bar: ListBar }>();
  private selection: Selection;
  private observer: MutationObserver | null = null;
  private lastRows: MemberRow[] = [];
  private scheduled = false;
  private states = new WeakMap<HTMLElement, TableState>();
  private rereadAll = false;

  constructor(private readonly o: ListsOptions) {
    this.selection = new Selection(
      o.doc,
      () => this.requestPass(),
      (owner, e) => o.onProblem(owner, e),
    );
  }

  forFeature(owner: string, needs: readonly ColumnKey[] = []): Lists {
    return {
      onPass: (handler) => {
        this.users.add(owner);
        this.handlers.push({ owner, handler, needs });
      },
      addSelectionAction: (action) => {
        this.users.add(owner);
        this.selection.add(action, owner);
      },
      refreshFacts: () => this.refreshFacts(),
      requestPass: () => this.requestPass(),
    };
  }

  /** Everything a feature put on the lists goes: its marks, its place in the bar, its controls. */
  drop(owner: string): void {
    if (this.dropped.has(owner)) return;
    this.dropped.add(owner);
    this.handlers = this.handlers.filter((h) => h.owner !== owner);
    this.users.delete(owner);
    this.selection.drop(owner);
    for (const p of this.placed) p.bar.drop(owner);
    const { doc } = this.o;
    for (const el of doc.querySelectorAll(`[${MARK_ATTR}="${owner}"], [${MARK_ATTR}^="${owner}:"]`)) el.remove();
    // Only a feature hides rows (只看需处理): shown again; the others' next pass hides what they hide.
    for (const tr of doc.querySelectorAll(`[${HIDDEN_ATTR}]`)) tr.removeAttribute(HIDDEN_ATTR);
    this.requestPass();
  }

  start(): void {
    const { doc, signal } = this.o;
    if (signal.aborted || !doc.body) return;
    this.observer = new MutationObserver((records) => {
      // A burst this large is a re-render of whole lists (a page change): reading every row
      // again costs less than sorting out thousands of records one by one.
      if (records.length > BURST) {
        this.rereadAll = true;
        return this.run();
      }
      let relevant = false;
      for (const r of records) if (this.note(r)) relevant = true;
      if (relevant) this.run();
    });
    this.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    const watchdog = setTimeout(() => this.notLoaded(), LOAD_TIMEOUT_MS);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(watchdog);
        this.observer?.disconnect();
        clearMarks(doc);
        for (const p of this.placed) p.bar.el.remove();
        this.placed.clear();
      },
      { once: true },
    );
    this.run();
  }

  /** 30 s on a list page without a member list that finished loading: the list features say so. */
  private notLoaded(): void {
    if (this.loaded || this.o.signal.aborted || !this.users.size) return;
    const tables = Array.from(this.o.doc.querySelectorAll<HTMLElement>(sel('table.root')));
    let reason: string;
    if (tables.some(isLoading)) reason = '团员列表 30 秒仍未加载完成';
    else if (!tables.length) reason = '30 秒内没有出现团员列表';
    // A member list that has loaded with no rows (暂无数据) is an empty list, not a problem.
    else if (tables.some((el) => this.states.get(el)?.table)) return;
    else if (!this.o.expectsList) return;
    else {
      // Capped: the toolbar's title and the log take a short reason.
      const headers = readHeaders(tables[0]!).filter(Boolean).join('、');
      reason = `此页的表格中没有认得的团员列（表头：${headers.length > 120 ? `${headers.slice(0, 120)}…` : headers}）`;
    }
    for (const owner of [...this.users]) this.o.onProblem(owner, reason);
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

  /**
   * Notes what a host change touched: a row whose read cells changed is read again, a changed
   * header or row set makes the table be looked at again; our own nodes, the loading mask and
   * cells we do not read (序号, 操作) are not changes. True when a pass is needed.
   */
  private note(r: MutationRecord): boolean {
    const target = (r.target.nodeType === 1 ? r.target : r.target.parentNode) as Element | null;
    const skip = ignored();
    if (!target || target.closest(skip)) return false;
    const root = sel('table.root');
    const tableEl = target.closest<HTMLElement>(root);
    if (!tableEl) {
      for (const list of [r.addedNodes, r.removedNodes]) {
        for (const n of list)
          if (
            n.nodeType === 1 &&
            !(n as Element).matches(skip) &&
            ((n as Element).matches(root) || (n as Element).querySelector(root))
          )
            return true;
      }
      return false;
    }
    if (
      r.type === 'childList' &&
      [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && (n as Element).matches(skip))
    )
      return false;
    const state = this.states.get(tableEl);
    if (!state) return true;
    const tr = target.closest<HTMLTableRowElement>(sel('table.row'));
    if (!tr || !state.table || tr.parentElement !== state.table.body) {
      // A fixed copy follows its main row; anything else (header, row set) is looked at again.
      if (tr && state.table?.copies.includes(tr.parentElement as HTMLTableSectionElement)) return false;
      if (target.closest(sel('table.headerWrapper'))) state.table = null;
      return true;
    }
    const td = target.closest('td');
    if (td && td.parentElement === tr && !state.read.has(td.cellIndex)) return false;
    state.dirty.add(tr);
    return true;
  }

  /** One pass: read what changed, let the features compute over every row, write all marks at once. */
  run(): void {
    const { doc, signal, keeper, pageType } = this.o;
    if (signal.aborted) return;
    const t0 = performance.now();
    const today = chinaToday();
    const batch = new MarkBatch();
    const pageOrg = this.o.pageOrg();
    const all: MemberRow[] = [];
    const toPlace: { table: HTMLElement; bar: ListBar }[] = [];
    const wantsBar = this.handlers.length > 0 || this.selection.hasActions;
    const tables: HostTable[] = [];
    const problems: [owner: string, reason: unknown][] = [];
    let read = 0;
    for (const el of doc.querySelectorAll<HTMLElement>(sel('table.root'))) {
      let state = this.states.get(el);
      if (!state)
        this.states.set(el, (state = { table: null, rows: new Map(), dirty: new Set(), read: new Set(), org: '' }));
      if (!state.table || !state.table.body.isConnected || state.org !== pageOrg.name) {
        state.table = asMemberTable(el);
        state.rows.clear();
        state.org = pageOrg.name;
        state.read = new Set(state.table?.reads.map(([, i]) => i));
      }
      const table = state.table;
      if (!table) continue;
      tables.push(table);
      if (!this.loaded && !isLoading(el) && bodyRows(table).length > 0) this.loaded = true;
      const rows = bodyRows(table).map((tr, i) => {
        let row = state.rows.get(tr);
        if (!row || this.rereadAll || state.dirty.has(tr)) {
          row = readRow(table, tr, i, pageOrg);
          read++;
        } else row.index = i;
        row.facts = keeper.factsFor(row.signature);
        return row;
      });
      state.dirty.clear();
      state.rows = new Map(rows.map((r) => [r.tr, r]));
      all.push(...rows);
      if (!wantsBar) continue;
      let bar = this.bars.get(table.el);
      if (!bar) this.bars.set(table.el, (bar = createBar(doc)));
      toPlace.push({ table: table.el, bar });
      for (const { owner, handler, needs } of this.handlers) {
        if (this.dropped.has(owner)) continue;
        const missing = needs.filter((k) => table.columns[k] === undefined);
        if (missing.length) {
          problems.push([owner, `此列表没有“${missing.map((k) => firstWord(`column.${k}`)).join('”“')}”列`]);
          continue;
        }
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
          problems.push([owner, e]);
        }
      }
      this.selection.render(bar, table, rows, batch);
      if (bar.empty) toPlace.pop();
    }
    if (wantsBar && tables.length) ensureStyle(doc);
    this.rereadAll = false;
    const writes = batch.commit(doc);
    for (const p of this.placed) if (!p.table.isConnected) p.bar.el.remove();
    this.placed = new Set(toPlace);
    for (const p of toPlace) placeBar(p.bar, p.table);
    // Our own writes are not host changes: drop their records before the observer sees them.
    this.observer?.takeRecords();
    for (const [owner, reason] of problems) this.o.onProblem(owner, reason);
    this.lastRows = all;
    // The measure is how the pass is timed (bench:overlay, DevTools); the timeline keeps every
    // entry, so a long session drops old ones now and then.
    if (++measured % 500 === 0) performance.clearMeasures('laa:pass');
    performance.measure('laa:pass', { start: t0, detail: { rows: all.length, read, writes } });
    // Keeping waits for the next task: the page paints its rows and marks first.
    setTimeout(() => {
      keeper
        .observe(all)
        .then((changed) => {
          if (changed) this.run();
        })
        .catch(() => {
          /* the extension is reloading: marks stay as they are */
        });
    }, 0);
  }
}
