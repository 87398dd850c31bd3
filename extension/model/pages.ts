/** The 智慧团建 pages the extension tells apart (core/pages.ts recognises them), and their names. */
export const PAGE_TYPES = [
  'login',
  'landing',
  'memberDatabase',
  'subordinateDatabase',
  'cadreDatabase',
  'archiveReview',
  'operationCenter',
  'transfer',
  'memberEntry',
  'unknown',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** How the extension names each page to the admin. */
export const PAGE_LABELS: Readonly<Record<PageType, string>> = {
  login: '登录页',
  landing: '管理中心首页',
  memberDatabase: '团员电子数据库',
  subordinateDatabase: '下级支部团员电子数据库',
  cadreDatabase: '本级团干部电子数据库',
  archiveReview: '下级团员电子档案审批',
  operationCenter: '操作中心',
  transfer: '组织关系转接',
  memberEntry: '团员录入',
  unknown: '未识别此页面',
};
