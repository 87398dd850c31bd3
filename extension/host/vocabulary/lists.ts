/**
 * The host vocabulary, part 2: the lists — Element's el-table (Element UI's split header and body
 * tables, fixed columns rendered twice; Element Plus's `.el-table__inner-wrapper` and sticky fixed
 * columns), the member columns by header text, the row buttons, 操作中心's messages.
 */
import type { Term } from '../term';

/** A column's header as the host writes it; the `alias.*` entries add other words for the same column. */
const column = (text: string, known: 'host' | 'guess', source: string) =>
  ({ kind: 'texts', value: [text], within: 'table.headerCell', known, source }) as const;
const alias = (of: string, texts: readonly string[]) =>
  ({
    kind: 'texts',
    value: texts,
    within: 'table.headerCell',
    aliasOf: of,
    known: 'guess',
    source: 'other words a site update might use for the same column',
  }) as const;

export const LIST_TERMS = {
  'table.root': {
    kind: 'selector',
    value: '.el-table',
    known: 'host',
    source: 'host code: tables are Element UI el-tables',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:list-fixed'],
    ],
  },
  'table.header': {
    kind: 'selector',
    value:
      ':scope > .el-table__header-wrapper thead, :scope > .el-table__inner-wrapper > .el-table__header-wrapper thead',
    within: 'table.root',
    known: 'host',
    source:
      'host code: .el-table__header-wrapper, a table of its own; Element Plus puts it in .el-table__inner-wrapper',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:list-fixed'],
    ],
  },
  'table.headerWrapper': {
    kind: 'selector',
    value: '.el-table__header-wrapper',
    known: 'host',
    source: 'host code: .el-table__header-wrapper',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
    ],
  },
  'table.headerCell': {
    kind: 'selector',
    value: 'th',
    within: 'table.header',
    known: 'host',
    source: 'host code: header cells of the header table',
    proof: [
      [8, 'ui:list'],
      [8, 'plus:list'],
      [12, 'ui:list-sub'],
    ],
  },
  'table.body': {
    kind: 'selector',
    value: ':scope > .el-table__body-wrapper tbody, :scope > .el-table__inner-wrapper > .el-table__body-wrapper tbody',
    within: 'table.root',
    known: 'host',
    source:
      'host code: .el-table__body-wrapper, a table of its own; Element Plus: in .el-table__inner-wrapper, inside el-scrollbar',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:list-fixed'],
    ],
  },
  'table.bodyWrapper': {
    kind: 'selector',
    value: '.el-table__body-wrapper',
    known: 'host',
    source: 'host code: .el-table__body-wrapper',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:list-fixed'],
    ],
  },
  'table.fixedBody': {
    kind: 'selector',
    value: ':scope > .el-table__fixed tbody, :scope > .el-table__fixed-right tbody',
    within: 'table.root',
    known: 'guess',
    source: 'Element UI renders fixed columns again in overlay tables (Element Plus uses sticky cells instead)',
    proof: [
      [1, 'ui:list-fixed'],
      [0, 'plus:list-fixed'],
      [0, 'ui:list'],
    ],
  },
  'table.row': {
    kind: 'selector',
    value: 'tr.el-table__row',
    known: 'host',
    source: 'host code: rows are tr.el-table__row',
    proof: [
      [10, 'ui:list'],
      [10, 'plus:list'],
      [20, 'ui:list-fixed'],
      [10, 'plus:list-fixed'],
      [0, 'ui:list-loading'],
    ],
  },
  'table.cell': {
    kind: 'selector',
    value: 'td > .cell',
    within: 'table.root',
    known: 'guess',
    source: 'Element’s cell box (div.cell) inside each td',
    proof: [
      [80, 'ui:list'],
      [80, 'plus:list'],
    ],
  },
  'table.emptyText': {
    kind: 'selector',
    value: '.el-table__empty-text',
    known: 'host',
    source: 'host code: an empty table shows .el-table__empty-text',
    proof: [
      [1, 'ui:list-empty'],
      [0, 'ui:list'],
    ],
  },
  'table.loadingMask': {
    kind: 'selector',
    value: '.el-loading-mask',
    within: 'table.root',
    known: 'guess',
    source: 'Element’s v-loading over a table while it loads',
    proof: [
      [1, 'ui:list-loading'],
      [1, 'ui:list'],
      [0, 'plus:list'],
    ],
  },

  'column.name': {
    ...column('姓名', 'guess', 'guide §4.2 (姓名); the list’s columns are not public'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:list-alias'],
    ],
  },
  'column.devNumber': {
    ...column('发展团员编号', 'guess', 'guide §4.2 (发展团员编号); the list’s columns are not public'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'column.joinedOn': {
    ...column('入团时间', 'guess', 'guide §4.2 (入团时间); the list’s columns are not public'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'column.certStatus': {
    ...column('团员身份认证', 'host', 'guide §3.2.1: the 团员身份认证 column'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'column.upload': {
    ...column('档案是否上传', 'host', 'guide §3.2.1: the 档案是否上传 column'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'column.actions': {
    ...column('操作', 'host', 'guide §3.2.1 and tutorials: the 操作 column'),
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
    ],
  },
  'column.org': {
    ...column('所在团组织', 'guess', 'replica (下级支部团员电子数据库)'),
    proof: [
      [1, 'ui:list-sub'],
      [0, 'ui:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'column.idCard': {
    ...column('身份证号', 'guess', 'guide §4.6 (身份证号); replica’s extra column'),
    proof: [
      [1, 'ui:list-sub'],
      [0, 'ui:list'],
      [0, 'ui:list-alias'],
    ],
  },
  'alias.devNumber': {
    ...alias('column.devNumber', ['团员发展编号', '发展编号']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list'],
    ],
  },
  'alias.joinedOn': {
    ...alias('column.joinedOn', ['入团日期', '入团年月']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list'],
    ],
  },
  'alias.certStatus': {
    ...alias('column.certStatus', ['团员身份认证状态', '认证状态']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list'],
    ],
  },
  'alias.upload': {
    ...alias('column.upload', ['是否上传档案']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list'],
    ],
  },
  'alias.org': {
    ...alias('column.org', ['所在组织']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list-sub'],
    ],
  },
  'alias.idCard': {
    ...alias('column.idCard', ['身份证号码', '公民身份号码']),
    proof: [
      [1, 'ui:list-alias'],
      [0, 'ui:list-sub'],
    ],
  },

  'list.uploadButton': {
    kind: 'texts',
    value: ['上传档案', '替换档案'],
    within: 'button',
    known: 'host',
    source: 'guide §3.2.1: 上传档案; 替换档案 after 认证不通过',
    proof: [
      [6, 'ui:list'],
      [6, 'plus:list'],
      [12, 'ui:list-fixed'],
    ],
  },
  button: {
    kind: 'selector',
    value: 'button',
    known: 'guess',
    source: 'buttons are <button> (Element’s el-button)',
    proof: [
      [26, 'ui:list'],
      [26, 'plus:list'],
    ],
  },
  'transfer.start': {
    kind: 'texts',
    value: ['发起转接'],
    within: 'button',
    known: 'guess',
    source: 'replica (组织关系转接’s row button); host code gives the refusal 33002, not the button',
    proof: [
      [10, 'ui:transfer'],
      [0, 'ui:list'],
    ],
  },

  'operation.titleHeader': {
    kind: 'texts',
    value: ['标题'],
    within: 'table.headerCell',
    known: 'guess',
    source: 'host code: messages carry messageTitle; the column’s label is the replica’s',
    proof: [[1, 'ui:operation']],
  },
  'operation.contentHeader': {
    kind: 'texts',
    value: ['内容'],
    within: 'table.headerCell',
    known: 'guess',
    source: 'host code: messageContent; the label is the replica’s',
    proof: [[1, 'ui:operation']],
  },
  'operation.timeHeader': {
    kind: 'texts',
    value: ['时间'],
    within: 'table.headerCell',
    known: 'guess',
    source: 'host code: createTime; the label is the replica’s',
    proof: [[1, 'ui:operation']],
  },
  'operation.rejection': {
    kind: 'pattern',
    value: '未通过上级团组织审核[，,]\\s*理由为[:：]\\s*[\'‘’"“”]([\\s\\S]*?)[\'‘’"“”]\\s*。',
    within: 'table.cell',
    known: 'host',
    source: "host code: …未通过上级团组织审核，理由为：'…'。请根据上级审核意见重新修改并上传新的文件。",
    proof: [[6, 'ui:operation']],
  },
  'operation.memberInTitle': {
    kind: 'pattern',
    value: '[:：]\\s*([^\\s:：]{1,20})\\s*$',
    within: 'table.cell',
    known: 'guess',
    source: 'replica: the feedback’s title names the member after a colon',
    proof: [[20, 'ui:operation']],
  },
} as const satisfies Record<string, Term>;
