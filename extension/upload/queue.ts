/**
 * Files for several members (a split class scan, a checked folder), handed one by one to each
 * member's own 上传档案 / 替换档案 the way the admin would: the list searched for the member, the
 * row's button clicked, the file put in the dialog's input. The gate then checks it like any file
 * chosen by hand; the admin confirms each upload with the host's own 确定上传.
 */
import { waitForElement } from '../core/elements';
import { runSearch } from '../core/hostActions';
import type { HandoffItem } from '../fix/protocol';
import { isWord, sel } from '../host/terms';
import { squash } from '../core/table';
import { h } from './dom';
import { PANEL_CSS } from './panelStyle';

type Status = 'waiting' | 'placed' | 'missing';

const QUEUE_CSS = `${PANEL_CSS}
.panel{position:fixed;right:16px;bottom:16px;width:340px;max-height:60vh;overflow:auto;margin:0;z-index:1999;box-shadow:0 2px 12px rgba(0,0,0,.15)}
ol{margin:0 0 6px;padding-left:20px}
li.placed{color:#67C23A}li.missing{color:#F56C6C}
`;

const STATUS_WORDS: Record<Status, string> = {
  waiting: '待放入',
  placed: '已放入上传框',
  missing: '列表中找不到此团员',
};

function uploadButton(tr: Element): HTMLElement | null {
  return (
    Array.from(tr.querySelectorAll<HTMLElement>(sel('button'))).find((b) =>
      isWord('list.uploadButton', b.textContent ?? ''),
    ) ?? null
  );
}

/** The list row of a member, by 发展团员编号 (else name), in the main body. */
function findRow(doc: Document, item: HandoffItem): HTMLTableRowElement | null {
  const rows = Array.from(doc.querySelectorAll<HTMLTableRowElement>(`${sel('table.bodyWrapper')} ${sel('table.row')}`));
  const text = (tr: Element) => squash(tr.textContent ?? '');
  const { devNumber, name } = item.member;
  return (
    rows.find((tr) => (devNumber ? text(tr).includes(devNumber) : false) && text(tr).includes(name)) ??
    rows.find((tr) => !devNumber && text(tr).includes(name)) ??
    null
  );
}

export class HandoffQueue {
  private host: HTMLElement | null = null;
  private items: { item: HandoffItem; status: Status }[] = [];

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly title: string,
  ) {
    signal.addEventListener('abort', () => this.host?.remove(), { once: true });
  }

  start(items: HandoffItem[]): void {
    this.items = items.map((item) => ({ item, status: 'waiting' }));
    this.render();
  }

  private render(): void {
    const d = this.doc;
    this.host?.remove();
    if (!this.items.length) return;
    this.host = h(d, 'div', { class: 'laa-root laa-handoff' });
    const root = this.host.attachShadow({ mode: 'open' });
    const next = this.items.find((i) => i.status === 'waiting');
    root.append(
      h(d, 'style', { text: QUEUE_CSS }),
      h(
        d,
        'div',
        { class: 'panel', role: 'region', 'aria-label': this.title },
        h(
          d,
          'div',
          { class: 'head' },
          h(d, 'b', { text: this.title }),
          h(d, 'button', { class: 'x', type: 'button', 'aria-label': '关闭', text: '×', onclick: () => this.close() }),
        ),
        h(
          d,
          'div',
          { class: 'body' },
          h(d, 'p', {
            class: 'line muted',
            text: '逐份放入该团员的“上传档案”，检查后请在对话框中点击“确定上传”，再放入下一份。',
          }),
          h(
            d,
            'ol',
            { class: 'queue' },
            this.items.map((i) =>
              h(d, 'li', {
                class: i.status,
                'data-status': i.status,
                text: `${i.item.member.name}：${STATUS_WORDS[i.status]}`,
              }),
            ),
          ),
          h(
            d,
            'div',
            { class: 'row' },
            next
              ? h(d, 'button', {
                  class: 'btn btn--primary',
                  type: 'button',
                  'data-next': next.item.member.name,
                  text: `放入下一份：${next.item.member.name}`,
                  onclick: () => void this.place(next),
                })
              : h(d, 'span', { class: 'muted', text: '全部已放入。' }),
          ),
        ),
      ),
    );
    this.doc.body.append(this.host);
  }

  private close(): void {
    this.items = [];
    this.host?.remove();
    this.host = null;
  }

  /** Finds the member in the list (searching it when not shown), opens their upload, puts the file in. */
  private async place(entry: { item: HandoffItem; status: Status }): Promise<void> {
    const { doc, signal } = this;
    let tr = findRow(doc, entry.item);
    if (!tr) {
      const m = entry.item.member;
      const searched = m.devNumber ? runSearch(doc, 'devNumber', m.devNumber) : runSearch(doc, 'name', m.name);
      if (searched) tr = await waitForElement(doc.body, () => findRow(doc, entry.item), signal, 10_000);
    }
    const button = tr ? uploadButton(tr) : null;
    if (!button) {
      entry.status = 'missing';
      this.render();
      return;
    }
    button.click();
    const input = await waitForElement(
      doc.body,
      () => {
        for (const dlg of doc.querySelectorAll<HTMLElement>(sel('dialog.root'))) {
          const title = dlg.querySelector(sel('dialog.title'))?.textContent ?? '';
          const inp = dlg.querySelector<HTMLInputElement>(`${sel('upload.component')} ${sel('upload.fileInput')}`);
          if (inp && isWord('dialog.uploadTitle', title) && dlg.offsetParent !== null) return inp;
        }
        return null;
      },
      signal,
      10_000,
    );
    if (!input) {
      entry.status = 'missing';
      this.render();
      return;
    }
    const dt = new DataTransfer();
    dt.items.add(new File([entry.item.file.bytes], entry.item.file.name, { type: 'application/pdf' }));
    input.files = dt.files;
    // A plain change, as the file dialog makes: the gate checks it like a file chosen by hand.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    entry.status = 'placed';
    this.render();
  }
}
