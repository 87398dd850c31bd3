/**
 * The replica after a site update: the same pages on Vue 3 + Element Plus (what the host is most
 * likely to move to), and the host-change switches (relabelled, unknown and renamed markup). As
 * in replica-conformance, the pages are opened at the replica's own address, where the content
 * script does not run: the host as it is.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckDigit } from '../../shared/domain/idCard';
import { placeholderForm } from '../replica/backend/placeholderPdf';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';

const LIST = '/zhtj/center/tuanyuan/recordlist';
const PLUS = { kit: 'element-plus' } as const;

describe('the replica after a site update', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;
  const at = (path: string) => `${replica.ipOrigin}${path}`;

  beforeAll(async () => {
    replica = await startReplica({ seed: 41, size: 30, variant: PLUS });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
    page = await browser.context.newPage();
    await replica.login(page, 'tzb', { origin: replica.ipOrigin });
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  async function openList(variant: Parameters<Replica['setVariant']>[0] = PLUS, path = LIST) {
    await replica.setVariant(variant);
    await page.goto(at(path));
    await page.locator('.el-table__body-wrapper tr.el-table__row, .el-table__empty-text').first().waitFor();
  }
  const headers = () => page.locator('.el-table__header-wrapper th').allInnerTexts();

  it('is a Vue 3 + Element Plus app: the tables sit in .el-table__inner-wrapper, the body in el-scrollbar', async () => {
    await openList();
    const shape = await page.evaluate(() => {
      const table = document.querySelector('.el-table')!;
      const inner = table.querySelector(':scope > .el-table__inner-wrapper');
      return {
        vue: (window as unknown as { Vue: { version: string } }).Vue.version.split('.')[0],
        plus: 'ElementPlus' in window && !('ELEMENT' in window),
        headerUnderInner: !!inner?.querySelector(':scope > .el-table__header-wrapper table thead'),
        bodyUnderInner: !!inner?.querySelector(':scope > .el-table__body-wrapper .el-scrollbar__view table tbody'),
        directChildren: !!table.querySelector(':scope > .el-table__header-wrapper, :scope > .el-table__body-wrapper'),
        gutter: table.querySelectorAll('th.gutter').length,
        rows: table.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length,
        breadcrumb: Array.from(document.querySelectorAll('.el-breadcrumb__item .el-breadcrumb__inner'), (e) =>
          e.textContent!.trim(),
        ),
        menu: document.querySelectorAll('.el-menu .el-menu-item').length,
        total: document.querySelector('.el-pagination__total')?.textContent,
      };
    });
    expect(shape).toEqual({
      vue: '3',
      plus: true,
      headerUnderInner: true,
      bodyUnderInner: true,
      directChildren: false,
      gutter: 0,
      rows: 10,
      breadcrumb: ['管理中心', '团员管理', '团员电子数据库'],
      menu: 6,
      total: '共 30 条',
    });
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

  it('changes routes without a page load, and shows the same words and data as the Element UI pages', async () => {
    const rows = () =>
      page
        .locator('.el-table__body-wrapper tr.el-table__row')
        .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    await openList({ kit: 'element-ui' });
    const uiRows = await rows();
    expect(uiRows.length).toBeGreaterThan(0);
    await openList();
    await page.evaluate(() => ((window as unknown as { stay: number }).stay = 42));
    await page.locator('.el-menu-item', { hasText: '本级团干部电子数据库' }).click();
    await page.waitForURL('**/zhtj/center/tuangan/recordlist');
    await page.locator('.el-menu-item', { hasText: '团员电子数据库' }).first().click();
    await page.waitForURL('**' + LIST);
    expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(42);
    // The list loads its members after the route changes: the rows are compared once they are there.
    await expect.poll(rows).toEqual(uiRows);
    await page.goto(at('/zhtj/center/unknownpage'));
    await replica.setVariant(PLUS);
    await page.goto(at('/zhtj/center/unknownpage'));
    await expect.poll(() => page.locator('.el-empty__description').innerText()).toBe('页面不存在');
  });

  it('a fixed 操作 column is one sticky column (not rendered twice), and the empty list says 暂无数据', async () => {
    await openList({ ...PLUS, fixedActions: true });
    const fixed = await page.evaluate(() => ({
      copies: document.querySelectorAll('.el-table__fixed, .el-table__fixed-right').length,
      sticky: document.querySelectorAll('td.el-table-fixed-column--right').length,
      rows: document.querySelectorAll('tr.el-table__row').length,
    }));
    expect(fixed).toEqual({ copies: 0, sticky: 10, rows: 10 });
    await openList({ ...PLUS, empty: true });
    expect(await page.locator('.el-table__empty-text').innerText()).toBe('暂无数据');
  });

  it('上传档案: el-dialog in an overlay, el-descriptions cells, el-upload posting recordfile; refusals in el-message', async () => {
    await openList();
    await page.locator('.el-table__body-wrapper').getByRole('button', { name: '上传档案' }).first().click();
    const dialog = page.locator('.upload-dialog');
    await dialog.waitFor();
    const shape = await dialog.evaluate((d) => ({
      overlay: !!d.closest('.el-overlay-dialog'),
      oldWrapper: !!d.closest('.el-dialog__wrapper'),
      title: d.querySelector('.el-dialog__title')?.textContent,
      labels: Array.from(d.querySelectorAll('.el-descriptions__label'), (l) => l.textContent!.trim()),
      oldLabels: d.querySelectorAll('.el-descriptions-item__label').length,
      input: d.querySelector('.el-upload input[type=file]')?.getAttribute('name'),
      accept: d.querySelector('.el-upload input[type=file]')?.getAttribute('accept'),
      footer: Array.from(d.querySelectorAll('.el-dialog__footer button'), (b) => b.textContent!.trim()),
    }));
    expect(shape).toEqual({
      overlay: true,
      oldWrapper: false,
      title: '上传档案',
      labels: ['姓名', '发展团员编号', '入团时间', '所在团组织'],
      oldLabels: 0,
      input: 'recordfile',
      accept: '.pdf',
      footer: ['取消', '确定上传'],
    });
    const pages11 = Buffer.from(await placeholderForm({ userCode: '', pages: 11 }));
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '入团志愿书.pdf', mimeType: 'application/pdf', buffer: pages11 });
    await dialog.locator('.el-upload-list__item').waitFor();
    expect(await dialog.locator('.el-upload-list__item .el-icon--close').count()).toBe(1);
    const [request] = await Promise.all([
      page.waitForRequest('**/v1/center/memberRecord/upload'),
      dialog.getByRole('button', { name: '确定上传' }).click(),
    ]);
    expect(request.headers()['x-csrf-token']).toBeTruthy();
    await expect
      .poll(() => page.locator('.el-message--error').last().innerText())
      .toBe('必须上传12页完整的电子版《入团志愿书》');
  });

  it('审批: the dialog’s info, 查看 / 下载 links and 同意 / 不同意; 不同意 without a reason warns', async () => {
    await replica.login(page, 'tw', { origin: replica.ipOrigin });
    await openList(PLUS, '/zhtj/center/manage/memberrecordaudit');
    await page.getByRole('button', { name: '审批' }).first().click();
    const dialog = page.locator('.audit-dialog');
    await dialog.locator('.el-descriptions__label').first().waitFor();
    const shape = await dialog.evaluate((d) => ({
      title: d.querySelector('.el-dialog__title')?.textContent,
      links: Array.from(d.querySelectorAll('a[href]'), (a) => a.textContent!.trim()),
      opinion: !!d.querySelector('textarea.el-textarea__inner'),
      footer: Array.from(d.querySelectorAll('.el-dialog__footer button'), (b) => b.textContent!.trim()),
    }));
    expect(shape).toEqual({
      title: '团员电子档案审批',
      links: ['查看', '下载'],
      opinion: true,
      footer: ['取消', '不同意', '同意'],
    });
    await dialog.getByRole('button', { name: '不同意', exact: true }).click();
    await expect.poll(() => page.locator('.el-message--warning').last().innerText()).toBe('请填写不同意的理由');
    await dialog.locator('textarea').fill('第5页缺少介绍人签名');
    await dialog.getByRole('button', { name: '不同意', exact: true }).click();
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toBe('审批成功');
    await replica.login(page, 'tzb', { origin: replica.ipOrigin });
  });

  it('message boxes: the sign-in prompt is an el-dialog in .el-overlay-dialog; $alert is .el-message-box in .el-overlay', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await replica.login(page, 'tzb', { origin: replica.ipOrigin });
    const prompt = page.locator('.login-prompt');
    await expect.poll(() => prompt.innerText()).toContain('组织内有团员档案尚未上传');
    expect(
      await prompt.evaluate((d) => !!d.closest('.el-overlay-dialog') && !!d.querySelector('.el-dialog__body')),
    ).toBe(true);
    await closeSignInPrompt(page);
    await page.goto(at('/zhtj/center/tuanyuan/add'));
    await page.getByPlaceholder('请输入姓名').fill('欧阳晓东');
    const first17 = '11010520100301001';
    await page.getByPlaceholder('请输入18位身份证号').fill(first17 + idCardCheckDigit(first17));
    await page.locator('.el-date-editor input').fill('2025-03-01');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('2017年以后发展的团员必填，12位').fill('202511889901');
    await page.getByRole('button', { name: '提交' }).click();
    const box = page.locator('.el-message-box');
    await expect
      .poll(() => box.locator('.el-message-box__content').innerText())
      .toContain('须上传电子版《入团志愿书》');
    expect(await box.evaluate((b) => !!b.closest('.el-overlay') && !b.closest('.el-message-box__wrapper'))).toBe(true);
  });

  it('host-change switches: relabelled headers, an unknown column, the site’s own classes renamed', async () => {
    for (const kit of ['element-ui', 'element-plus'] as const) {
      await openList({ kit, headerLabels: { 团员身份认证: '认证进度', 入团时间: '入团日期' }, unknownColumn: true });
      expect(await headers(), kit).toEqual([
        '序号',
        '姓名',
        '政治面貌',
        '性别',
        '发展团员编号',
        '入团日期',
        '认证进度',
        '档案是否上传',
        '操作',
      ]);
      await openList({ kit, renamedClasses: true });
      const classes = await page.evaluate(() => ({
        who: !!document.querySelector('.zhtj-header .who'),
        renamed: document.querySelectorAll('[class*="_who_"]').length,
        table: document.querySelectorAll('.el-table').length,
        memberTable: document.querySelectorAll('.member-table').length,
      }));
      expect(classes, kit).toEqual({ who: false, renamed: 1, table: 1, memberTable: 0 });
    }
  });
});
