/**
 * 上传档案 / 替换档案 (§3.2.1, §4.1, §5.2): the chosen PDF is checked in the browser before the
 * host uploads it; a file that would be rejected is held with its report and the fixes that apply.
 */
import { defineFeature } from '../core/feature';
import { startUploadGate } from '../upload/gate';

export default defineFeature({
  id: 'upload-check',
  label: '上传前检查',
  description:
    '点击“上传档案”“替换档案”选择文件后，先在本机检查页数、大小、是否扫描件、清晰度、公章和首页编号；会被退回的文件先拦下，并可一键压缩、裁剪拉直、拼图、编辑页面。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase'],
  init({ doc, signal, send, lists, fail }) {
    startUploadGate({ doc, signal, send, onRecorded: () => void lists.refreshFacts(), onError: fail });
  },
});
