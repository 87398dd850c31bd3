/**
 * The bar above a member table: a place for each feature's controls (counters, filter, export)
 * and the selection mode that lets the admin pick rows for an action (approval date …).
 * Plain DOM under our class prefix, created detached and put in place with the pass's writes.
 */
export interface ListBar {
  el: HTMLElement;
  /** The feature's own place in the bar, created on first use, kept in `order`. */
  section(owner: string, order?: number): HTMLElement;
  /** Takes a feature's place out (the feature stopped on this page). */
  drop(owner: string): void;
  /** No feature put anything in it: it is not shown. */
  readonly empty: boolean;
}

export function createBar(doc: Document): ListBar {
  const el = doc.createElement('div');
  el.className = 'laa-bar';
  el.setAttribute('data-laa-bar', '');
  const row = doc.createElement('div');
  row.className = 'laa-bar-row';
  const title = doc.createElement('span');
  title.className = 'laa-bar-title';
  title.textContent = '团员电子档案助手';
  row.append(title);
  el.append(row);
  const sections = new Map<string, HTMLElement>();
  return {
    el,
    get empty() {
      return sections.size === 0;
    },
    drop(owner) {
      sections.get(owner)?.remove();
      sections.delete(owner);
    },
    section(owner, order = 50) {
      let s = sections.get(owner);
      if (s) return s;
      s = doc.createElement('span');
      s.className = 'laa-bar-section laa-bar-row';
      s.dataset.owner = owner;
      s.dataset.order = String(order);
      const after = Array.from(row.children).find((c) => Number((c as HTMLElement).dataset.order ?? -1) > order);
      row.insertBefore(s, after ?? null);
      sections.set(owner, s);
      return s;
    },
  };
}

/** Puts the bar right above its table, unless it is there already. */
export function placeBar(bar: ListBar, tableEl: HTMLElement): void {
  if (tableEl.previousElementSibling !== bar.el) tableEl.before(bar.el);
}

export function button(doc: Document, label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = primary ? 'laa-btn laa-btn--primary' : 'laa-btn';
  b.textContent = label;
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    try {
      onClick();
    } catch (err) {
      console.debug('[团员电子档案助手]', err);
    }
  });
  return b;
}
