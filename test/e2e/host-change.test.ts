/**
 * When 智慧团建 changes under us, in Chromium with the production build on the replica's variants:
 * the Element Plus pages work like the Element UI ones; a renamed class, an aliased, unknown or
 * removed column, an unknown header and a list that never loads stop only the features they
 * affect, which say so in the toolbar, and no row is marked wrongly; a signed hotfix relayed by the
 * team's worker switches a feature off and teaches a header without a new build, a forged or
 * expired one is ignored; 页面诊断 of a real list carries no personal data.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHotfixKeyPair } from '../../shared/hotfix/sign';
import type { Variant } from '../replica/variant';
import { openUpload, uploadable } from '../bench/fixes-support';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { DAY_MS, hotfixDoc, trustedTestKey } from '../support/hotfix';
import { apiMembers, readOverlay, type SeenRow } from '../support/overlay';
import { closeSignInPrompt, startReplica, type Replica } from '../support/replica';
import { toolbarState } from '../support/toolbar';
import { connectFromOptions, createReplicaTenant, optionsUrl, popupUrl, startTeamWorker } from './team-harness';

const LIST = '/zhtj/center/tuanyuan/recordlist';
const UI = { kit: 'element-ui' } as const;
const PLUS = { kit: 'element-plus' } as const;
/** A header no vocabulary entry knows, where 团员身份认证 was. */
const STRANGE = { headerLabels: { 团员身份认证: '身份核验情况' } };

let replica: Replica;
let browser: ExtensionBrowser;
let page: Page;
/** The marks of the list on Element UI, unchanged: what every variant is compared against. */
let baseline: SeenRow[];

