/**
 * Days left of the 30 (§2, §5.7) from the shared urgency classification, coloured by bucket, and
 * saying whether the deadline is estimated from 入团时间 or computed from the recorded approval
 * date (the admin records it with 选择团员 → 记录批准日期).
 */
import { defineFeature } from '../core/feature';
import { deadlineBadge } from './verdicts';

export default defineFeature({
  id: 'deadline-badge',
  label: '上传时限',
  description:
    '在“入团时间”栏显示距30日上传时限的天数：剩余 N 天 / 今日截止 / 已逾期 N 天 / 可能逾期，并注明是按入团时间估算还是按记录的批准日期计算。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'transfer'],
  needs: ['joinedOn', 'certStatus'],
  init({ lists }) {
    lists.onPass((pass) => {
      for (const row of pass.rows) pass.mark(row, 'joinedOn', deadlineBadge(row, pass.today));
    });
  },
});
