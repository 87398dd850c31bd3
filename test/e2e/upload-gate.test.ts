/**
 * The gate at 上传档案 in Chromium on the replica, with the production build: a file the check
 * fails is held with its report and nothing reaches the host; 仍要上传 lets it through and is
 * kept with its reason; a clean scan goes through with a small confirmation and the host uploads
 * it exactly once; a form whose page-1 number differs is held and marks the row's 编号; several
 * files are explained; with the feature switched off the host is left as it is.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderForm } from '../replica/backend/placeholderPdf';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';
import {
  askBackground,
  choose,
  formOf,
  hostChosen,
  issueCodes,
  openList,
  openUpload,
  recordsOf,
  uploadable,
  verdictOf,
  type ReplicaMember,
} from '../bench/fixes-support';

let replica: Replica;
let browser: ExtensionBrowser;
let kit: FixtureKit;
let page: Page;
let members: ReplicaMember[];
let placeholder: Uint8Array;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  replica = await startReplica({ seed: 61, size: 60 });
  browser = await launchWithExtension({ args: replica.chromiumArgs });
  kit = await FixtureKit.open(browser.context);
  page = await browser.context.newPage();
  await replica.login(page, 'tzb');
  members = await uploadable(replica);
  expect(members.length).toBeGreaterThanOrEqual(6);
  placeholder = await placeholderForm({ userCode: members[0]!.userCode });
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

const message = (kind: 'success' | 'error' | 'warning') => page.locator(`.el-message--${kind}`).last();

describe('the upload gate', () => {
  it('holds a file that would be rejected, with its report; the host sends nothing', async () => {
    const m = members[0]!;
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书.pdf', placeholder);
    expect(await verdictOf(dialog)).toBe('fail');
    const codes = await issueCodes(dialog);
    expect(codes).toContain('not-scanned@1');
    expect(await dialog.locator('.laa-upload-panel .panel').innerText()).toContain('已拦下');
    // Twelve page tiles, the typed ones marked.
    expect(await dialog.locator('.laa-upload-panel .page').count()).toBe(12);
    expect(await dialog.locator('.laa-upload-panel .page.bad').count()).toBeGreaterThan(0);
    expect(await hostChosen(dialog)).toEqual([]);
    await dialog.getByRole('button', { name: '确定上传' }).click();
    await expect.poll(() => message('warning').innerText()).toBe('请选择要上传的文件');
    expect(recordsOf(replica, m.userId)).toHaveLength(0);
  });

  it('仍要上传 with a reason lets it through; the host uploads it once and the reason is kept', async () => {
    const m = members[0]!;
    const dialog = page.locator('.upload-dialog');
    const panel = dialog.locator('.laa-upload-panel');
    await panel.getByRole('button', { name: '仍要上传…' }).click();
    const confirm = panel.getByRole('button', { name: '确认仍要上传' });
    expect(await confirm.isDisabled()).toBe(true);
    await panel.locator('textarea').fill('纸质原件为打印件，已与上级团委确认先行上传');
    await confirm.click();
    await expect.poll(() => hostChosen(dialog)).toEqual(['入团志愿书.pdf']);
    await dialog.getByRole('button', { name: '确定上传' }).click();
    // The record, not the message: an earlier upload's message may still be on screen.
    await expect.poll(() => recordsOf(replica, m.userId).length).toBe(1);
    expect(await message('success').innerText()).toBe('上传成功，请等待上级团委审批');
    const records = recordsOf(replica, m.userId);
    expect(records).toHaveLength(1);
    expect(records[0]!.sha256).toBe(sha(placeholder));
    const overrides = await askBackground<
      { reason: string; member: { name: string; devNumber: string }; verdict: string; codes: string[] }[]
    >(browser, 'preflightOverrides', {});
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      reason: '纸质原件为打印件，已与上级团委确认先行上传',
      verdict: 'fail',
      member: { name: m.name, devNumber: m.userCode },
    });
    expect(overrides[0]!.codes).toContain('not-scanned');
  });

  it('lets a clean scan go with a small confirmation; the host uploads exactly that file once', async () => {
    const m = members[1]!;
    const form = await formOf(kit, m.userCode, { family: 'scanner', seed: 21 });
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '张三-入团志愿书.pdf', form);
    expect(await verdictOf(dialog)).toBe('pass');
    expect(await dialog.locator('.laa-upload-panel .summary').innerText()).toContain(`首页编号 ${m.userCode}`);
    await expect.poll(() => hostChosen(dialog)).toEqual(['张三-入团志愿书.pdf']);
    await dialog.getByRole('button', { name: '确定上传' }).click();
    // The record, not the message: an earlier upload's message may still be on screen.
    await expect.poll(() => recordsOf(replica, m.userId).length).toBe(1);
    expect(await message('success').innerText()).toBe('上传成功，请等待上级团委审批');
    const records = recordsOf(replica, m.userId);
    expect(records).toHaveLength(1);
    expect(records[0]!.sha256).toBe(sha(form));
  });

  it('holds a form whose first page carries another number, and marks the row’s 编号 (§5.8)', async () => {
    const m = members[2]!;
    const other = `${m.userCode.slice(0, 4)}${String((Number(m.userCode.slice(4)) + 4_321_987) % 1e8).padStart(8, '0')}`;
    const form = await formOf(kit, other, { family: 'scanner', seed: 22 });
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书.pdf', form);
    expect(await verdictOf(dialog)).toBe('fail');
    expect(await issueCodes(dialog)).toContain('number-mismatch@1');
    expect(await dialog.locator('.laa-upload-panel .panel').innerText()).toContain(
      `首页编号 ${other} 与系统内发展团员编号 ${m.userCode} 不一致`,
    );
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = await openList(page, replica, m.name);
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('与志愿书首页不一致');
    expect(recordsOf(replica, m.userId)).toHaveLength(0);
  });

  it('explains that the guide wants exactly one PDF when several files come at once', async () => {
    const m = members[3]!;
    const dialog = await openUpload(page, replica, m.name);
    await dialog.locator('input[type=file]').evaluate((input: HTMLInputElement) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['%PDF-1.4 a'], '第1-6页.pdf', { type: 'application/pdf' }));
      dt.items.add(new File(['%PDF-1.4 b'], '第7-12页.pdf', { type: 'application/pdf' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await verdictOf(dialog)).toBe('fail');
    expect(await dialog.locator('.laa-upload-panel .panel').innerText()).toContain(
      '您选择了 2 个文件。《指引》要求每名团员上传 1 份 PDF',
    );
    expect(await hostChosen(dialog)).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('checks a file dropped on Element’s drag area the same way, then hands it over', async () => {
    await replica.setVariant({ uploadDrag: true });
    try {
      const m = members[4]!;
      const form = await formOf(kit, m.userCode, { family: 'scanner', seed: 23 });
      await page.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
      const dialog = await openUpload(page, replica, m.name);
      const dragger = dialog.locator('.el-upload-dragger');
      expect(await dragger.count()).toBe(1);
      await dragger.evaluate((el, b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], '拖入的志愿书.pdf', { type: 'application/pdf' }));
        el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      }, Buffer.from(form).toString('base64'));
      expect(await verdictOf(dialog)).toBe('pass');
      await expect.poll(() => hostChosen(dialog)).toEqual(['拖入的志愿书.pdf']);
      await dialog.getByRole('button', { name: '确定上传' }).click();
      await expect.poll(() => recordsOf(replica, m.userId).map((r) => r.sha256)).toEqual([sha(form)]);
      expect(await message('success').innerText()).toBe('上传成功，请等待上级团委审批');
    } finally {
      await replica.setVariant({ uploadDrag: false });
    }
  });

  it('leaves the host as it is when the check is switched off', async () => {
    await askBackground(browser, 'setSettings', { features: { 'upload-check': false } });
    try {
      const m = members[5]!;
      await page.reload();
      const row = await openList(page, replica, m.name);
      await row.getByRole('button', { name: '上传档案' }).click();
      const dialog = page.locator('.upload-dialog');
      await dialog.waitFor();
      await choose(dialog, '入团志愿书.pdf', await placeholderForm({ userCode: m.userCode }));
      await expect.poll(() => hostChosen(dialog)).toEqual(['入团志愿书.pdf']);
      expect(await page.locator('.laa-upload-panel').count()).toBe(0);
      await dialog.getByRole('button', { name: '取消' }).click();
    } finally {
      await askBackground(browser, 'setSettings', { features: { 'upload-check': true } });
    }
  });

  it('checks the PDF the host shows in the 审批 dialog with one click, against the member’s 编号 (§3.3.1, §5.8)', async () => {
    const m = members[1]!;
    await replica.login(page, 'tw');
    await closeSignInPrompt(page);
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    const item = page.locator('.el-table__body-wrapper tr.el-table__row', { hasText: `团员电子档案审批：${m.name}` });
    await item.getByRole('button', { name: '审批' }).click();
    const dialog = page.locator('.audit-dialog');
    await dialog.locator('.laa-upload-panel').waitFor();
    await dialog.locator('.laa-upload-panel').getByRole('button', { name: '检查此 PDF' }).click();
    expect(await verdictOf(dialog)).toBe('pass');
    const text = await dialog.locator('.laa-upload-panel .panel').innerText();
    expect(text).toContain('检查通过');
    expect(text).toContain(`首页编号 ${m.userCode}`);
    expect(text).toContain('12 页');
    // Only looked at: the record is still waiting for the reviewer's decision.
    expect(recordsOf(replica, m.userId)[0]!.status).toBe(1);
  });
});
