/**
 * The overlay around the lists, in Chromium with the production build on the replica: the
 * reviewer's reason read from 操作中心 and shown on the list, the members behind the sign-in
 * prompts (choosing one runs the host's own search), graduating members, and the confirmation
 * before transferring an uncertified member (§4.4, §5.4).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDevNumber } from '../../shared/domain/devNumber';
import type { ChinaDate } from '../../shared/domain/types';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { apiMembers, CHIP_WORDS, choosePageSize, expectedBadge, readOverlay } from '../support/overlay';
import { startReplica, type AccountName, type Replica } from '../support/replica';

const LIST = '/zhtj/center/tuanyuan/recordlist';

describe('guards and lists around the tables', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    replica = await startReplica({ seed: 5, size: 45 });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  /** A fresh tab signed in as `account` (the host shows its sign-in prompts once per tab). */
  async function signedIn(account: AccountName): Promise<Page> {
    const page = await browser.context.newPage();
    await replica.login(page, account);
    return page;
  }
  async function openList(page: Page, path = LIST) {
    await page.goto(replica.url(path));
    await page.locator('tr.el-table__row [data-laa-mark]').first().waitFor();
    await page.waitForTimeout(400);
  }

  it('reads the reviewer’s reason from 操作中心 and shows it with 认证不通过 on the list', async () => {
    const page = await signedIn('tzb');
    const messages: { messageTitle: string; messageContent: string }[] = [];
    for (let p = 1; ; p++) {
      const r = await replica.api<{ list: typeof messages; total: number }>('message/list', {
        messageType: -1,
        pageNo: p,
      });
      messages.push(...r.results.list);
      if (messages.length >= r.results.total) break;
    }
    const reasons = new Map(
      messages.flatMap((m) => {
        const reason = /理由为：'(.*)'。/.exec(m.messageContent)?.[1];
        return reason ? [[m.messageTitle.split('：')[1]!, reason] as const] : [];
      }),
    );
    expect(reasons.size).toBeGreaterThan(0);
    await page.goto(replica.url('/zhtj/center/operationcenter'));
    // Every page of 操作中心, the way an admin reads them.
    for (;;) {
      await page.locator('tr.el-table__row').first().waitFor();
      await page.waitForTimeout(300);
      const next = page.locator('.el-pagination .btn-next');
      if (await next.isDisabled()) break;
      await next.click();
    }
    await openList(page);
    await choosePageSize(page, 50, 45);
    const members = await apiMembers(replica);
    const rows = await readOverlay(page);
    const rejected = members.filter((m) => m.archiveState === 'rejected' && reasons.has(m.name));
    expect(rejected.length).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const now = await readOverlay(page);
        return rejected.map((m) => now[members.indexOf(m)]!.marks['status-chip']?.[0]);
      })
      .toEqual(rejected.map((m) => `认证不通过理由：${reasons.get(m.name)}`));
    for (const [i, m] of members.entries())
      if (m.archiveState !== 'rejected') expect(rows[i]!.marks['status-chip']?.[0]).not.toContain('理由');
    await page.close();
  });

  it('lists the members behind the sign-in prompts; choosing one runs the host’s own search for its 编号', async () => {
    // The list comes from the rows kept locally: the test before read all 45 at 50 a page.
    const members = await apiMembers(replica);
    const notUploaded = members.filter((m) => m.archiveState === 'none');
    const page = await signedIn('tzb');
    const dialog = page.locator('.el-dialog__wrapper', { hasText: '组织内有团员档案尚未上传' });
    await dialog.locator('[data-laa-prompt-list]').waitFor();
    const list = dialog.locator('[data-laa-prompt-list]');
    await expect.poll(() => list.locator('button').count()).toBeGreaterThanOrEqual(notUploaded.length);
    const text = await list.evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(text).toContain(`档案尚未上传的团员（${notUploaded.length} 人`);
    for (const m of notUploaded) expect(text).toContain(m.name);
    const target = notUploaded[notUploaded.length - 1]!;
    await list
      .locator('button', { hasText: target.userCode || target.name })
      .first()
      .click();
    await page.waitForURL('**' + LIST);
    await expect
      .poll(() => page.locator('.el-form-item', { hasText: '发展团员编号' }).locator('input').inputValue())
      .toBe(target.userCode);
    await expect
      .poll(async () => (await readOverlay(page)).map((r) => r.name))
      .toEqual(members.filter((m) => m.userCode.includes(target.userCode)).map((m) => m.name));
    await page.close();
  });

  it('marks graduating members: a 毕业班团支部’s from its 组织类型, and members the admin marks', async () => {
    const byb = await signedIn('byb');
    await byb.locator('.el-descriptions').waitFor();
    await byb.waitForTimeout(300);
    await openList(byb);
    const members = (await apiMembers(replica, 'tuanyuan/list', 'byb')).slice(0, 10);
    await expect
      .poll(async () => (await readOverlay(byb)).map((r) => r.marks['graduation-check']?.[0]))
      .toEqual(
        members.map((m) =>
          m.archiveState === 'certified' || m.archiveState === 'exempt' ? '毕业年级' : '毕业前须完成认证',
        ),
      );
    await byb.close();

    const tzb = await signedIn('tzb');
    await openList(tzb);
    expect((await readOverlay(tzb)).some((r) => r.marks['graduation-check'])).toBe(false);
    const own = await apiMembers(replica);
    const i = own.slice(0, 10).findIndex((m) => m.archiveState === 'none');
    await tzb.locator('.laa-bar button', { hasText: '选择团员' }).click();
    await tzb.locator('.el-table__body-wrapper tr.el-table__row').nth(i).locator('input.laa-select').check();
    await tzb.locator('.laa-bar button', { hasText: '标记为毕业年级' }).click();
    await expect
      .poll(async () =>
        (await readOverlay(tzb)).map((r, j) => (r.marks['graduation-check'] ? j : -1)).filter((j) => j >= 0),
      )
      .toEqual([i]);
    expect((await readOverlay(tzb))[i]!.marks['graduation-check']).toEqual(['毕业前须完成认证']);
    await tzb.close();
  });

  it('marks 下级支部团员电子数据库 (with 所在团组织) and 本级团干部电子数据库 the same way', async () => {
    const page = await signedIn('tw');
    for (const [path, api] of [
      ['/zhtj/center/tuanyuantw/memberlist', 'tuanyuantw/list'],
      ['/zhtj/center/tuangan/recordlist', 'tuangan/list'],
    ] as const) {
      await openList(page, path);
      const members = (await apiMembers(replica, api, 'tw')).slice(0, 10);
      const rows = await readOverlay(page);
      expect(
        rows.map((r) => r.name),
        path,
      ).toEqual(members.map((m) => m.name));
      expect(
        rows.map((r) => r.marks['status-chip']?.[0]?.replace(/理由：.*$/, '')),
        path,
      ).toEqual(members.map((m) => CHIP_WORDS[m.archiveState]));
      expect(
        rows.map((r) => r.marks['deadline-badge']?.[0] ?? null),
        path,
      ).toEqual(members.map((m) => expectedBadge(m)));
    }
    // 下级团员电子档案审批 has no 团员身份认证 column: only the 编号 checks run, and no empty bar shows.
    await page.goto(replica.url('/zhtj/center/manage/memberrecordaudit'));
    await page.locator('tr.el-table__row').first().waitFor();
    await page.waitForTimeout(400);
    const audits = (
      await replica.api<{ list: { member: { userCode: string; joinLeagueTime: string } }[] }>(
        'memberRecord/auditList',
        { pageNo: 1, pageSize: 10, status: -1 },
        'tw',
      )
    ).results.list;
    const seen = await readOverlay(page);
    expect(seen.length).toBe(audits.length);
    seen.forEach((r, i) => {
      expect(Object.keys(r.marks).filter((k) => k !== 'dev-number-check')).toEqual([]);
      if (checkDevNumber(audits[i]!.member.userCode, audits[i]!.member.joinLeagueTime as ChinaDate).length)
        expect(r.marks['dev-number-check']).toHaveLength(1);
    });
    expect(await page.locator('.laa-bar').count()).toBe(0);
    await page.close();
  });

  it('asks before a transfer of an uncertified member and explains §4.4 / §5.4; a certified one goes straight through', async () => {
    const page = await signedIn('byb');
    await page.goto(replica.url('/zhtj/center/manage/managetransfer'));
    await page.locator('tr.el-table__row').first().waitFor();
    await page.waitForTimeout(400);
    const rows = page.locator('.el-table__body-wrapper tr.el-table__row');
    const members = (await apiMembers(replica, 'tuanyuan/list', 'byb')).slice(0, await rows.count());
    const uncertified = members.findIndex(
      (m) => m.archiveState === 'none' || m.archiveState === 'pending' || m.archiveState === 'rejected',
    );
    const fine = members.findIndex((m) => m.archiveState === 'certified' || m.archiveState === 'exempt');
    expect(uncertified).toBeGreaterThanOrEqual(0);
    expect(fine).toBeGreaterThanOrEqual(0);
    const seen = await readOverlay(page);
    expect(seen[uncertified]!.marks['transfer-guard']).toEqual(['转接前须认证']);
    expect(seen[fine]!.marks['transfer-guard']).toBeUndefined();

    const ours = page.locator('[data-laa-dialog]');
    const hosts = page.locator('.transfer-dialog');
    await rows.nth(uncertified).getByRole('button', { name: '发起转接' }).click();
    await expect.poll(() => ours.count()).toBe(1);
    const said = await ours.evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(said).toContain(members[uncertified]!.name);
    expect(said).toContain('§4.4');
    expect(said).toContain('§5.4');
    expect(await hosts.isVisible()).toBe(false);
    await page.locator('[data-laa-dialog] >> internal:role=button[name="先去认证"]').click();
    expect(await ours.count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await hosts.isVisible()).toBe(false);

    await rows.nth(uncertified).getByRole('button', { name: '发起转接' }).click();
    await page.locator('[data-laa-dialog] >> internal:role=button[name="仍要发起"]').click();
    await hosts.waitFor({ state: 'visible' });
    await hosts.getByRole('button', { name: '取消' }).click();
    await hosts.waitFor({ state: 'hidden' });

    await rows.nth(fine).getByRole('button', { name: '发起转接' }).click();
    await hosts.waitFor({ state: 'visible' });
    expect(await ours.count()).toBe(0);
    await page.close();
  });
});
