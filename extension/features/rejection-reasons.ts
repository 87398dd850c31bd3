/**
 * The reviewer's reason for 认证不通过 reaches the uploader only as 操作中心 feedback (§3.2.1):
 * "…未通过上级团组织审核，理由为：'<reason>'。…". Read it there and keep it for the member the
 * message names, so the status chip can show it on the member lists.
 */
import { watchDom } from '../core/elements';
import { defineFeature } from '../core/feature';
import { cellText, readHeaders, squash } from '../core/table';
import { isWord, pattern, sel, type TextsId } from '../host/terms';

export interface RejectionNotice {
  name: string;
  reason: string;
  /** When the message was sent (epoch ms), so a later message wins. */
  at: number;
}

/** "2024-05-20 10:11:12" in China time → epoch ms; the message's order when its time is unreadable. */
export function messageTime(text: string): number | null {
  const m = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi, +s);
}

export function parseNotice(title: string, content: string, time: string): RejectionNotice | null {
  const reason = pattern('operation.rejection').exec(squash(content))?.[1]?.trim();
  const name = pattern('operation.memberInTitle').exec(squash(title))?.[1];
  if (!reason || !name) return null;
  return { name, reason, at: messageTime(time) ?? 0 };
}

export default defineFeature({
  id: 'rejection-reasons',
  label: '读取审批意见',
  description: '从“操作中心”的审核反馈中读取“认证不通过”的理由，并在团员列表的认证状态旁显示。',
  pages: ['operationCenter'],
  init({ doc, signal, send, fail }) {
    const sent = new Set<string>();
    watchDom(
      doc.body,
      signal,
      () => {
        const items: RejectionNotice[] = [];
        for (const tableEl of doc.querySelectorAll(sel('table.root'))) {
          const headers = readHeaders(tableEl);
          const at = (id: TextsId) => headers.findIndex((h) => isWord(id, h));
          const [ti, ci, mi] = [at('operation.titleHeader'), at('operation.contentHeader'), at('operation.timeHeader')];
          const body = tableEl.querySelector(sel('table.body'));
          if (ti < 0 || ci < 0 || !body) continue;
          for (const tr of body.querySelectorAll<HTMLTableRowElement>(sel('table.row'))) {
            const notice = parseNotice(
              cellText(tr.cells[ti]),
              cellText(tr.cells[ci]),
              mi >= 0 ? cellText(tr.cells[mi]) : '',
            );
            const key = notice && `${notice.name}\u0001${notice.reason}\u0001${notice.at}`;
            if (!notice || sent.has(key!)) continue;
            sent.add(key!);
            items.push(notice);
          }
        }
        if (items.length) send('recordRejectionReasons', { items }).catch(() => {});
      },
      fail,
    );
  },
});
