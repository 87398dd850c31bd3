/**
 * Every host selector and every header or heading text the extension relies on, in one place.
 * Each is proved against the replica (test/replica, built from docs/host-system.md with the
 * site's own Element UI); the real site may differ, so every use must fail quietly.
 */
import type { PageType } from '../model/pages';

/** The single-page app lives under this path; routes change without page loads. */
export const APP_PATH = '/zhtj/';

/** 当前位置:管理中心 > 团员管理 > 团员电子数据库 — Element's breadcrumb, or plain text as a fallback. */
export const BREADCRUMB = {
  label: '当前位置',
  items: '.el-breadcrumb .el-breadcrumb__item',
  itemText: '.el-breadcrumb__inner',
  /** Separators of a plain-text breadcrumb. */
  separators: /\s*[>＞›»/／]\s*/,
} as const;

/** The sign-in form: the only page with a password field and no breadcrumb. */
export const PASSWORD_INPUT = 'input[type="password"]';

/** The last breadcrumb item → the page it names (the guide's menu names, §3.1–§3.3). */
export const PAGE_HEADINGS: Readonly<Record<string, PageType>> = {
  首页: 'landing',
  团员电子数据库: 'memberDatabase',
  下级支部团员电子数据库: 'subordinateDatabase',
  下级库: 'subordinateDatabase',
  本级团干部电子数据库: 'cadreDatabase',
  下级团员电子档案审批: 'archiveReview',
  操作中心: 'operationCenter',
  组织关系转接: 'transfer',
  团员录入: 'memberEntry',
};

/**
 * Known routes. A route here must agree with the heading; a route not here is judged by the
 * heading alone, since most of the real site's routes are not public.
 */
export const PAGE_ROUTES: readonly { pageType: PageType; path: RegExp }[] = [
  { pageType: 'login', path: /^\/zhtj\/(signin|login)\/?$/ },
  { pageType: 'landing', path: /^\/zhtj\/(center\/home)?\/?$/ },
  { pageType: 'memberDatabase', path: /^\/zhtj\/center\/tuanyuan\/recordlist\/?$/ },
  { pageType: 'subordinateDatabase', path: /^\/zhtj\/center\/tuanyuantw\/memberlist\/?$/ },
  { pageType: 'cadreDatabase', path: /^\/zhtj\/center\/tuangan\/recordlist\/?$/ },
  { pageType: 'archiveReview', path: /^\/zhtj\/center\/manage\/memberrecordaudit\/?$/ },
  { pageType: 'operationCenter', path: /^\/zhtj\/center\/operationcenter\/?$/ },
  { pageType: 'transfer', path: /^\/zhtj\/center\/manage\/managetransfer(processdo)?\/?$/ },
  { pageType: 'memberEntry', path: /^\/zhtj\/center\/tuanyuan\/add\/?$/ },
];

/** Element UI's table: header and body are separate tables; fixed columns are rendered twice. */
export const TABLE = {
  root: '.el-table',
  headerWrapper: '.el-table__header-wrapper',
  bodyWrapper: '.el-table__body-wrapper',
  headerCell: 'th .cell',
  row: 'tr.el-table__row',
  fixedLeft: '.el-table__fixed',
  fixedRight: '.el-table__fixed-right',
  emptyText: '.el-table__empty-text',
  loadingMask: '.el-loading-mask',
} as const;

/** Column headers of the member lists, read by text, never by position. */
export const COLUMN_HEADERS = {
  name: '姓名',
  devNumber: '发展团员编号',
  joinedOn: '入团时间',
  certStatus: '团员身份认证',
  upload: '档案是否上传',
  actions: '操作',
  org: '所在团组织',
  idCard: '身份证号',
} as const;

/** 所在团组织 cells and the signed-in organisation: how a row's organisation is named. */
export const ORGANISATION = {
  /** The header's "who is signed in" area; its first text is the organisation's full name. */
  signedIn: '.zhtj-header .who',
  /** The landing page's organisation details (el-descriptions): 组织类型 names the type. */
  detailsItem: '.el-descriptions-item__label, .el-descriptions-item__cell',
  typeLabel: '组织类型',
  nameLabel: '团组织名称',
} as const;

/** The prompts an admin sees at sign-in while archives are missing or members uncertified (§3.2 note, §4.3). */
export const LOGIN_PROMPTS = {
  /** Element's dialog or message box that carries the prompt lines. */
  container: '.el-dialog__wrapper, .el-message-box__wrapper',
  body: '.el-dialog__body, .el-message-box__content',
  close: '.el-dialog__headerbtn, .el-message-box__headerbtn',
  notUploaded: '组织内有团员档案尚未上传',
  uncertified: '组织内有团员身份尚未认证',
} as const;

/** The member lists' own search form: 姓名 / 发展团员编号 inputs and the 查询 button. */
export const SEARCH_FORM = {
  form: 'form.el-form',
  item: '.el-form-item',
  label: '.el-form-item__label',
  input: 'input.el-input__inner',
  nameLabel: '姓名',
  devNumberLabel: '发展团员编号',
  submitText: '查询',
  button: 'button',
} as const;

/** The left menu: the only way to move between pages the way an admin does. */
export const MENU = {
  item: '.el-menu-item',
} as const;

/** 组织关系转接: the button that starts a transfer from a member's row. */
export const TRANSFER = {
  startText: '发起转接',
  button: 'button',
} as const;

/** 操作中心: the feedback an uploader receives when the upper committee rejects an archive. */
export const OPERATION_CENTER = {
  titleHeader: '标题',
  contentHeader: '内容',
  timeHeader: '时间',
  /** The host's words (host-system.md): …未通过上级团组织审核，理由为：'<reason>'。… */
  rejection: /未通过上级团组织审核[，,]\s*理由为[:：]\s*['‘’"“”]([\s\S]*?)['‘’"“”]\s*。/,
  /** Titles name the member after a colon: 团员电子档案审批结果：张三. */
  memberInTitle: /[:：]\s*([^\s:：]{1,20})\s*$/,
} as const;
