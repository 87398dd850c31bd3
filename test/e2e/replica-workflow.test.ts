/**
 * The guide's whole workflow in Chromium, through the replica's own pages under the host's name
 * with the production extension loaded (it must never get in the host's way): 录入 → 上传档案 →
 * 不同意 → 替换档案 → 同意 → 团员身份已认证. Cells are read in the host's own words, without the
 * extension's marks.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { idCardCheckDigit } from '../../shared/domain/idCard';
import { TEMPLATE_COLUMNS } from '../replica/backend/handlers/entry';
import { form } from '../fixtures/forms';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { hostTexts } from '../support/hostText';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';

const LIST = '/zhtj/center/tuanyuan/recordlist';
const REASON = '第5页介绍人意见缺少介绍人签名';

describe('the guide workflow on the replica', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;
  const joinedOn = addDays(chinaToday(), -3);
  const year = joinedOn.slice(0, 4);
  const first17 = `110105${Number(year) - 15}0301001`;
  const member = { name: '欧阳晓东', idCard: first17 + idCardCheckDigit(first17), devNumber: `${year}11889901` };
  let form12: Buffer;

  beforeAll(async () => {
    replica = await startReplica({ seed: 31, size: 15 });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
    page = await browser.context.newPage();
    // A realistic scan of the signed, sealed form: the extension's upload check lets it through
    // (a typed placeholder would be held as not scanned, §4.1).
    const kit = await FixtureKit.open(browser.context);
    form12 = Buffer.from(await form(kit, { family: 'scanner', seed: 31, devNumber: member.devNumber }));
    await kit.close();
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  const row = (): Locator => page.locator('.el-table__body-wrapper tr.el-table__row', { hasText: member.name });
  const cellTexts = () => hostTexts(row().locator('td'));
  const message = (kind: 'success' | 'error' | 'warning') => page.locator(`.el-message--${kind}`).last();

  async function openOwnList() {
    await page.goto(replica.url(LIST));
    await page.getByPlaceholder('请输入姓名').fill(member.name);
    await page.getByRole('button', { name: '查询' }).click();
    await row().waitFor();
  }

  async function upload(button: '上传档案' | '替换档案', file: { name: string; buffer: Buffer }) {
    await row().getByRole('button', { name: button }).click();
    const dialog = page.locator('.upload-dialog');
    await dialog.waitFor();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
    // The extension checks the file before el-upload lists it: wait for the host to hold it.
    await dialog.locator('.el-upload-list__item', { hasText: file.name }).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: '确定上传' }).click();
  }

  async function signInAs(account: 'tzb' | 'tw') {
    await replica.login(page, account);
    await closeSignInPrompt(page);
  }

  it('shows the host’s prompts after sign-in while members are uncertified', async () => {
    await replica.login(page, 'tzb');
    const prompt = page.locator('.login-prompt');
    await expect.poll(() => prompt.innerText()).toContain('组织内有团员档案尚未上传');
    expect(await prompt.innerText()).toContain('组织内有团员身份尚未认证');
    await closeSignInPrompt(page);
  });

  it('enters a new member; the prompt leads to 团员电子数据库, where the row says 尚未认证 / 否 / 上传档案', async () => {
    await page.locator('.el-menu-item', { hasText: '团员录入' }).click();
    await page.getByPlaceholder('请输入姓名').fill(member.name);
    await page.getByPlaceholder('请输入18位身份证号').fill(member.idCard);
    const date = page.getByPlaceholder('请选择入团时间');
    await date.fill(joinedOn);
    await date.press('Enter');
    await page.getByPlaceholder('2017年以后发展的团员必填，12位').fill(member.devNumber);
    await page.getByRole('button', { name: '提交' }).click();
    const box = page.locator('.el-message-box');
    await expect.poll(() => box.innerText()).toContain('须上传电子版《入团志愿书》');
    await box.getByRole('button', { name: '确定' }).click();
    await page.waitForURL(`**${LIST}`);
    await page.getByPlaceholder('请输入姓名').fill(member.name);
    await page.getByRole('button', { name: '查询' }).click();
    await row().waitFor();
    const cells = await cellTexts();
    expect(cells).toEqual(expect.arrayContaining([member.name, member.devNumber, joinedOn, '尚未认证']));
    expect(cells).toContain('否 上传档案');
  });

  it('imports a batch with new members: the §5.1 prompt, then the jump to 团员电子数据库', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('团员信息');
    ws.addRow(TEMPLATE_COLUMNS.map(([, label]) => label));
    const id = (birth: string, seq: string) => `110105${birth}${seq}${idCardCheckDigit(`110105${birth}${seq}`)}`;
    ws.addRow(['批量甲', '女', '汉族', id(`${Number(year) - 16}0505`, '002'), '', joinedOn, `${year}11889902`]);
    ws.addRow(['批量乙', '男', '汉族', id(`${Number(year) - 16}0606`, '003'), '', joinedOn, `${year}11889903`]);
    ws.addRow(['批量丙', '男', '汉族', id('20030707', '005'), '', '2019-05-04', '201911889904']);
    await page.goto(replica.url('/zhtj/center/tuanyuan/add'));
    await page.locator('.el-tabs__item', { hasText: '批量导入' }).click();
    await page.locator('.import-upload input[type=file]').setInputFiles({
      name: '团员.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    const box = page.locator('.el-message-box');
    await expect.poll(() => box.innerText()).toContain('本次录入的团员中有2名2020年及以后新发展的团员');
    await box.getByRole('button', { name: '确定' }).click();
    await page.waitForURL(`**${LIST}`);
    await page.getByPlaceholder('请输入姓名').fill('批量');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.el-table__body-wrapper tr.el-table__row').count()).toBe(3);
  });

  it('uploads the 12-page form through el-upload: 尚未认证 / 是 / 审批中', async () => {
    await openOwnList();
    await upload('上传档案', { name: '入团志愿书.pdf', buffer: form12 });
    await expect.poll(() => message('success').innerText()).toBe('上传成功，请等待上级团委审批');
    await expect.poll(async () => (await cellTexts()).includes('是')).toBe(true);
    expect(await row().locator('.upload-cell .el-button').count()).toBe(0);
    await row().locator('.status-icon').hover();
    await expect.poll(() => page.locator('.el-tooltip__popper:visible').innerText()).toBe('审批中');
  });

  it('the 团委 rejects it in 操作中心 with a required reason, after checking the info and the PDF', async () => {
    await signInAs('tw');
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    await page.locator('.type-filter').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '团员电子档案审批' }).first().click();
    const item = page.locator('.el-table__body-wrapper tr.el-table__row', {
      hasText: `团员电子档案审批：${member.name}`,
    });
    await item.getByRole('button', { name: '审批' }).click();
    const dialog = page.locator('.audit-dialog');
    await expect.poll(() => dialog.innerText()).toContain(member.idCard);
    expect(await dialog.innerText()).toContain(member.devNumber);
    const href = await dialog.locator('.file-view').getAttribute('href');
    // Fetched by the page itself: the host name maps to the replica only inside Chromium.
    const viewed = await page.evaluate(async (url) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');
    }, href!);
    expect(viewed).toBe(createHash('sha256').update(form12).digest('hex'));
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('.file-download').click()]);
    expect(download.suggestedFilename()).toBe('入团志愿书.pdf');

    await dialog.getByRole('button', { name: '不同意', exact: true }).click();
    await expect.poll(() => message('warning').innerText()).toBe('请填写不同意的理由');
    await dialog.locator('textarea').fill(REASON);
    await dialog.getByRole('button', { name: '不同意', exact: true }).click();
    await expect.poll(() => message('success').innerText()).toBe('审批成功');
  });

  it('the branch sees 认证不通过 with 替换档案, and the reason in its 操作中心 feedback', async () => {
    await signInAs('tzb');
    await openOwnList();
    const cells = await cellTexts();
    expect(cells).toContain('认证不通过');
    expect(cells).toContain('是 替换档案');
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    const feedback = page.locator('.el-table__body-wrapper tr.el-table__row', {
      hasText: `团员电子档案审批结果：${member.name}`,
    });
    await feedback.getByRole('button', { name: '查看' }).click();
    await expect
      .poll(() => page.locator('.message-dialog .message-content').innerText())
      .toBe(
        `您提交的团员电子档案未通过上级团组织审核，理由为：'${REASON}'。请根据上级审核意见重新修改并上传新的文件。`,
      );
  });

  it('the branch replaces the file; the 团委 approves in 下级团员电子档案审批; the member is 团员身份已认证', async () => {
    await openOwnList();
    await upload('替换档案', { name: '入团志愿书-补正.pdf', buffer: form12 });
    await expect.poll(() => message('success').innerText()).toBe('上传成功，请等待上级团委审批');
    await expect.poll(async () => (await cellTexts()).includes('尚未认证')).toBe(true);

    await signInAs('tw');
    await page.locator('.el-menu-item', { hasText: '下级团员电子档案审批' }).click();
    const item = page
      .locator('.el-table__body-wrapper tr.el-table__row', { hasText: member.name })
      .filter({ hasText: '待审批' });
    await item.getByRole('button', { name: '审批' }).click();
    await page.locator('.audit-dialog').getByRole('button', { name: '同意', exact: true }).click();
    await expect.poll(() => message('success').innerText()).toBe('审批成功');

    await signInAs('tzb');
    await openOwnList();
    const cells = await cellTexts();
    expect(cells).toContain('团员身份已认证');
    expect(cells).toContain('是');
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    await expect
      .poll(() => page.locator('.el-table__body-wrapper').innerText())
      .toContain('您提交的团员电子档案已通过上级团组织审核。');
  });
});
