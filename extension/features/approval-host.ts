/**
 * The 审批 dialog's markup the approval help relies on, beyond what the upload gate already names
 * (extension/upload/hostUpload.ts): the opinion box, the decision buttons, and the host's own
 * confirmation. Proved against the replica's 审批 dialog (test/replica/app/pages/auditDialog.js);
 * when the real site differs, the help stays out of the way and records nothing.
 */
export const APPROVAL = {
  /** The section heading the opinion box follows; the checklist goes just before it. */
  opinionHeading: '审批意见',
  sectionTitle: '.section-title',
  /** Element's el-input textarea for 审批意见 (auditOpinion). */
  opinion: 'textarea.el-textarea__inner, textarea',
  footerButtons: '.el-dialog__footer button',
  approveText: '同意',
  rejectText: '不同意',
  /** Element's $message after the host accepted the decision. */
  message: '.el-message',
  successClass: 'el-message--success',
  successText: '审批成功',
  /** The dialog's field with the 身份证号 (§4.6: the approver sees it in clear). */
  idCardLabel: '身份证号',
} as const;
