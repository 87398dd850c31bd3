/**
 * The bar's counters for the rows shown — the shared counters (urgency.ts), the same the popup
 * and the worker use — and a 只看需处理 filter that hides rows with nothing to do.
 */
import {
  ACTION_BUCKETS,
  BUCKET_LABELS,
  classify,
  countMembers,
  type Bucket,
  type UrgencyInput,
} from '../../shared/domain/urgency';
import { defineFeature } from '../core/feature';
import type { MemberRow } from '../core/rows';
import type { ChinaDate } from '../../shared/domain/types';

/** A row the rules can classify: it shows 入团时间 and a status. */
export function urgencyInput(row: MemberRow): UrgencyInput | null {
  const { joinedOn, status } = row.member;
  if (!joinedOn || !status) return null;
  return { joinedOn, status, approvedOn: row.facts?.approvedOn ?? undefined };
}

/** Something is owed: the archive is missing, rejected or overdue. */
export function needsWork(row: MemberRow, today: ChinaDate): boolean {
  const m = urgencyInput(row);
  if (!m) return true;
  const u = classify(m, today);
  return ACTION_BUCKETS.has(u.bucket) || u.rejected;
}

const SHOWN: { key: Bucket | 'rejected' | 'notUploaded'; label: string }[] = [
  { key: 'overdue', label: BUCKET_LABELS.overdue },
  { key: 'maybeOverdue', label: BUCKET_LABELS.maybeOverdue },
  { key: 'dueToday', label: BUCKET_LABELS.dueToday },
  { key: 'within3', label: BUCKET_LABELS.within3 },
  { key: 'within7', label: BUCKET_LABELS.within7 },
  { key: 'notUploaded', label: '未上传' },
  { key: 'rejected', label: '认证不通过' },
  { key: 'pending', label: '待审批' },
  { key: 'certified', label: '已认证' },
  { key: 'exempt', label: '无需上传' },
];

export default defineFeature({
  id: 'list-summary',
  label: '列表统计与筛选',
  description:
    '在列表上方显示本页团员的统计（逾期、可能逾期、今日截止、未上传、认证不通过、待审批、已认证等），并可“只看需处理”。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'transfer'],
  needs: ['joinedOn', 'certStatus'],
  init({ lists, doc }) {
    let onlyWork = false;
    /** Rows may still carry the filter's flag from the last pass. */
    let filtered = false;
    let last: { rows: MemberRow[]; facts: MemberRow['facts'][]; today: ChinaDate } | null = null;
    const ui = new WeakMap<HTMLElement, { counts: HTMLElement; box: HTMLInputElement }>();
    lists.onPass((pass) => {
      const section = pass.section(10);
      let parts = ui.get(section);
      if (!parts) {
        const counts = doc.createElement('span');
        counts.className = 'laa-bar-row laa-counts';
        const label = doc.createElement('label');
        label.className = 'laa-check';
        const box = doc.createElement('input');
        box.type = 'checkbox';
        box.addEventListener('change', () => {
          onlyWork = box.checked;
          lists.requestPass();
        });
        label.append(box, '只看需处理');
        section.append(counts, label);
        ui.set(section, (parts = { counts, box }));
      }
      // A pass that changed no row and no fact leaves the counts as they were.
      const same =
        last &&
        last.today === pass.today &&
        last.rows.length === pass.rows.length &&
        pass.rows.every((r, i) => r === last!.rows[i] && r.facts === last!.facts[i]);
      if (!same) {
        const inputs = pass.rows.map(urgencyInput).filter((m): m is UrgencyInput => m !== null);
        const c = countMembers(inputs, pass.today);
        const text = [
          `本页 ${pass.rows.length} 人`,
          ...SHOWN.filter((s) => c[s.key] > 0).map((s) => `${s.label} ${c[s.key]}`),
        ].join(' · ');
        if (parts.counts.textContent !== text) parts.counts.textContent = text;
        last = { rows: [...pass.rows], facts: pass.rows.map((r) => r.facts), today: pass.today };
      }
      parts.box.checked = onlyWork;
      if (onlyWork || filtered) for (const row of pass.rows) pass.hide(row, onlyWork && !needsWork(row, pass.today));
      filtered = onlyWork;
    });
  },
});
