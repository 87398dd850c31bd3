import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../host/vocabulary';
import { PAGE_LABELS, PAGE_TYPES } from '../model/pages';
import { recognisePage, type PageFacts } from './pages';

const facts = (path: string, crumbs: string[] = [], hasPasswordField = false): PageFacts => ({
  path,
  crumbs,
  hasPasswordField,
});

describe('recognisePage', () => {
  it('recognises each page when its route and its breadcrumb agree', () => {
    expect(recognisePage(facts('/zhtj/center/tuanyuan/recordlist', ['管理中心', '团员管理', '团员电子数据库']))).toBe(
      'memberDatabase',
    );
    expect(
      recognisePage(facts('/zhtj/center/tuanyuantw/memberlist', ['管理中心', '团员管理', '下级支部团员电子数据库'])),
    ).toBe('subordinateDatabase');
    expect(
      recognisePage(facts('/zhtj/center/tuangan/recordlist', ['管理中心', '团干部管理', '本级团干部电子数据库'])),
    ).toBe('cadreDatabase');
    expect(
      recognisePage(facts('/zhtj/center/manage/memberrecordaudit', ['管理中心', '业务办理', '下级团员电子档案审批'])),
    ).toBe('archiveReview');
    expect(recognisePage(facts('/zhtj/center/operationcenter', ['操作中心']))).toBe('operationCenter');
    expect(recognisePage(facts('/zhtj/center/manage/managetransfer', ['管理中心', '业务办理', '组织关系转接']))).toBe(
      'transfer',
    );
    expect(
      recognisePage(facts('/zhtj/center/manage/managetransferprocessdo', ['管理中心', '业务办理', '组织关系转接'])),
    ).toBe('transfer');
    expect(recognisePage(facts('/zhtj/center/tuanyuan/add', ['管理中心', '团员管理', '团员录入']))).toBe('memberEntry');
    expect(recognisePage(facts('/zhtj/center/home', ['管理中心', '首页']))).toBe('landing');
  });

  it('tells 团员电子数据库 from 下级支部团员电子数据库 by the whole heading, not a substring', () => {
    expect(recognisePage(facts('/zhtj/center/x', ['下级支部团员电子数据库']))).toBe('subordinateDatabase');
    expect(recognisePage(facts('/zhtj/center/x', ['团员电子数据库']))).toBe('memberDatabase');
    expect(recognisePage(facts('/zhtj/center/x', ['团员电子数据库查询']))).toBe('unknown');
  });

  it('ignores stray whitespace in the breadcrumb', () => {
    expect(recognisePage(facts('/zhtj/center/tuanyuan/recordlist', ['管理中心', ' 团员 电子数据库\n']))).toBe(
      'memberDatabase',
    );
  });

  it('says unknown when the route names one page and the heading another', () => {
    expect(recognisePage(facts('/zhtj/center/tuanyuan/recordlist', ['管理中心', '团员录入']))).toBe('unknown');
    // The real site's /tuanyuantw/memberlist may be a plain 团员列表: its heading decides.
    expect(recognisePage(facts('/zhtj/center/tuanyuantw/memberlist', ['管理中心', '团员管理', '团员列表']))).toBe(
      'unknown',
    );
  });

  it('says unknown for a page with a heading it does not know, or none yet', () => {
    expect(recognisePage(facts('/zhtj/center/tuanfei/paylist', ['管理中心', '团费管理', '团费交纳情况']))).toBe(
      'unknown',
    );
    expect(recognisePage(facts('/zhtj/center/tuanyuan/recordlist', []))).toBe('unknown');
  });

  it('judges an unlisted route by its heading: most real routes are not public', () => {
    expect(recognisePage(facts('/zhtj/center/newroute/recordlist', ['管理中心', '团员管理', '团员电子数据库']))).toBe(
      'memberDatabase',
    );
  });

  it('recognises the sign-in page only with its password field and no breadcrumb', () => {
    expect(recognisePage(facts('/zhtj/signin', [], true))).toBe('login');
    expect(recognisePage(facts('/zhtj/signin', [], false))).toBe('unknown');
    expect(recognisePage(facts('/zhtj/signin', ['管理中心', '首页'], true))).toBe('unknown');
  });

  it('knows nothing outside the app', () => {
    expect(recognisePage(facts('/other/center/tuanyuan/recordlist', ['团员电子数据库']))).toBe('unknown');
  });

  it('has a Chinese label for every page type, and every page and route entry of the vocabulary names a real type', () => {
    for (const t of PAGE_TYPES) expect(PAGE_LABELS[t]).toMatch(/[\u4e00-\u9fa5]/);
    const named = Object.keys(VOCABULARY).flatMap((id) => (/^(page|route)\./.test(id) ? [id.split('.')[1]] : []));
    expect(named.length).toBeGreaterThan(10);
    for (const t of named) expect(PAGE_TYPES).toContain(t);
  });
});
