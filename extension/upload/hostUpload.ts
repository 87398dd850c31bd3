/**
 * The host's upload and review markup the gate relies on, in one place (as core/hostSelectors.ts
 * is for the lists). Proved against the replica's 上传档案 / 替换档案 dialog (Element's el-upload in
 * an el-dialog) and its 审批 dialog; every use fails quietly when the real site differs.
 */

/** Element's el-upload: the clickable root holding the hidden file input, and its file list. */
export const UPLOAD = {
  fileInput: 'input[type="file"]',
  component: '.el-upload',
  dragger: '.el-upload-dragger',
  /** The list's remove icon: clicking it is how an admin takes a chosen file out again. */
  listItemRemove: '.el-upload-list__item .el-icon-close',
  listItem: '.el-upload-list__item',
  /** host-system.md: the archive's file field is `recordfile`; only `.pdf` is accepted. */
  fieldName: 'recordfile',
  acceptsPdf: /pdf/i,
} as const;

/** The dialogs: Element's el-dialog, its title and body. */
export const DIALOG = {
  root: '.el-dialog',
  title: '.el-dialog__title',
  body: '.el-dialog__body',
  footer: '.el-dialog__footer',
  /** §3.2.1: the buttons (and the dialogs they open) for uploading a member's archive. */
  uploadTitles: ['上传档案', '替换档案'],
  /** §3.3.1: the approval dialog. */
  reviewTitle: '团员电子档案审批',
} as const;

/** el-descriptions inside a dialog: the member's basic info, label beside value. */
export const DESCRIPTIONS = {
  label: '.el-descriptions-item__label',
  name: '姓名',
  devNumber: '发展团员编号',
  joinedOn: '入团时间',
  org: '所在团组织',
} as const;

/** The 审批 dialog's PDF links (查看 opens the file the host serves to the approver). */
export const REVIEW_FILE = {
  /** Links whose href serves the PDF; the first found is used. */
  links: 'a[href]',
  viewText: '查看',
  downloadText: '下载',
} as const;
