/**
 * The look of our marks and bar: Element UI's palette and sizes, under the `laa-` prefix so the
 * host's CSS and ours never meet. Added to a page once, with its first mark.
 */
import { HIDDEN_ATTR } from './marks';

const TONES = {
  primary: ['#409EFF', '#ecf5ff', '#d9ecff'],
  success: ['#67C23A', '#f0f9eb', '#e1f3d8'],
  warning: ['#E6A23C', '#fdf6ec', '#faecd8'],
  danger: ['#F56C6C', '#fef0f0', '#fde2e2'],
  info: ['#909399', '#f4f4f5', '#e9e9eb'],
} as const;

const tones = Object.entries(TONES)
  .map(
    ([t, [fg, bg, border]]) =>
      `.laa-tag--${t}{color:${fg};background:${bg};border-color:${border}}.laa-note--${t}{color:${fg}}`,
  )
  .join('');

export const OVERLAY_CSS = `
.laa-tag{display:block;width:fit-content;max-width:100%;box-sizing:border-box;min-height:20px;padding:0 5px;margin:2px 0 0;line-height:18px;font-size:12px;border:1px solid;border-radius:4px;white-space:normal;word-break:break-all;cursor:default}
.laa-mark-with-note{display:block}
.laa-note{display:block;font-size:12px;line-height:16px;white-space:normal;word-break:break-all}
.laa-select{margin:0 6px 0 0;vertical-align:middle;cursor:pointer}
${tones}
[${HIDDEN_ATTR}]{display:none!important}
.laa-bar{box-sizing:border-box;margin:0 0 10px;padding:8px 12px;border:1px solid #EBEEF5;border-radius:4px;background:#fff;font-size:13px;color:#606266;line-height:28px}
.laa-bar-row{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px}
.laa-bar-title{font-weight:600;color:#303133}
.laa-count{white-space:nowrap}
.laa-count b{font-weight:600;margin-left:2px}
.laa-btn{display:inline-block;box-sizing:border-box;height:28px;padding:0 12px;font-size:12px;line-height:26px;border:1px solid #DCDFE6;border-radius:3px;background:#fff;color:#606266;cursor:pointer;white-space:nowrap}
.laa-btn:hover{color:#409EFF;border-color:#c6e2ff;background:#ecf5ff}
.laa-btn--primary{color:#fff;background:#409EFF;border-color:#409EFF}
.laa-btn--primary:hover{color:#fff;background:#66b1ff;border-color:#66b1ff}
.laa-check{display:inline-flex;align-items:center;gap:4px;cursor:pointer;white-space:nowrap}
.laa-input{box-sizing:border-box;height:28px;padding:0 8px;font-size:12px;border:1px solid #DCDFE6;border-radius:3px;color:#606266}
.laa-selection{border-top:1px dashed #EBEEF5;margin-top:6px;padding-top:6px}
.laa-bar [hidden]{display:none!important}
.laa-hint{color:#909399;font-size:12px}
.laa-msg{font-size:12px}
.laa-msg--success{color:#67C23A}.laa-msg--danger{color:#F56C6C}
`;

export const STYLE_ID = 'laa-overlay-style';

export function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = OVERLAY_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}
