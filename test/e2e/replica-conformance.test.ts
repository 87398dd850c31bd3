/**
 * The replica renders what the real site's UI kit renders — so a replica made of plain tables,
 * or of pages that reload, cannot pass — and each variant changes the markup, not the meaning.
 * These pages are opened at the replica's own address, where the extension's content script does
 * not run: this is the host as it is, before any mark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { placeholderForm } from '../replica/backend/placeholderPdf';
import { startReplica, type Replica } from '../support/replica';

const LIST = '/zhtj/center/tuanyuan/recordlist';

describe('the replica’s markup', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;
  const at = (path: string) => `${replica.ipOrigin}${path}`;

  beforeAll(async () => {
    replica = await startReplica({ seed: 41, size: 30 });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
    page = await browser.context.newPage();
    await replica.login(page, 'tzb', { origin: replica.ipOrigin });
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  async function openList(variant: Parameters<Replica['setVariant']>[0] = {}, path = LIST) {
    await replica.setVariant(variant);
    await page.goto(at(path));
    await page.locator('.el-table__body-wrapper tr.el-table__row, .el-table__empty-text').first().waitFor();
  }
  const headers = () => page.locator('.el-table__header-wrapper th:not(.gutter)').allInnerTexts();
  const column = async (label: string) => {
    const index = (await headers()).indexOf(label);
    expect(index, label).toBeGreaterThanOrEqual(0);
    return page
      .locator(`.el-table__body-wrapper tr.el-table__row > td:nth-child(${index + 1})`)
      .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
  };

  it('is an Element UI app: split header and body tables, el-pagination, el-menu, 当前位置 breadcrumb, 演示环境 banner', async () => {
    await openList();
    const shape = await page.evaluate(() => {
      const table = document.querySelector('.el-table')!;
      const header = table.querySelector('.el-table__header-wrapper table')!;
      const body = table.querySelector('.el-table__body-wrapper table')!;
      return {
        separate: header !== body && !header.contains(body) && !body.contains(header),
        headerRows: header.querySelectorAll('tr.el-table__row').length,
        headerCells: header.querySelectorAll('th').length,
        bodyHeaderCells: body.querySelectorAll('th').length,
        bodyRows: body.querySelectorAll('tr.el-table__row').length,
        colgroupsAgree:
          header.querySelectorAll('col:not([name=gutter])').length === body.querySelectorAll('col').length,
        breadcrumb: (document.querySelector('.el-breadcrumb')!.parentElement as HTMLElement).innerText.replace(
          /\s+/g,
          '',
        ),
        pagination: Boolean(document.querySelector('.el-pagination .el-pager')),
        menu: document.querySelectorAll('.el-menu .el-menu-item').length,
        banner: document.querySelector('.demo-banner')?.textContent ?? '',
      };
    });
    expect(shape).toMatchObject({
      separate: true,
      headerRows: 0,
      bodyHeaderCells: 0,
      bodyRows: 10,
      colgroupsAgree: true,
      pagination: true,
    });
    expect(shape.headerCells).toBeGreaterThanOrEqual(8);
    expect(shape.breadcrumb).toBe('当前位置:管理中心>团员管理>团员电子数据库');
    expect(shape.menu).toBeGreaterThan(5);
    expect(shape.banner).toContain('演示环境');
    expect(await headers()).toEqual([
      '序号',
      '姓名',
      '性别',
      '发展团员编号',
      '入团时间',
      '团员身份认证',
      '档案是否上传',
      '操作',
    ]);
  });

  it('changes routes without a page load (history mode)', async () => {
    await openList();
    await page.evaluate(() => ((window as unknown as { stay: number }).stay = 42));
    await page.locator('.el-menu-item', { hasText: '本级团干部电子数据库' }).click();
    await page.waitForURL('**/zhtj/center/tuangan/recordlist');
    await page.locator('.el-menu-item', { hasText: '团员录入' }).click();
    await page.waitForURL('**/zhtj/center/tuanyuan/add');
    await page.goBack();
    await page.waitForURL('**/zhtj/center/tuangan/recordlist');
    expect(
      await page.evaluate(() => [
        (window as unknown as { stay?: number }).stay,
        performance.getEntriesByType('navigation').length,
      ]),
    ).toEqual([42, 1]);
    // Any /zhtj/ path serves the app, which decides what to show.
    await page.goto(at('/zhtj/center/unknownpage'));
    await expect.poll(() => page.locator('.el-empty__description').innerText()).toBe('页面不存在');
  });

  it('writes the guide’s words in the status columns', async () => {
    await openList({}, LIST);
    await page.getByRole('button', { name: '10条/页' }).or(page.locator('.el-pagination__sizes input')).first().click();
    // The dropdown opens on the next frame: wait for it rather than read it at once.
    await expect
      .poll(() => page.locator('.el-select-dropdown__item:visible').allInnerTexts())
      .toEqual(['10条/页', '20条/页', '50条/页', '100条/页']);
    await page.locator('.el-select-dropdown__item:visible', { hasText: '100条/页' }).click();
    await expect.poll(() => page.locator('.el-table__body-wrapper tr.el-table__row').count()).toBe(30);
    const auth = new Set((await column('团员身份认证')).map((t) => t.trim()));
    expect([...auth].sort()).toEqual(['--', '认证不通过', '团员身份已认证', '尚未认证'].sort());
    const upload = new Set((await column('档案是否上传')).map((t) => t.replace(/\s+/g, ' ').trim()));
    expect([...upload].sort()).toEqual(['--', '否 上传档案', '是', '是 替换档案'].sort());
  });

  it('fixed 操作 column: Element renders it twice, in the body and in .el-table__fixed-right', async () => {
    await openList({ fixedActions: true });
    const twice = await page.evaluate(() => {
      const table = document.querySelector('.el-table')!;
      const fixed = table.querySelector('.el-table__fixed-right')!;
      return {
        fixedHeader: Array.from(fixed.querySelectorAll('.el-table__fixed-header-wrapper th:not(.is-hidden)'), (th) =>
          th.textContent!.trim(),
        ).filter(Boolean),
        fixedRows: fixed.querySelectorAll('tr.el-table__row').length,
        bodyRows: table.querySelector('.el-table__body-wrapper')!.querySelectorAll('tr.el-table__row').length,
        allRows: table.querySelectorAll('tr.el-table__row').length,
        viewIcons: table.querySelectorAll('.el-icon-view').length,
      };
    });
    expect(twice.fixedHeader).toEqual(['操作']);
    expect(twice.fixedRows).toBe(twice.bodyRows);
    expect(twice.allRows).toBe(2 * twice.bodyRows);
    expect(twice.viewIcons).toBe(2 * twice.bodyRows);
  });

  it('column order, extra and hidden columns', async () => {
    await openList({ columnOrder: 'alternate', extraColumns: true, hiddenColumns: ['性别'] });
    expect(await headers()).toEqual([
      '序号',
      '团员身份认证',
      '档案是否上传',
      '入团时间',
      '姓名',
      '发展团员编号',
      '民族',
      '手机号码',
      '身份证号',
      '操作',
    ]);
    for (const id of await column('身份证号')) expect(id.trim()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('dates as 2024年05月20日 or 2024/5/20, and stray whitespace around the words', async () => {
    await openList({ dateFormat: 'cn' });
    for (const d of await column('入团时间')) expect(d).toMatch(/^\d{4}年\d{2}月\d{2}日$/);
    await openList({ dateFormat: 'slash', whitespace: true });
    for (const d of await column('入团时间')) {
      expect(d).not.toBe(d.trim());
      expect(d.trim()).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}$/);
    }
    for (const t of await column('团员身份认证'))
      expect(['--', '认证不通过', '团员身份已认证', '尚未认证']).toContain(t.trim());
  });

  it('an empty list shows Element’s empty text', async () => {
    await openList({ empty: true });
    expect(await page.locator('.el-table__empty-text').innerText()).toBe('暂无数据');
    expect(await page.locator('tr.el-table__row').count()).toBe(0);
  });

  it('late rows arrive under the el-table loading mask', async () => {
    await replica.setVariant({ loadDelayMs: 1500 });
    await page.goto(at(LIST));
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'visible' });
    expect(await page.locator('tr.el-table__row').count()).toBe(0);
    await page.locator('.el-table__body-wrapper tr.el-table__row').first().waitFor({ timeout: 10_000 });
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' });
  });

  it('1,000 rows a page for benchmarks', async () => {
    await replica.reset({ seed: 41, size: 1200, variant: { bigPage: true } });
    await page.goto(at(LIST));
    await expect
      .poll(() => page.locator('.el-table__body-wrapper tr.el-table__row').count(), { timeout: 30_000 })
      .toBe(1000);
    expect(await page.locator('.el-pagination__total').innerText()).toBe('共 1200 条');
    await replica.reset({ seed: 41, size: 30 });
  });

  it('el-upload posts to the API, and a refusal shows the back end’s message in el-message', async () => {
    await openList();
    await page.locator('.el-table__body-wrapper').getByRole('button', { name: '上传档案' }).first().click();
    const dialog = page.locator('.upload-dialog');
    const pages11 = Buffer.from(await placeholderForm({ userCode: '', pages: 11 }));
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '入团志愿书.pdf', mimeType: 'application/pdf', buffer: pages11 });
    const [request] = await Promise.all([
      page.waitForRequest('**/v1/center/memberRecord/upload'),
      dialog.getByRole('button', { name: '确定上传' }).click(),
    ]);
    expect(request.headers()['x-csrf-token']).toBeTruthy();
    expect(request.headers()['content-type']).toMatch(/^multipart\/form-data/);
    await expect
      .poll(() => page.locator('.el-message--error').last().innerText())
      .toBe('必须上传12页完整的电子版《入团志愿书》');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '入团志愿书.docx', mimeType: 'application/pdf', buffer: pages11 });
    await dialog.getByRole('button', { name: '确定上传' }).click();
    await expect.poll(() => page.locator('.el-message--error').last().innerText()).toBe('文件类型.docx不正确');
  });

  it('el-upload gives a real file input, and the unknown page has a member-like table', async () => {
    await openList();
    await page.locator('.el-table__body-wrapper').getByRole('button', { name: '上传档案' }).first().click();
    expect(await page.locator('.upload-dialog input[type=file]').getAttribute('accept')).toBe('.pdf');
    expect(await page.locator('.upload-dialog input[type=file]').getAttribute('name')).toBe('recordfile');
    await page.goto(at('/zhtj/center/tuanfei/paylist'));
    await page.locator('tr.el-table__row').first().waitFor();
    expect(await headers()).toEqual(expect.arrayContaining(['姓名', '入团时间']));
  });
});