beforeAll(async () => {
  replica = await startReplica({ seed: 16, size: 30 });
  browser = await launchWithExtension({ args: replica.chromiumArgs });
  page = await browser.context.newPage();
  await replica.login(page, 'tzb');
  baseline = await openList(UI);
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

/** Opens the 团员电子数据库 under a variant and waits until its rows are there and the overlay settled. */
async function openList(variant: Partial<Variant>): Promise<SeenRow[]> {
  await replica.setVariant(variant);
  await page.goto(replica.url(LIST));
  return settledRows();
}
async function settledRows(): Promise<SeenRow[]> {
  await page.locator('.el-table__body-wrapper tr.el-table__row').first().waitFor();
  // The overlay's pass follows the rows: wait until two reads a moment apart agree.
  let last = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(400);
    const now = JSON.stringify(await readOverlay(page));
    if (now === last) break;
    last = now;
  }
  return readOverlay(page);
}
const marksOf = (rows: SeenRow[]) => rows.map((r) => ({ name: r.name, marks: r.marks }));
/** The rows' marks of some features only. */
const only = (rows: SeenRow[], ids: string[]) =>
  rows.map((r) => ({
    name: r.name,
    marks: Object.fromEntries(ids.flatMap((id) => (r.marks[id] ? [[id, r.marks[id]]] : []))),
  }));
const countOf = (rows: SeenRow[], id: string) => rows.filter((r) => r.marks[id]?.length).length;
/** Every mark a row shows is the one it shows on the unchanged page: nothing is marked wrongly. */
function noWrongMark(rows: SeenRow[]): void {
  const byName = new Map(baseline.map((r) => [r.name, r.marks]));
  for (const r of rows)
    for (const [id, texts] of Object.entries(r.marks)) expect(byName.get(r.name)?.[id]).toEqual(texts);
}

describe('Element Plus, the host’s likely next step', () => {
  it('the list shows the same marks as on Element UI, and again after the admin moves between lists', async () => {
    expect(countOf(baseline, 'status-chip')).toBe(baseline.length);
    expect(countOf(baseline, 'deadline-badge')).toBeGreaterThan(0);
    const plus = await openList(PLUS);
    expect(marksOf(plus)).toEqual(marksOf(baseline));
    expect(await page.locator('.laa-bar').count()).toBeGreaterThan(0);
    // Route changes without a page load: away to another list and back through the host's menu.
    await page.locator('.el-menu-item', { hasText: '本级团干部电子数据库' }).click();
    await page.waitForURL('**/zhtj/center/tuangan/recordlist');
    await page
      .locator('.el-menu-item', { hasText: /^团员电子数据库$/ })
      .first()
      .click();
    await page.waitForURL('**' + LIST);
    expect(marksOf(await settledRows())).toEqual(marksOf(baseline));
    expect((await toolbarState(browser, page)).badge).not.toBe('!');
  });

  it('the 上传档案 dialog gets the upload check', async () => {
    await replica.setVariant(PLUS);
    const [m] = await uploadable(replica);
    await page.goto(replica.url(LIST));
    const dialog = await openUpload(page, replica, m!.name);
    expect(await dialog.locator('.laa-upload-panel').count()).toBe(1);
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('the 审批 dialog gets the checklist and the PDF check', async () => {
    await replica.setVariant(PLUS);
    const review = await browser.context.newPage();
    try {
      await replica.login(review, 'tw');
      await closeSignInPrompt(review);
      await review.locator('.top-tab', { hasText: '操作中心' }).click();
      const item = review.locator('.el-table__body-wrapper tr.el-table__row', { hasText: '团员电子档案审批' }).first();
      await item.getByRole('button', { name: '审批' }).click();
      const dialog = review.locator('.el-dialog', { hasText: '团员电子档案审批' });
      await dialog.locator('.laa-upload-panel').waitFor();
      await dialog.locator('.laa-approval-help').waitFor();
      expect((await toolbarState(browser, review)).badge).not.toBe('!');
    } finally {
      await review.close();
      // The browser's session is shared by its tabs: the 团支部 again, for the lists below.
      await replica.login(page, 'tzb');
    }
  });
});

describe('a change the extension does not know stops only what it affects', () => {
  it('a column under a known alias and a new unknown column change nothing', async () => {
    const variants: Partial<Variant>[] = [
      { headerLabels: { 团员身份认证: '认证状态' } },
      { unknownColumn: true },
      { ...PLUS, unknownColumn: true, headerLabels: { 发展团员编号: '发展编号' } },
    ];
    for (const variant of variants) {
      expect(marksOf(await openList(variant)), JSON.stringify(variant)).toEqual(marksOf(baseline));
      const bar = await toolbarState(browser, page);
      expect(bar.badge, bar.title).not.toBe('!');
    }
  });

  it('renamed site classes stop only the feature that reads one (the header’s organisation), saying so', async () => {
    for (const variant of [{ renamedClasses: true }, { ...PLUS, renamedClasses: true, unknownColumn: true }]) {
      const rows = await openList(variant);
      const others = ['status-chip', 'deadline-badge', 'dev-number-check'];
      expect(only(rows, others), JSON.stringify(variant)).toEqual(only(baseline, others));
      noWrongMark(rows);
      const bar = await toolbarState(browser, page);
      expect(bar.badge).toBe('!');
      expect(bar.title).toContain('已在此页停用：毕业年级提醒（页头中没有找到登录的团组织名称）。其他功能照常。');
    }
  });

  it('a removed column stops the feature that reads it, saying which column; the others keep working', async () => {
    const rows = await openList({ hiddenColumns: ['发展团员编号'] });
    expect(countOf(rows, 'dev-number-check')).toBe(0);
    expect(only(rows, ['status-chip', 'deadline-badge'])).toEqual(only(baseline, ['status-chip', 'deadline-badge']));
    noWrongMark(rows);
    const bar = await toolbarState(browser, page);
    expect(bar.badge).toBe('!');
    expect(bar.title).toContain('发展团员编号检查（此列表没有“发展团员编号”列）');
    expect(bar.title).not.toContain('认证状态（');
  });

  it('an unknown header stops the features that need that column; the others keep working', async () => {
    for (const kit of [UI, PLUS]) {
      const rows = await openList({ ...kit, ...STRANGE });
      for (const id of ['status-chip', 'deadline-badge']) expect(countOf(rows, id), id).toBe(0);
      expect(only(rows, ['dev-number-check'])).toEqual(only(baseline, ['dev-number-check']));
      noWrongMark(rows);
      const bar = await toolbarState(browser, page);
      expect(bar.badge).toBe('!');
      for (const label of ['认证状态', '上传时限', '列表统计与筛选'])
        expect(bar.title).toContain(`${label}（此列表没有`);
      expect(bar.title).not.toContain('发展团员编号检查');
    }
  });

  it('a list still loading after 30 s stops the list features, saying so; nothing is marked', async () => {
    // Rows 50 s late: the 30 s watchdog starts when the content script does, which on a busy
    // machine can be seconds after the list's request — the margin keeps the list still loading then.
    await replica.setVariant({ loadDelayMs: 50_000 });
    await page.goto(replica.url(LIST));
    await expect
      .poll(async () => (await toolbarState(browser, page)).title, { timeout: 48_000, interval: 1000 })
      .toContain('团员列表 30 秒仍未加载完成');
    expect((await toolbarState(browser, page)).badge).toBe('!');
    await page.locator('.el-table__body-wrapper tr.el-table__row').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-laa-mark]').count()).toBe(0);
  });
});

describe('a signed hotfix, relayed by the team’s worker', () => {
  let worker: Awaited<ReturnType<typeof startTeamWorker>>;
  let options: Page;

  beforeAll(async () => {
    worker = await startTeamWorker();
    const { code } = await createReplicaTenant(worker);
    options = await browser.context.newPage();
    await connectFromOptions(options, browser, worker.url, code, '团委电脑');
  });
  afterAll(async () => {
    await worker?.close();
  });

  async function relay(doc: unknown): Promise<void> {
    const r = await worker.call('/admin/hotfix', { method: 'PUT', token: worker.secret, body: doc });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  /** 立即检查 in the options page, as an admin does (else the next check is hours away). */
  async function checkNow(): Promise<void> {
    await options.goto(optionsUrl(browser));
    await options.locator('[data-hotfix] .box').waitFor();
    await options.getByRole('button', { name: '立即检查' }).click();
    await options.locator('[data-hotfix] [role=status]', { hasText: '已检查' }).waitFor({ timeout: 30_000 });
  }

  it('switches a feature off and teaches a header, without a new build; options say which and why', async () => {
    await relay(
      await hotfixDoc(trustedTestKey(), 1, [
        {
          versions: {},
          disable: [{ feature: 'deadline-badge', reason: '新版页面的时限计算待核实' }],
          headerAliases: { 'column.certStatus': ['身份核验情况'] },
        },
      ]),
    );
    await checkNow();
    await options.locator('[data-hotfix-kept="1"]').waitFor();
    expect(await options.locator('[data-hotfix-disabled]').innerText()).toContain(
      '暂停“上传时限”：新版页面的时限计算待核实',
    );
    expect(await options.locator('[data-hotfixed]').allInnerTexts()).toEqual([
      '已由修复通知暂停：新版页面的时限计算待核实',
    ]);
    // The admin's own switch stays on: the hotfix only pauses it.
    expect(
      await options
        .locator('label', { has: options.locator('[data-hotfixed]') })
        .locator('input')
        .isChecked(),
    ).toBe(true);

    const rows = await openList({ ...PLUS, ...STRANGE });
    expect(countOf(rows, 'deadline-badge')).toBe(0);
    expect(only(rows, ['status-chip', 'dev-number-check'])).toEqual(
      only(baseline, ['status-chip', 'dev-number-check']),
    );
    noWrongMark(rows);
    expect((await toolbarState(browser, page)).badge).not.toBe('!');
  });

  it('ignores a forged document and an expired one, and lists them in options', async () => {
    const off = (serial: number) => [{ versions: {}, disable: [{ feature: 'status-chip', reason: `通知 ${serial}` }] }];
    await relay(await hotfixDoc(await newHotfixKeyPair(), 2, off(2)));
    await checkNow();
    await expect.poll(() => options.locator('[data-hotfix-refusals]').innerText()).toContain('签名');
    // Valid when relayed, expired when the extension reads it.
    await relay(await hotfixDoc(trustedTestKey(), 3, off(3), { validDays: 3_000 / DAY_MS }));
    await page.waitForTimeout(3_500);
    await checkNow();
    await expect.poll(() => options.locator('[data-hotfix-refusals] li').count()).toBe(2);
    expect(await options.locator('[data-hotfix-refusals]').innerText()).toContain('失效');
    await options.locator('[data-hotfix-kept="1"]').waitFor();

    const rows = await openList({ ...PLUS, ...STRANGE });
    expect(only(rows, ['status-chip'])).toEqual(only(baseline, ['status-chip']));
    expect(countOf(rows, 'deadline-badge')).toBe(0);
  });
});

describe('找出有问题的功能', () => {
  it('finds the feature behind a problem by halves, then puts the admin’s own switches back', async () => {
    const opts = await browser.context.newPage();
    try {
      await opts.goto(optionsUrl(browser));
      const send = (type: string, payload: unknown) =>
        opts.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
      // The admin had switched one feature off themselves.
      await send('setSettings', { features: { 'list-export': false } });
      await opts.reload();
      await opts.getByRole('button', { name: '开始查找' }).click();
      const step = opts.locator('[data-bisect-step]');
      const result = opts.locator('[data-bisect-result]');
      await step.waitFor();
      const most = Number(/最多 (\d+) 步/.exec(await step.innerText())![1]);
      let steps = 0;
      while (!(await result.isVisible())) {
        const asked = await step.innerText();
        steps++;
        // The problem the admin sees: the 认证状态 marks on the list, after a refresh.
        const problem = countOf(await openList(UI), 'status-chip') > 0;
        await opts.getByRole('button', { name: problem ? '问题还在' : '问题不见了' }).click();
        await expect
          .poll(async () => (await result.isVisible()) || (await step.innerText().catch(() => asked)) !== asked)
          .toBe(true);
      }
      expect(await result.innerText()).toContain('找到了：问题由“认证状态”引起');
      expect(steps).toBeLessThanOrEqual(most);
      expect(most).toBeLessThanOrEqual(5);
      const { features } = (await send('getSettings', {})) as { features: Record<string, boolean> };
      expect(features['list-export']).toBe(false);
      expect(Object.entries(features).filter(([id, on]) => !on && id !== 'list-export')).toEqual([]);
      const rows = await openList(UI);
      expect(only(rows, ['status-chip', 'dev-number-check'])).toEqual(
        only(baseline, ['status-chip', 'dev-number-check']),
      );
    } finally {
      await opts.close();
    }
  });
});

describe('页面诊断', () => {
  it('describes a real list page without anyone’s name, number or date', async () => {
    await openList(UI);
    const popup = await browser.context.newPage();
    try {
      await popup.goto(popupUrl(browser));
      await popup.getByRole('button', { name: '页面诊断' }).click();
      const text = await popup.locator('[data-diagnosis]').inputValue({ timeout: 15_000 });
      const d = JSON.parse(text);
      expect(d.pageType).toBe('memberDatabase');
      expect(d.tables[0].headers).toEqual(expect.arrayContaining(['姓名', '发展团员编号', '团员身份认证']));
      expect(Object.keys(d.matched)).toEqual(expect.arrayContaining(['table.root', 'column.certStatus']));
      const members = await apiMembers(replica);
      expect(members.length).toBeGreaterThan(0);
      for (const m of members) {
        expect(text).not.toContain(m.name);
        expect(text).not.toContain(m.userCode);
      }
      expect(text).not.toMatch(/\d{6,}/);
      expect(text).not.toMatch(/\d{4}\s*[-年/.]\s*\d{1,2}/);
    } finally {
      await popup.close();
    }
  });
});
