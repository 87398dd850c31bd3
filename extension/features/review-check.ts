/**
 * 审批 (§3.3.1, §3.3.2): the reviewer checks the uploaded form with one click, in the dialog of
 * 操作中心 and of 下级团员电子档案审批, against the member's basic info shown beside it (§4.2).
 */
import { defineFeature } from '../core/feature';
import { startReviewCheck } from '../upload/review';

export default defineFeature({
  id: 'review-check',
  label: '审批时检查档案',
  description:
    '在“团员电子档案审批”对话框中一键检查上传的《入团志愿书》：页数、清晰度、污损、公章，以及首页编号是否与发展团员编号一致。',
  pages: ['operationCenter', 'archiveReview'],
  init({ doc, signal, send, fail }) {
    startReviewCheck({ doc, signal, send, onError: fail });
  },
});
