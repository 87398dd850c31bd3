/**
 * 组织关系转接: starting a transfer for an uncertified member who needs an archive asks for
 * confirmation first and explains why (§4.4, §5.4) — the host itself refuses it afterwards
 * (该团员尚未完成团员身份认证…). A certified or exempt member goes through untouched.
 */
import { canTransfer } from '../../shared/domain/transfer';
import { confirmDialog } from '../core/dialog';
import { defineFeature } from '../core/feature';
import type { MarkSpec } from '../core/marks';
import { readSignedInOrg } from '../core/org';
import { readRow, type MemberRow } from '../core/rows';
import { asMemberTable } from '../core/table';
import { isWord, sel } from '../host/terms';

export const GUARD_MARK: MarkSpec = {
  text: '转接前须认证',
  tone: 'warning',
  title: '该团员尚未完成团员身份认证：须认证通过后才能发起组织关系转接（§4.4、§5.4）',
};

function refusal(row: MemberRow): string | null {
  const { joinedOn, status } = row.member;
  if (!joinedOn || !status || status === 'unknown') return null;
  const verdict = canTransfer({ joinedOn, status });
  return verdict.ok ? null : verdict.reason;
}

/** The member row behind a click on 发起转接, read the way the lists read it. */
function rowOfClick(doc: Document, target: Element): MemberRow | null {
  const btn = target.closest(sel('button'));
  if (!btn || !isWord('transfer.start', btn.textContent ?? '')) return null;
  const tr = btn.closest('tr');
  const tableEl = btn.closest<HTMLElement>(sel('table.root'));
  const table = tableEl ? asMemberTable(tableEl) : null;
  if (!tr || !table) return null;
  const main = table.body.rows[tr.sectionRowIndex];
  return main ? readRow(table, main, tr.sectionRowIndex, readSignedInOrg(doc)) : null;
}

export default defineFeature({
  id: 'transfer-guard',
  label: '转接前认证确认',
  description: '在“组织关系转接”中为尚未认证的团员发起转接前，先提示须完成团员身份认证（§4.4、§5.4）并请您确认。',
  pages: ['transfer'],
  needs: ['joinedOn', 'certStatus'],
  init({ doc, signal, lists, fail }) {
    let letThrough: Element | null = null;
    const onClick = (e: MouseEvent) => {
      try {
        const target = e.target as Element | null;
        if (!target || !(target instanceof Element)) return;
        const btn = target.closest(sel('button'));
        if (btn && btn === letThrough) {
          letThrough = null;
          return;
        }
        const row = rowOfClick(doc, target);
        if (!row || !btn) return;
        const reason = refusal(row);
        if (!reason) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        void confirmDialog(doc, {
          title: '发起组织关系转接前请确认',
          lead: `${row.member.name}尚未完成团员身份认证（${row.cells.certStatus ?? '尚未认证'}）。`,
          lines: [
            '§4.4：对于毕业年级的新发展团员，须完成团员身份认证后再开展团组织关系转接工作。',
            '§5.4：新发展团员的团员身份未完成认证，将无法对其发起团组织关系转接，并且统计新发展团员数量时不计算在内。',
            '建议先上传电子版《入团志愿书》并等待上级团委审批通过，再发起转接。',
          ],
          confirmText: '仍要发起',
          cancelText: '先去认证',
        }).then((ok) => {
          if (!ok || signal.aborted || !btn.isConnected) return;
          letThrough = btn;
          (btn as HTMLElement).click();
        });
      } catch (err) {
        fail(err);
      }
    };
    doc.addEventListener('click', onClick, { capture: true, signal });
    lists.onPass((pass) => {
      for (const row of pass.rows) pass.mark(row, 'actions', refusal(row) ? GUARD_MARK : null);
    });
  },
});
