/**
 * The checklist beside the form in the 审批 dialog: each §4.2 point with what the system says and
 * what the reviewer's check found, a 无误 / 有问题 choice, and the 不同意 reason built from the
 * problems, placed in the host's own opinion box where the reviewer edits it.
 */
import { rejectionReason, type ChecklistItem, type ItemId, type ItemState } from './approval-checklist';

const CSS = `
:host{all:initial}
.box{margin:12px 0;border:1px solid #dcdfe6;border-radius:6px;background:#fafbfc;font:13px/1.6 "Helvetica Neue",Helvetica,"PingFang SC","Microsoft YaHei",Arial,sans-serif;color:#303133}
.head{display:flex;align-items:center;gap:8px;padding:8px 12px;border-bottom:1px solid #ebeef5}
.head b{font-weight:600}
.head .check{margin-left:auto;font-size:12px;color:#909399}
.head .check.bad{color:#f56c6c}.head .check.good{color:#67c23a}
ul{list-style:none;margin:0;padding:4px 12px}
li{display:grid;grid-template-columns:18px 1fr auto;gap:2px 8px;align-items:center;padding:6px 0;border-bottom:1px dashed #ebeef5}
li:last-child{border-bottom:0}
.mark{width:16px;height:16px;border-radius:50%;display:grid;place-items:center;font-size:11px;color:#fff;background:#c0c4cc}
.ok .mark{background:#67c23a}.problem .mark{background:#f56c6c}
.label{font-weight:500}
.detail{grid-column:2;font-size:12px;color:#909399}
.problem .detail{color:#f56c6c}
.choice{grid-row:1/span 2;grid-column:3;display:flex;gap:4px}
.choice button{font:inherit;font-size:12px;padding:1px 8px;border:1px solid #dcdfe6;border-radius:3px;background:#fff;color:#606266;cursor:pointer}
.choice button[aria-pressed=true].yes{background:#f0f9eb;border-color:#c2e7b0;color:#67c23a}
.choice button[aria-pressed=true].no{background:#fef0f0;border-color:#fbc4c4;color:#f56c6c}
.foot{display:flex;align-items:center;gap:10px;padding:8px 12px;border-top:1px solid #ebeef5}
.foot button{font:inherit;font-size:12px;padding:4px 12px;border-radius:3px;border:1px solid #f56c6c;background:#fff;color:#f56c6c;cursor:pointer}
.foot button:disabled{opacity:.5;cursor:not-allowed}
.foot span{font-size:12px;color:#909399}
`;

export interface PanelCallbacks {
  /** The reason text to place in the host's opinion box. */
  fillReason(text: string): void;
}

export class ApprovalPanel {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private items: ChecklistItem[] = [];
  private readonly marks: Partial<Record<ItemId, ItemState>> = {};
  private checkText = '档案尚未检查：点上方“检查此 PDF”，结果会自动填入';
  private checkTone = '';

  constructor(
    private readonly doc: Document,
    private readonly cb: PanelCallbacks,
  ) {
    this.host = doc.createElement('div');
    this.host.className = 'laa-root laa-approval-help';
    this.root = this.host.attachShadow({ mode: 'open' });
  }

  update(items: ChecklistItem[], check: { text: string; tone: 'good' | 'bad' | '' } | null): void {
    this.items = items;
    if (check) {
      this.checkText = check.text;
      this.checkTone = check.tone;
    }
    this.render();
  }

  /** The items with the reviewer's choices applied. */
  state(): { id: ItemId; state: ItemState }[] {
    return this.items.map((i) => ({ id: i.id, state: this.marks[i.id] ?? i.auto }));
  }

  private render(): void {
    const d = this.doc;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
      const e = d.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const style = el('style');
    style.textContent = CSS;
    const box = el('div', 'box');
    const head = el('div', 'head');
    head.append(
      el('b', undefined, '审批要点（§4.2）'),
      el('span', undefined, '逐项核对后再点“同意 / 不同意”'),
      el('span', `check ${this.checkTone}`, this.checkText),
    );
    const list = el('ul');
    for (const item of this.items) {
      const state = this.marks[item.id] ?? item.auto;
      const li = el('li', state);
      li.dataset.item = item.id;
      li.dataset.state = state;
      li.append(
        el('span', 'mark', state === 'ok' ? '✓' : state === 'problem' ? '✕' : '?'),
        el('span', 'label', item.label),
      );
      const choice = el('span', 'choice');
      for (const [cls, text, value] of [
        ['yes', '无误', 'ok'],
        ['no', '有问题', 'problem'],
      ] as const) {
        const b = el('button', cls, text);
        b.type = 'button';
        b.setAttribute('aria-pressed', String(state === value));
        b.addEventListener('click', () => {
          this.marks[item.id] = value;
          this.render();
        });
        choice.append(b);
      }
      const own = this.marks[item.id] !== undefined && this.marks[item.id] !== item.auto;
      li.append(
        choice,
        el('span', 'detail', own ? `${item.detail}（审批人标记为${state === 'ok' ? '无误' : '有问题'}）` : item.detail),
      );
      list.append(li);
    }
    const reason = rejectionReason(this.items, this.marks);
    const foot = el('div', 'foot');
    const fill = el('button', undefined, '生成不同意理由');
    fill.type = 'button';
    fill.disabled = !reason;
    fill.addEventListener('click', () => this.cb.fillReason(rejectionReason(this.items, this.marks)));
    foot.append(
      fill,
      el('span', undefined, reason ? '理由会填入下方“审批意见”，可直接修改' : '标出“有问题”的项后可生成理由'),
    );
    box.append(head, list, foot);
    this.root.replaceChildren(style, box);
  }
}
