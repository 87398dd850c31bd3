/**
 * 团员身份认证 in the host's own words, made precise (§3.2.1, §3.4, §5.3, §5.6): 尚未认证·未上传 /
 * 尚未认证·待审批 / 认证不通过 with the reviewer's reason when known / 团员身份已认证 /
 * 无需上传（2020年前入团）.
 */
import { defineFeature } from '../core/feature';
import { statusChip } from './verdicts';

export default defineFeature({
  id: 'status-chip',
  label: '认证状态',
  description:
    '在“团员身份认证”栏标明：尚未认证·未上传 / 尚未认证·待审批 / 认证不通过（附审批意见）/ 团员身份已认证 / 无需上传。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'transfer'],
  needs: ['certStatus'],
  init({ lists }) {
    lists.onPass((pass) => {
      for (const row of pass.rows) pass.mark(row, 'certStatus', statusChip(row));
    });
  },
});
