/**
 * A confirmation dialog in Element UI's look, in a shadow root of its own so the host's CSS and
 * ours never meet. Resolves true only when the admin confirms.
 */
import { shadowHost } from './shadow';

const CSS = `
:host{all:initial}
.mask{position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.5);display:flex;align-items:flex-start;justify-content:center;font-family:"Helvetica Neue",Helvetica,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",Arial,sans-serif}
.box{margin-top:15vh;width:480px;max-width:calc(100vw - 32px);background:#fff;border-radius:4px;box-shadow:0 2px 12px rgba(0,0,0,.3);padding:20px;color:#606266;font-size:14px;line-height:1.6}
h2{margin:0 0 12px;font-size:18px;font-weight:500;color:#303133}
p{margin:0 0 8px}
.warn{color:#E6A23C;font-weight:600}
.foot{display:flex;justify-content:flex-end;gap:10px;margin-top:16px}
button{height:32px;padding:0 15px;font-size:12px;border-radius:3px;border:1px solid #DCDFE6;background:#fff;color:#606266;cursor:pointer}
button.primary{background:#409EFF;border-color:#409EFF;color:#fff}
button.danger{background:#F56C6C;border-color:#F56C6C;color:#fff}
`;

export interface ConfirmOptions {
  title: string;
  lines: string[];
  /** Shown first, in the warning colour. */
  lead?: string;
  confirmText: string;
  cancelText: string;
}

export function confirmDialog(doc: Document, o: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const { host, root } = shadowHost(doc, 'data-laa-dialog', CSS);
    const mask = doc.createElement('div');
    mask.className = 'mask';
    const box = doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    const h = doc.createElement('h2');
    h.textContent = o.title;
    box.append(h);
    if (o.lead) {
      const p = doc.createElement('p');
      p.className = 'warn';
      p.textContent = o.lead;
      box.append(p);
    }
    for (const line of o.lines) {
      const p = doc.createElement('p');
      p.textContent = line;
      box.append(p);
    }
    const foot = doc.createElement('div');
    foot.className = 'foot';
    const done = (ok: boolean) => {
      host.remove();
      resolve(ok);
    };
    const cancel = doc.createElement('button');
    cancel.className = 'primary';
    cancel.textContent = o.cancelText;
    cancel.addEventListener('click', () => done(false));
    const confirm = doc.createElement('button');
    confirm.className = 'danger';
    confirm.textContent = o.confirmText;
    confirm.addEventListener('click', () => done(true));
    foot.append(confirm, cancel);
    box.append(foot);
    mask.append(box);
    mask.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') done(false);
    });
    root.append(mask);
    doc.body.append(host);
    cancel.focus();
  });
}
