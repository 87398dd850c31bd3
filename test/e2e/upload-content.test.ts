/**
 * The form's content in Chromium on the replica, with the production build (issue 14): a filled-in
 * 《入团志愿书》 (generated: printed labels, Kai handwriting, scanned) whose written name is not the
 * member's is held at 上传档案 with the picture verdict first, then the content finding
 * `name-mismatch` with its evidence (the page's thumbnail with the region boxed, the crop, “读到：”
 * and the name as written); uploaded anyway, the same file at 审批 fills the checklist's 姓名 and
 * 日期顺序 items from the reading.
 */
import type { Page } from 'playwright-core';
import { ISSUE_LABELS } from '../../shared/pdf/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FAMILIES, contentForm, type ContentForm } from '../fixtures/content/generate';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';
import { choose, openUpload, recordsOf, uploadable, verdictOf, type ReplicaMember } from '../bench/fixes-support';

let replica: Replica;
let browser: ExtensionBrowser;
let page: Page;
let member: ReplicaMember;
let form: ContentForm;

/** Reading a 12-page form takes a minute on a loaded 2-core machine; the picture verdict comes first. */
const CONTENT_WAIT_MS = 240_000;

beforeAll(async () => {
  replica = await startReplica({ seed: 73, size: 40 });
  browser = await launchWithExtension({ args: replica.chromiumArgs });
  const kit = await FixtureKit.open(browser.context);
  form = await contentForm(
    kit,
    CONTENT_FAMILIES.find((f) => !f.heldOut)!,
    'clean',
    7,
  );
  page = await browser.context.newPage();
  await replica.login(page, 'tzb');
  member = (await uploadable(replica)).find((m) => m.name !== form.truth.name)!;
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

describe('the form’s content at upload and at 审批', () => {
  it('shows name-mismatch after the picture verdict, with the crop that was read and what it says', async () => {
    const dialog = await openUpload(page, replica, member.name);
    await choose(dialog, '入团志愿书.pdf', form.pdf);
    expect(['pass', 'warn', 'fail']).toContain(await verdictOf(dialog));
    const finding = dialog.locator('.laa-upload-panel ul.issues li[data-code="name-mismatch"]');
    await finding.waitFor({ timeout: CONTENT_WAIT_MS });
    expect(await finding.innerText()).toContain(member.name);
    const evidence = finding.locator('.evidence figure');
    expect(await evidence.count()).toBeGreaterThan(0);
    const shown = await evidence.allInnerTexts();
    expect(shown.some((t) => t.includes(`读到：${form.truth.name}`))).toBe(true);
    // The page's thumbnail with the region boxed, and the crop itself.
    const first = evidence.first();
    expect(await first.locator('.thumb img').getAttribute('src')).toMatch(/^(data|blob):/);
    expect(await first.locator('.thumb .box').count()).toBe(1);
    expect(await first.locator('img.crop').getAttribute('src')).toMatch(/^(data|blob):/);

    const panel = dialog.locator('.laa-upload-panel');
    await panel.getByRole('button', { name: '仍要上传…' }).click();
    await panel.locator('textarea').fill('表上姓名为曾用名，已与上级团委确认');
    await panel.getByRole('button', { name: '确认仍要上传' }).click();
    await dialog.getByRole('button', { name: '确定上传' }).click();
    await expect.poll(() => recordsOf(replica, member.userId).length).toBe(1);
  }, 300_000);

  it('fills the 审批 checklist’s 姓名 and 日期顺序 items from the same reading', async () => {
    await replica.login(page, 'tw');
    await closeSignInPrompt(page);
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    const item = page.locator('.el-table__body-wrapper tr.el-table__row', {
      hasText: `团员电子档案审批：${member.name}`,
    });
    await item.getByRole('button', { name: '审批' }).click();
    const dialog = page.locator('.audit-dialog');
    const help = dialog.locator('.laa-approval-help');
    const nameItem = help.locator('li[data-item="name"]');
    await nameItem.waitFor();
    expect(await nameItem.getAttribute('data-state')).toBe('unknown');
    const panel = dialog.locator('.laa-upload-panel');
    await panel.getByRole('button', { name: '检查此 PDF' }).click();
    await verdictOf(dialog);
    await panel.locator('ul.issues li[data-code="name-mismatch"]').waitFor({ timeout: CONTENT_WAIT_MS });
    // The checklist reads the kept check back: its 姓名 item names the finding, 日期顺序 is ticked.
    await expect
      .poll(() => nameItem.innerText(), { timeout: 30_000, interval: 1000 })
      .toContain(ISSUE_LABELS['name-mismatch']);
    expect(['problem', 'unknown']).toContain(await nameItem.getAttribute('data-state'));
    expect(await help.locator('li[data-item="dates"]').getAttribute('data-state')).toBe('ok');
  }, 300_000);
});
