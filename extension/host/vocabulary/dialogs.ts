/**
 * The host vocabulary, part 3: dialogs and messages — 上传档案 / 替换档案 with el-upload, the 审批
 * dialog, el-descriptions, the sign-in prompts, el-message.
 */
import type { Term } from '../term';

const label = (text: string, source: string) =>
  ({ kind: 'texts', value: [text], within: 'descriptions.label', known: 'guess', source }) as const;

export const DIALOG_TERMS = {
  'dialog.root': {
    kind: 'selector',
    value: '.el-dialog',
    known: 'guess',
    source: 'Element’s el-dialog (Element UI in .el-dialog__wrapper, Element Plus in .el-overlay-dialog)',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:list'],
    ],
  },
  'dialog.title': {
    kind: 'selector',
    value: '.el-dialog__title',
    within: 'dialog.root',
    known: 'guess',
    source: 'Element’s el-dialog',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'dialog.body': {
    kind: 'selector',
    value: '.el-dialog__body',
    within: 'dialog.root',
    known: 'guess',
    source: 'Element’s el-dialog',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'dialog.footerButton': {
    kind: 'selector',
    value: '.el-dialog__footer button',
    within: 'dialog.root',
    known: 'guess',
    source: 'Element’s el-dialog',
    proof: [
      [2, 'ui:upload'],
      [2, 'plus:upload'],
      [3, 'ui:audit'],
      [3, 'plus:audit'],
    ],
  },
  'dialog.uploadTitle': {
    kind: 'texts',
    value: ['上传档案', '替换档案'],
    within: 'dialog.title',
    known: 'guess',
    source: 'guide §3.2.1 names the buttons; that the dialog bears the same title is the replica’s',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [0, 'ui:audit'],
    ],
  },
  'dialog.reviewTitle': {
    kind: 'texts',
    value: ['团员电子档案审批'],
    within: 'dialog.title',
    known: 'guess',
    source: 'guide §3.3.1 names the message type 团员电子档案审批; the dialog’s title is the replica’s',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },

  'upload.component': {
    kind: 'selector',
    value: '.el-upload',
    known: 'guess',
    source: 'Element’s el-upload',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [0, 'ui:list'],
    ],
  },
  'upload.fileInput': {
    kind: 'selector',
    value: 'input[type="file"]',
    within: 'upload.component',
    known: 'guess',
    source: 'a file input inside el-upload',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
    ],
  },
  'upload.archiveInput': {
    kind: 'selector',
    value: 'input[type="file"][name="recordfile"]',
    known: 'host',
    source: 'host code: the archive’s file field is recordfile, .pdf only',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [0, 'ui:entry-alert'],
    ],
  },
  'upload.pdfInput': {
    kind: 'selector',
    value: 'input[type="file"][accept*="pdf" i]',
    known: 'host',
    source: 'host code: only .pdf is accepted (the input says so in accept)',
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [0, 'ui:entry-alert'],
    ],
  },
  'upload.dragger': {
    kind: 'selector',
    value: '.el-upload-dragger',
    known: 'guess',
    source: 'Element’s el-upload with drag',
    proof: [
      [1, 'ui:upload-drag'],
      [0, 'ui:upload'],
    ],
  },
  'upload.listItem': {
    kind: 'selector',
    value: '.el-upload-list__item',
    known: 'guess',
    source: 'Element’s el-upload file list',
    proof: [
      [1, 'ui:upload-chosen'],
      [1, 'plus:upload-chosen'],
      [0, 'ui:upload'],
    ],
  },
  'upload.listItemRemove': {
    kind: 'selector',
    value: '.el-icon-close, .el-icon--close',
    within: 'upload.listItem',
    known: 'guess',
    source: 'Element’s remove icon (Element UI .el-icon-close, Element Plus .el-icon--close)',
    proof: [
      [1, 'ui:upload-chosen'],
      [1, 'plus:upload-chosen'],
    ],
  },

  'descriptions.label': {
    kind: 'selector',
    value: '.el-descriptions-item__label, .el-descriptions__label',
    known: 'guess',
    source:
      'Element’s el-descriptions (Element UI …-item__label, Element Plus .el-descriptions__label); value beside it',
    proof: [
      [4, 'ui:upload'],
      [4, 'plus:upload'],
      [8, 'ui:audit'],
      [8, 'plus:audit'],
      [3, 'ui:home'],
      [3, 'plus:home'],
    ],
  },
  'descriptions.name': {
    ...label('姓名', 'guide §3.3.1: the reviewer checks the basic info; labels are the replica’s'),
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'descriptions.devNumber': {
    ...label('发展团员编号', 'guide §4.2; the label is the replica’s'),
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'descriptions.joinedOn': {
    ...label('入团时间', 'guide §4.2; the label is the replica’s'),
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'descriptions.org': {
    ...label('所在团组织', 'replica'),
    proof: [
      [1, 'ui:upload'],
      [1, 'plus:upload'],
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'descriptions.idCard': {
    ...label('身份证号', 'guide §4.6 (the approver sees it); the label is the replica’s'),
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },

  'review.link': {
    kind: 'selector',
    value: 'a[href]',
    within: 'dialog.root',
    known: 'guess',
    source: 'links in the 审批 dialog',
    proof: [
      [2, 'ui:audit'],
      [2, 'plus:audit'],
    ],
  },
  'review.view': {
    kind: 'texts',
    value: ['查看'],
    within: 'review.link',
    known: 'guess',
    source: 'guide §4.6: archives can be viewed and downloaded; the link’s words are the replica’s',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'review.download': {
    kind: 'texts',
    value: ['下载'],
    within: 'review.link',
    known: 'guess',
    source: 'guide §4.6; the link’s words are the replica’s',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
    ],
  },
  'approval.opinionHeading': {
    kind: 'texts',
    value: ['审批意见'],
    known: 'guess',
    source: 'host code: auditOpinion is the 审批意见; the heading’s element is the replica’s (found by its own text)',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },
  'approval.opinion': {
    kind: 'selector',
    value: 'textarea',
    within: 'dialog.root',
    known: 'guess',
    source: 'the opinion box is a textarea (Element’s el-input type=textarea)',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },
  'approval.approve': {
    kind: 'texts',
    value: ['同意'],
    within: 'dialog.footerButton',
    known: 'host',
    source: 'guide §3.3.1: 同意',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },
  'approval.reject': {
    kind: 'texts',
    value: ['不同意'],
    within: 'dialog.footerButton',
    known: 'host',
    source: 'guide §3.3.1: 不同意 (with a written reason)',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:upload'],
    ],
  },
  'message.root': {
    kind: 'selector',
    value: '.el-message',
    known: 'host',
    source: 'host code: errors show with Element UI’s $message',
    proof: [
      [1, 'ui:audit-done'],
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
      [0, 'ui:list'],
    ],
  },
  'message.success': {
    kind: 'selector',
    value: '.el-message--success',
    known: 'host',
    source: 'host code: .el-message--error etc.',
    proof: [
      [1, 'ui:audit-done'],
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
    ],
  },
  'approval.successText': {
    kind: 'texts',
    value: ['审批成功'],
    within: 'message.root',
    match: 'includes',
    known: 'guess',
    source: 'replica’s confirmation after 同意 / 不同意',
    proof: [
      [1, 'ui:audit-done'],
      [0, 'ui:entry-alert'],
    ],
  },

  'prompt.container': {
    kind: 'selector',
    value: '.el-dialog__wrapper, .el-message-box__wrapper, .el-overlay',
    known: 'guess',
    source: 'Element UI’s dialog and message-box wrappers; Element Plus’s .el-overlay holds both',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
      [0, 'ui:list'],
    ],
  },
  'prompt.body': {
    kind: 'selector',
    value: '.el-dialog__body, .el-message-box__content',
    within: 'prompt.container',
    known: 'guess',
    source: 'Element’s dialog or message box',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
    ],
  },
  'prompt.close': {
    kind: 'selector',
    value: '.el-dialog__headerbtn, .el-message-box__headerbtn',
    within: 'prompt.container',
    known: 'guess',
    source: 'Element’s close button',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
    ],
  },
  'prompt.notUploaded': {
    kind: 'texts',
    value: ['组织内有团员档案尚未上传'],
    within: 'prompt.body',
    match: 'includes',
    known: 'host',
    source: 'guide §3.2 note, §4.3',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [0, 'ui:entry-alert'],
    ],
  },
  'prompt.uncertified': {
    kind: 'texts',
    value: ['组织内有团员身份尚未认证'],
    within: 'prompt.body',
    match: 'includes',
    known: 'host',
    source: 'guide §3.2 note, §4.3',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [0, 'ui:entry-alert'],
    ],
  },
} as const satisfies Record<string, Term>;
