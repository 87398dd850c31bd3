/**
 * Beside a content finding (issue 14): where on which page it was read — the page's thumbnail with
 * the region boxed — the crop that was read and what was read (“读到：…”), so the admin sees at
 * once whether the form or the reading is wrong.
 */
import type { Evidence } from '../../shared/pdf/content/codes';
import { h } from './dom';

/** At most this many readings beside one finding: the rest are on the same pages. */
const MAX_SHOWN = 3;

const pct = (f: number) => `${Math.round(Math.max(0, Math.min(1, f)) * 1000) / 10}%`;

/** The region read, drawn over the thumbnail (CSSOM, not a style attribute: the host's CSP may forbid those). */
function boxOn(d: Document, b: Evidence['box']): HTMLElement {
  const el = h(d, 'i', { class: 'box' });
  Object.assign(el.style, { left: pct(b.x), top: pct(b.y), width: pct(b.w), height: pct(b.h) });
  return el;
}

export function evidenceView(d: Document, evidence: readonly Evidence[], thumbnails: readonly string[]): HTMLElement {
  return h(
    d,
    'div',
    { class: 'evidence' },
    evidence.slice(0, MAX_SHOWN).map((e) => {
      const thumb = thumbnails[e.page - 1];
      return h(
        d,
        'figure',
        { 'data-page': e.page },
        thumb
          ? h(d, 'span', { class: 'thumb' }, h(d, 'img', { src: thumb, alt: `第${e.page}页` }), boxOn(d, e.box))
          : null,
        e.crop ? h(d, 'img', { class: 'crop', src: e.crop, alt: '读取的区域' }) : null,
        h(d, 'figcaption', { text: `第 ${e.page} 页 · 读到：${e.read || '（空白）'}` }),
      );
    }),
  );
}

export const EVIDENCE_CSS = `
.evidence{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0 2px}
.evidence figure{display:flex;gap:6px;align-items:center;margin:0;padding:4px;border:1px solid #EBEEF5;border-radius:4px;background:#fafafa}
.evidence .thumb{position:relative;display:block;width:40px;height:56px;flex:none}
.evidence .thumb img{display:block;width:40px;height:56px;object-fit:fill}
.evidence .box{position:absolute;box-sizing:border-box;border:2px solid #F56C6C;border-radius:1px}
.evidence .crop{max-width:160px;max-height:40px;border:1px solid #DCDFE6;background:#fff}
.evidence figcaption{font-size:12px;color:#606266;max-width:200px;word-break:break-all}
`;
