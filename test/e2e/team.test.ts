/**
 * The team, end to end: the real worker (wrangler dev --local), the replica, and the production
 * build in two Chromium profiles — a 团委 (committee) admin and a 团支部 (branch) admin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../shared/domain/chinaDate';
import { countMembers, urgentCount } from '../../shared/domain/urgency';
import type { CertStatus } from '../../shared/domain/types';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { apiMembers, choosePageSize, type ApiMember } from '../support/overlay';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';
import { toolbarState } from '../support/toolbar';
import {
  connectFromOptions,
  createReplicaTenant,
  observerToken,
  optionsUrl,
  popupUrl,
  REPLICA_TREE_CSV,
  startTeamWorker,
  syncUntilIdle,
  teamStatus,
  type TeamWorker,
} from './team-harness';

/** docs/screenshots when asked (LAA_SCREENSHOTS=1), else a scratch folder: a test run leaves the checkout alone. */
const SHOTS = process.env.LAA_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'laa-shots-'));
const STATUS: Record<ApiMember['archiveState'], CertStatus> = {
  exempt: 'notUploaded',
  none: 'notUploaded',
  pending: 'pending',
  rejected: 'rejected',
  certified: 'certified',
};

let replica: Replica;
let worker: TeamWorker;
let committee: ExtensionBrowser;
let branch: ExtensionBrowser;
let observer: string;
let tenantId: string;
const profiles: string[] = [];

beforeAll(async () => {
  [replica, worker] = await Promise.all([startReplica({ seed: 8, size: 40 }), startTeamWorker()]);
  const t = await createReplicaTenant(worker);
  tenantId = t.tenantId;
  observer = await observerToken(worker, tenantId);
  for (let i = 0; i < 2; i++) profiles.push(mkdtempSync(join(tmpdir(), 'laa-team-profile-')));
  committee = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profiles[0] });
  branch = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profiles[1] });
  (globalThis as { firstInvite?: string }).firstInvite = t.code;
}, 180_000);

afterAll(async () => {
  await Promise.all([committee?.close(), branch?.close()]);
  await Promise.all([worker?.close(), replica?.close()]);
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

async function text(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  await el.waitFor();
  return ((await el.textContent()) ?? '').trim();
}

/** The numbers the popup shows in its tiles. */
async function popupTiles(page: Page): Promise<Record<string, number>> {
  await page.locator('[data-tile]').first().waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-tile]'), (t) => [
        t.dataset.tile!,
        Number(t.querySelector('.n')!.textContent),
      ]),
    ),
  );
}

const tilesOf = (c: Record<string, number>) => ({
  已逾期: c.overdue! + c.maybeOverdue!,
  今日截止: c.dueToday!,
  '3日内到期': c.within3!,
  尚未上传: c.notUploaded!,
  认证不通过: c.rejected!,
  待审批: c.pending!,
});

describe('a committee and a branch admin, each in their own profile', () => {
  let committeePage: Page;
  let branchPage: Page;
  let branchCode = '';

  it('the committee joins with the first invite, imports its tree and invites the branch from the options page', async () => {
    committeePage = await committee.context.newPage();
    await connectFromOptions(
      committeePage,
      committee,
      worker.url,
      (globalThis as { firstInvite?: string }).firstInvite!,
      '团委办公室电脑',
    );
    expect(await text(committeePage, '[data-connected-org]')).toBe('共青团演示市第一中学委员会');
    expect(await text(committeePage, '[data-role]')).toMatch(/团委管理员/);

    await committeePage.locator('summary', { hasText: '导入或更新下级组织' }).click();
    await committeePage.locator('textarea[name=orgCsv]').fill(REPLICA_TREE_CSV);
    await committeePage.getByRole('button', { name: '导入', exact: true }).click();
    await committeePage.getByText('已导入：新增 10 个，更新 0 个组织').waitFor();
    expect(await text(committeePage, '[data-org-id="100123"]')).toContain('高二（3）班团支部');

    // The top committee allows this extension's origin in the team's own settings.
    await committeePage.getByRole('button', { name: '添加本扩展' }).click();
    await committeePage.getByText(`已允许 chrome-extension://${committee.extensionId}`).waitFor();
    expect((await worker.call('/settings', { token: observer })).body.allowedOrigins).toEqual([
      `chrome-extension://${committee.extensionId}`,
    ]);

    // The daily reminder at the chosen China time: its alarm moves with the setting.
    await committeePage.locator('input[name=reminderTime]').fill('07:45');
    await committeePage.getByText('已保存：下次提醒').waitFor();
    const alarm = await committee.background.evaluate(() => chrome.alarms.get('team.daily'));
    expect(
      new Date(alarm!.scheduledTime).toLocaleTimeString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }),
    ).toBe('07:45');

    await committeePage.locator('select[name=inviteOrg]').selectOption('100123');
    await committeePage.locator('select[name=inviteRole]').selectOption('branch');
    await committeePage.getByRole('button', { name: '生成邀请码' }).click();
    branchCode = (await committeePage.locator('[data-invite-code]').first().textContent())!.trim();
    expect(branchCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);

    // A second code, sent to the wrong person: withdrawn from the list before anyone uses it.
    await committeePage.getByRole('button', { name: '生成邀请码' }).click();
    await expect.poll(() => committeePage.locator('[data-invite-code]').count()).toBe(2);
    const wrongCode = (await committeePage.locator('[data-invite-code]').first().textContent())!.trim();
    expect(wrongCode).not.toBe(branchCode);
    await expect.poll(() => committeePage.locator('[data-invite-state=open]').count()).toBe(2);
    committeePage.once('dialog', (d) => void d.accept());
    await committeePage.locator('[data-invite-state=open]').first().getByRole('button', { name: '撤销' }).click();
    await committeePage.getByText('已撤销发给“高二（3）班团支部”的邀请码').waitFor();
    await expect.poll(() => committeePage.locator('[data-invite-state=revoked]').count()).toBe(1);
    const refused = await worker.call('/invites/redeem', { body: { code: wrongCode, label: '拿错邀请码的人' } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invite-revoked');
  });

  it('before joining, the branch’s popup shows what this browser has seen, and says so', async () => {
    const host = await branch.context.newPage();
    await replica.login(host, 'tzb');
    await host.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
    const truth = await apiMembers(replica);
    await choosePageSize(host, 50, truth.length);
    const expected = countMembers(
      truth.map((m) => ({ joinedOn: m.joinLeagueTime, status: STATUS[m.archiveState] })),
      chinaToday(),
    );
    const popup = await branch.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await expect
      .poll(
        async () => {
          await popup.goto(popupUrl(branch));
          return popupTiles(popup);
        },
        { timeout: 15_000 },
      )
      .toEqual(tilesOf(expected));
    expect(await popup.locator('[data-source]').getAttribute('data-source')).toBe('local');
    expect(await popup.locator('footer').innerText()).toContain('本机模式');
    await popup.screenshot({ path: join(SHOTS, 'popup-local.png') });
    await popup.close();
    // Local mode has its badge too, on the host's own (recognised) page.
    await expect
      .poll(async () => (await toolbarState(branch, host)).badge, { timeout: 15_000 })
      .toBe(String(urgentCount(expected)));
    await host.evaluate(() => window.scrollTo(0, 0));
    await host.screenshot({ path: join(SHOTS, 'list-marks.png') });
    await host.close();
  });

  it('the branch joins; what its list showed before reaches the worker, placed in its organisation', async () => {
    branchPage = await branch.context.newPage();
    await connectFromOptions(
      branchPage,
      branch,
      worker.url,
      branchCode.toLowerCase().replace(/-/g, ' '),
      '高二3班电脑',
    );
    expect(await text(branchPage, '[data-connected-org]')).toBe('高二（3）班团支部');
    const truth = await apiMembers(replica);
    await expect.poll(async () => (await teamStatus(branchPage)).sync.lastSyncAt, { timeout: 20_000 }).not.toBeNull();
    await syncUntilIdle(branchPage);

    const rows = worker.d1<{ n: number; keys: number }>(
      'SELECT count(*) AS n, count(DISTINCT key) AS keys FROM members',
    );
    expect(rows[0]).toEqual({ n: truth.length, keys: truth.length });
    const reminders = await worker.call('/reminders/100123', { token: observer });
    const expected = countMembers(
      truth.map((m) => ({ joinedOn: m.joinLeagueTime, status: STATUS[m.archiveState] })),
      chinaToday(),
    );
    expect(reminders.body.counters).toEqual(expected);
  });

  it('the committee’s own reading of 下级支部团员电子数据库 lands on the same members, each in its organisation', async () => {
    const host = await committee.context.newPage();
    await replica.login(host, 'tw');
    await host.goto(replica.url('/zhtj/center/tuanyuantw/memberlist'));
    const truth = await apiMembers(replica, 'tuanyuantw/list', 'tw');
    // Two pages of 100, as an admin would page through them.
    expect(truth.length).toBeGreaterThan(100);
    await choosePageSize(host, 100, 100);
    await host.locator('.el-pagination .btn-next').click();
    await host.waitForFunction(
      (n) => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length === n,
      truth.length - 100,
    );
    await expect
      .poll(async () => (await teamStatus(committeePage)).sync.lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    await syncUntilIdle(committeePage);
    await host.close();

    // Full host names ("…团委高二年级团总支高二（3）班团支部") placed in the team's tree: per organisation
    // as the host has them, and the branch's members not doubled.
    const byOrg = worker.d1<{ org: string; n: number }>(
      'SELECT o.id AS org, count(*) AS n FROM members m JOIN orgs o ON o.seq = m.org_seq GROUP BY o.id ORDER BY o.id',
    );
    const expected = new Map<string, number>();
    const leagueOf = (full: string) =>
      REPLICA_TREE_CSV.split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter(([, name]) => full.endsWith(name!))
        .sort((a, b) => b[1]!.length - a[1]!.length)[0]![0]!;
    for (const m of truth)
      expected.set(leagueOf(m.leagueFullName), (expected.get(leagueOf(m.leagueFullName)) ?? 0) + 1);
    expect(Object.fromEntries(byOrg.map((r) => [r.org, r.n]))).toEqual(Object.fromEntries([...expected].sort()));
    expect(
      worker.d1<{ n: number; keys: number }>('SELECT count(*) AS n, count(DISTINCT key) AS keys FROM members')[0],
    ).toEqual({ n: truth.length, keys: truth.length });
  });

  it('both see the same numbers, equal to the worker’s reminders', async () => {
    const [all, own] = await Promise.all([
      worker.call('/reminders', { token: observer }),
      worker.call('/reminders/100123', { token: observer }),
    ]);
    const cPopup = await committee.context.newPage();
    await cPopup.setViewportSize({ width: 440, height: 600 });
    await cPopup.goto(popupUrl(committee));
    expect(await popupTiles(cPopup)).toEqual(tilesOf(all.body.counters));
    expect(await cPopup.locator('[data-source]').getAttribute('data-source')).toBe('worker');
    // The branch's bar in the committee's popup stands for the branch's own numbers.
    const bar = cPopup.locator('.bar-row[data-org="高二（3）班团支部"]');
    expect(await bar.locator('.total').textContent()).toBe(String(own.body.counters.total - own.body.counters.exempt));
    const segments = await bar
      .locator('[data-segment]')
      .evaluateAll((els) =>
        Object.fromEntries(
          els.map((e) => [(e as HTMLElement).dataset.segment!, Number(/(\d+) 人/.exec(e.getAttribute('title')!)![1])]),
        ),
      );
    const oc = own.body.counters;
    expect(segments).toEqual(
      Object.fromEntries(
        ['overdue', 'maybeOverdue', 'dueToday', 'within3', 'within7', 'later', 'pending', 'certified']
          .filter((b) => oc[b])
          .map((b) => [b, oc[b]]),
      ),
    );
    await cPopup.screenshot({ path: join(SHOTS, 'popup.png'), fullPage: true });

    const bPopup = await branch.context.newPage();
    await bPopup.goto(popupUrl(branch));
    expect(await popupTiles(bPopup)).toEqual(tilesOf(own.body.counters));
    await bPopup.close();

    // The toolbar badge: overdue + possibly overdue + due today.
    const c = all.body.counters;
    await expect
      .poll(async () => (await toolbarState(committee, cPopup)).badge, { timeout: 15_000 })
      .toBe(urgentCount(c) ? String(urgentCount(c)) : '');
    await cPopup.close();
  });

  it('a member’s name in the popup opens 智慧团建 on the right list and runs the host’s search for it', async () => {
    const host = await committee.context.newPage();
    await replica.login(host, 'tw');
    const popup = await committee.context.newPage();
    await popup.goto(popupUrl(committee));
    await popup.locator('[data-tile="已逾期"]').click();
    const first = popup.locator('[data-member]').first();
    await first.waitFor();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.screenshot({ path: join(SHOTS, 'popup-members.png') });
    // The list as an xlsx: one row per member shown, with the Chinese headers.
    const shown = await popup
      .locator('[data-member] .who')
      .evaluateAll((els) => els.map((e) => e.childNodes[0]!.textContent!.trim()));
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^已逾期（含可能逾期）-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toEqual(['姓名', '发展团员编号', '身份证号（脱敏）']);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(shown);
    const meta = (await first.locator('.meta').textContent())!;
    const devNumber = meta.split(' · ')[0]!;
    expect(devNumber).toMatch(/^\d{12}$/);
    await first.click();
    // The host's own list, searched by the host's own form: the one row is that member.
    await host.waitForURL('**/zhtj/center/tuanyuantw/memberlist', { timeout: 20_000 });
    await expect
      .poll(
        () =>
          host.evaluate(() =>
            Array.from(document.querySelectorAll('.el-table__body-wrapper tr.el-table__row')).map(
              (tr) => tr.textContent ?? '',
            ),
          ),
        { timeout: 20_000 },
      )
      .toEqual([expect.stringContaining(devNumber)]);
    await host.close();
  });

  it('the reviewer’s checklist and 不同意 templates in the 审批 dialog; the confirmed decision reaches the team’s audit log', async () => {
    const host = await committee.context.newPage();
    await host.setViewportSize({ width: 1280, height: 1000 });
    await replica.login(host, 'tw');
    await closeSignInPrompt(host);
    await host.locator('.top-tab', { hasText: '操作中心' }).click();
    const item = host
      .locator('.el-table__body-wrapper tr.el-table__row', { hasText: '团员电子档案审批：' })
      .filter({ has: host.getByRole('button', { name: '审批' }) })
      .first();
    await item.getByRole('button', { name: '审批' }).click();
    const dialog = host.locator('.audit-dialog');
    const help = dialog.locator('.laa-approval-help');
    await help.locator('li[data-item]').first().waitFor();
    const states = () =>
      help
        .locator('li[data-item]')
        .evaluateAll((lis) =>
          Object.fromEntries(lis.map((li) => [(li as HTMLElement).dataset.item!, (li as HTMLElement).dataset.state!])),
        );
    expect(Object.values(await states()).every((st) => st === 'unknown' || st === 'problem')).toBe(true);
    const value = (label: string) =>
      dialog
        .locator('.el-descriptions-item__label', { hasText: label })
        .locator('xpath=following-sibling::*[1]')
        .innerText();
    const name = (await value('姓名')).trim();
    const devNumber = (await value('发展团员编号')).trim();
    const idCard = (await value('身份证号')).trim();
    expect(idCard).toMatch(/^\d{17}[\dX]$/);
    expect(await help.locator('li[data-item="name"] .detail').innerText()).toBe(`系统内：${name}`);

    // The reviewer's one-click check fills in what it saw.
    await dialog.locator('.laa-upload-panel').getByRole('button', { name: '检查此 PDF' }).click();
    await expect.poll(async () => (await states()).pages, { timeout: 60_000 }).not.toBe('unknown');
    const checked = await states();
    // The replica's stored forms are typed, not scanned: clarity is a problem, and with no scan to
    // look at, the seal is left to the reviewer rather than called found.
    expect(checked.clarity).toBe('problem');
    // Named by page as the report groups them.
    expect(await help.locator('li[data-item="clarity"] .detail').innerText()).toMatch(/^第 [\d–、]+ 页不是扫描件/);
    expect(checked.seal).toBe('unknown');
    expect(await help.locator('li[data-item="seal"] .detail').innerText()).toBe('没有可检查的扫描页面，请人工核对');

    // 不同意: the reason from the problems (one the reviewer adds by hand), edited in the host's own box.
    await help.locator('li[data-item="dates"]').getByRole('button', { name: '有问题' }).click();
    await help.getByRole('button', { name: '生成不同意理由' }).click();
    const box = dialog.locator('textarea');
    await expect.poll(() => box.inputValue()).toContain('各环节的日期顺序有误');
    const reason = `${await box.inputValue()}\n请于一周内重新上传。`;
    await box.fill(reason);
    await host.screenshot({ path: join(SHOTS, 'approval.png') });
    const decidedAt = Date.now();
    await dialog.getByRole('button', { name: '不同意', exact: true }).click();
    await host.locator('.el-message--success', { hasText: '审批成功' }).waitFor();

    await expect
      .poll(async () => (await syncUntilIdle(committeePage)).sync.lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    const found = await worker.call(`/members/search?by=devNumber&q=${devNumber}`, { token: observer });
    const member = found.body.members.find((m: { name: string }) => m.name === name);
    expect(member).toMatchObject({ status: 'rejected', rejectionReason: reason.slice(0, 500) });
    const audit = await worker.call('/audit?limit=1000', { token: observer });
    // The change the decision made is an entry of the audit chain (a member this browser had not read before is created by it);
    // the chain names the member by an opaque id, the answer by its key.
    const entries = audit.body.entries.filter(
      (e: { action: string; subject: string; member?: string | null; at: string }) =>
        e.member === member.key && /^member\.(create|update)$/.test(e.action) && Date.parse(e.at) >= decidedAt - 2000,
    );
    expect(entries.length).toBeGreaterThanOrEqual(1);
    await host.close();

    // The 身份证号 the dialog showed went to the worker only as its keyed hash: the popup finds the
    // member by it (hashed in the background), and no column of D1 holds the number.
    expect(member.idMasked).toBe(`${idCard.slice(0, 6)}********${idCard.slice(-4)}`);
    expect(
      worker.d1<{ n: number }>(
        `SELECT count(*) AS n FROM members WHERE instr(coalesce(name,'') || coalesce(rejection_reason,'') || coalesce(id_masked,'') || coalesce(id_hash,'') || coalesce(dev_number,''), '${idCard}') > 0`,
      )[0]!.n,
    ).toBe(0);
    const popup = await committee.context.newPage();
    await popup.goto(popupUrl(committee));
    await popup.getByRole('button', { name: '身份证号', exact: true }).click();
    await popup.locator('form[role=search] input').fill(idCard);
    await popup.locator('form[role=search] input').press('Enter');
    await popup.locator('[data-member]').first().waitFor();
    expect(await popup.locator('[data-member] .who').allInnerTexts()).toEqual([expect.stringContaining(name)]);
    expect(await popup.locator('.list-head h2').innerText()).not.toContain(idCard);
    await popup.close();
  });

  it('a modification request goes from the branch’s options page to the committee’s, and the decision is audited', async () => {
    const truth = await apiMembers(replica);
    const target = truth.find((m) => m.archiveState === 'pending') ?? truth[0]!;
    await branchPage.goto(optionsUrl(branch));
    await branchPage.getByRole('button', { name: '提出修改申请' }).click();
    await branchPage.locator('input[name=modMember]').fill(target.userCode);
    await branchPage.getByRole('button', { name: '查找团员' }).click();
    await branchPage.locator('[data-mod-member]').first().click();
    await branchPage.locator('textarea[name=modReason]').fill('首页发展团员编号与系统不一致，需重新扫描上传');
    await branchPage.getByRole('button', { name: '提交修改申请' }).click();
    await branchPage.getByText('已提交，等待上级团委审批').waitFor();

    await committeePage.goto(optionsUrl(committee));
    const item = committeePage.locator('[data-modification]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(target.name);
    // 驳回 needs a reason (§3.3.1): the button waits for one.
    expect(await item.getByRole('button', { name: '驳回' }).isDisabled()).toBe(true);
    await item.getByRole('button', { name: '同意' }).click();
    await committeePage.getByText('没有待审批的修改申请。').waitFor();
    const mods = await worker.call('/modifications', { token: observer });
    expect(mods.body.modifications).toMatchObject([
      { status: 'approved', reason: '首页发展团员编号与系统不一致，需重新扫描上传' },
    ]);
    const audit = await worker.call('/audit?limit=1000', { token: observer });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['modification.request', 'modification.approved']),
    );
    await committeePage.setViewportSize({ width: 1000, height: 900 });
    await committeePage.evaluate(() => window.scrollTo(0, 0));
    await committeePage.screenshot({ path: join(SHOTS, 'options.png') });
    await committeePage.locator('#team-admin').scrollIntoViewIfNeeded();
    await committeePage.evaluate(() => document.querySelector('#team-admin')!.scrollIntoView());
    await committeePage.screenshot({ path: join(SHOTS, 'options-team.png') });
  });

  it('the committee revokes the branch’s token from the options page; the branch is told, nothing is lost', async () => {
    await committeePage.goto(optionsUrl(committee));
    committeePage.once('dialog', (d) => void d.accept());
    await committeePage.locator('tr[data-token="高二3班电脑"]').getByRole('button', { name: '撤销' }).click();
    await committeePage.getByText('已撤销“高二3班电脑”的令牌').waitFor();
    const s = await branchPage.evaluate(() => chrome.runtime.sendMessage({ type: 'teamSyncNow', payload: {} }));
    expect(s.sync.needsAuth).toBe(true);
    expect(s.sync.lastError).toMatch(/令牌/);
    await branchPage.goto(optionsUrl(branch));
    expect(await text(branchPage, '[data-sync-state]')).toMatch(/令牌/);
  });
});
