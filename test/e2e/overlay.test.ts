/**
 * The overlay on the replica's member lists, in Chromium with the production build: every row
 * marked as the replica's own data says it should be, under several markup variants, through
 * paging and re-rendering, with the bar's counters, filter, approval dates and export; and a page
 * it does not know left exactly as the host made it.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { checkDevNumber, normaliseDevNumber } from '../../shared/domain/devNumber';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import {
  apiMembers,
  CHIP_WORDS,
  choosePageSize,
  expectedBadge,
  readOverlay,
  type ApiMember,
  type SeenRow,
} from '../support/overlay';
import { startReplica, type Replica } from '../support/replica';

const LIST = '/zhtj/center/tuanyuan/recordlist';
const FORMAT_LABELS = {
  missing: '编号缺失',
  'bad-chars': '编号格式错误',
  'wrong-length': '编号位数错误',
  'wrong-year': '编号年份不符',
} as Record<string, string>;

describe('marks on the member lists', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;
  let truth: ApiMember[];

  beforeAll(async () => {
    replica = await startReplica({ seed: 11, size: 70, defectRate: 0.3 });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
    page = await browser.context.newPage();
    await replica.login(page, 'tzb');
    truth = await apiMembers(replica);
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  async function openList(variant: Parameters<Replica['setVariant']>[0] = {}) {
    await replica.setVariant(variant);
    await page.goto(replica.url(LIST));
    await page.locator('.el-table__body-wrapper tr.el-table__row, .el-table__empty-text').first().waitFor();
    await settled();
  }
  /** Marks are written in the same task as the host's rows; the background's answers come just after. */
  const settled = () => page.waitForTimeout(400);

  /** Every row shows what its member's data means, each mark once and visible, rows level with their fixed copies. */
  function expectMarked(rows: SeenRow[], members: ApiMember[], opts: { devNumbers?: boolean } = {}) {
    expect(rows.map((r) => r.name)).toEqual(members.map((m) => m.name));
    const onPage = new Map<string, number>();
    for (const m of members)
      onPage.set(normaliseDevNumber(m.userCode), (onPage.get(normaliseDevNumber(m.userCode)) ?? 0) + 1);
    rows.forEach((row, i) => {
      const m = members[i]!;
      const where = `${m.name} (${m.archiveState}, ${m.joinLeagueTime}, ${m.userCode})`;
      for (const [id, n] of Object.entries(row.copies))
        expect(row.marks[id]?.length ?? 0, `${where}: ${id} visible once of ${n}`).toBe(1);
      expect(new Set(row.heights).size, `${where}: row heights ${row.heights}`).toBe(1);
      expect(row.marks['status-chip']?.[0], where).toMatch(new RegExp(`^${CHIP_WORDS[m.archiveState]}`));
      expect(row.marks['deadline-badge']?.[0] ?? null, where).toBe(expectedBadge(m));
      if (opts.devNumbers === false) return expect(row.marks['dev-number-check'], where).toBeUndefined();
      const format = checkDevNumber(m.userCode, m.joinLeagueTime);
      const mark = row.marks['dev-number-check']?.[0] ?? '';
      for (const f of format) expect(mark, where).toContain(FORMAT_LABELS[f.code]);
      if (normaliseDevNumber(m.userCode) && onPage.get(normaliseDevNumber(m.userCode))! > 1)
        expect(mark, where).toContain('编号重复');
      if (!format.length && !mark.includes('编号重复')) expect(mark, where).toBe('');
    });
  }

  it('marks every row of the list, and follows paging and page sizes without a reload, each mark once on the right row', async () => {
    await openList();
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    expectMarked(await readOverlay(page), truth.slice(0, 10));
    await page.locator('.el-pager li', { hasText: /^2$/ }).click();
    await page.waitForFunction(
      (name) =>
        document
          .querySelector('.el-table__body-wrapper tr.el-table__row td:nth-child(2)')
          ?.textContent?.trim()
          .startsWith(name),
      truth[10]!.name,
    );
    expectMarked(await readOverlay(page), truth.slice(10, 20));
    await page.locator('.el-pager li', { hasText: /^1$/ }).click();
    await page.waitForFunction(
      (name) =>
        document
          .querySelector('.el-table__body-wrapper tr.el-table__row td:nth-child(2)')
          ?.textContent?.trim()
          .startsWith(name),
      truth[0]!.name,
    );
    expectMarked(await readOverlay(page), truth.slice(0, 10));
    await choosePageSize(page, 50, 50);
    expectMarked(await readOverlay(page), truth.slice(0, 50));
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  });

  it('touches only changed rows: a re-render with the same rows keeps every mark node, a changed row gets new ones', async () => {
    await openList();
    // Expandos live in the page's own world: the content script cannot see or set them.
    const tag = () =>
      page.evaluate(() => {
        const marks = Array.from(document.querySelectorAll('.el-table__body-wrapper [data-laa-mark]'));
        marks.forEach((m) => ((m as unknown as { seen: boolean }).seen = true));
        return marks.length;
      });
    const untouched = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('.el-table__body-wrapper [data-laa-mark]')).map(
          (m) => (m as unknown as { seen?: boolean }).seen === true,
        ),
      );
    const n = await tag();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForTimeout(600);
    expect(await untouched()).toEqual(Array(n).fill(true));
    expectMarked(await readOverlay(page), truth.slice(0, 10));
    // Searching one member re-renders the list with that member only: its marks are its own.
    const target = truth[3]!;
    await page.locator('.el-form-item', { hasText: '发展团员编号' }).locator('input').fill(target.userCode);
    await page.getByRole('button', { name: '查询' }).click();
    const found = truth.filter((m) => m.userCode.includes(target.userCode));
    await page.waitForFunction(
      (k) => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length === k,
      found.length,
    );
    await settled();
    expectMarked(await readOverlay(page), found);
  });

  it('reads columns by header text: another column order, extra columns, stray whitespace, 2024年05月20日 dates', async () => {
    await openList({ columnOrder: 'alternate', extraColumns: true, whitespace: true, dateFormat: 'cn' });
    expectMarked(await readOverlay(page), truth.slice(0, 10));
  });

  it('marks the visible copy once with a fixed 操作 column, and skips the checks of a missing column', async () => {
    await openList({ fixedActions: true, dateFormat: 'slash', hiddenColumns: ['发展团员编号'] });
    const rows = await readOverlay(page);
    expect(rows[0]!.heights.length).toBe(2); // the fixed overlay renders each row again
    expectMarked(rows, truth.slice(0, 10), { devNumbers: false });
  });

  it('waits out the loading mask for late rows, and shows an empty list as empty', async () => {
    await replica.setVariant({ loadDelayMs: 1500 });
    await page.goto(replica.url(LIST));
    await page.locator('.el-loading-mask').first().waitFor();
    await page.locator('tr.el-table__row [data-laa-mark]').first().waitFor({ timeout: 10_000 });
    await settled();
    expectMarked(await readOverlay(page), truth.slice(0, 10));
    await openList({ empty: true });
    await expect.poll(() => page.locator('.laa-bar').textContent()).toContain('本页 0 人');
    expect(await page.locator('[data-laa-mark]').count()).toBe(0);
  });

  it('counts the page in the bar with the shared counters and filters to 只看需处理', async () => {
    await openList();
    await choosePageSize(page, 50, 50);
    const shown = truth.slice(0, 50);
    const count = (s: ApiMember['archiveState']) => shown.filter((m) => m.archiveState === s).length;
    const bar = (await page.locator('.laa-counts').textContent()) ?? '';
    expect(bar).toContain('本页 50 人');
    for (const [label, n] of [
      ['未上传', count('none')],
      ['认证不通过', count('rejected')],
      ['待审批', count('pending')],
      ['已认证', count('certified')],
      ['无需上传', count('exempt')],
    ] as const) {
      if (n) expect(bar).toContain(`${label} ${n}`);
      else expect(bar).not.toContain(`${label} `);
    }
    await page.locator('.laa-bar label', { hasText: '只看需处理' }).click();
    await expect
      .poll(async () => (await readOverlay(page)).filter((r) => !r.hidden).map((r) => r.name))
      .toEqual(shown.filter((m) => m.archiveState === 'none' || m.archiveState === 'rejected').map((m) => m.name));
    expect(await page.locator('.el-table__body-wrapper tr.el-table__row:visible').count()).toBe(
      count('none') + count('rejected'),
    );
    await page.locator('.laa-bar label', { hasText: '只看需处理' }).click();
    await expect.poll(async () => (await readOverlay(page)).filter((r) => r.hidden).length).toBe(0);
  });

  it('records the upper committee’s approval date for a selection, and counts the deadline from it from then on', async () => {
    await openList();
    const picked = truth
      .slice(0, 10)
      .flatMap((m, i) => (m.archiveState === 'none' ? [i] : []))
      .slice(0, 2);
    expect(picked.length).toBe(2);
    const latest =
      truth[picked[0]!]!.joinLeagueTime > truth[picked[1]!]!.joinLeagueTime ? truth[picked[0]!]! : truth[picked[1]!]!;
    const approvedOn =
      addDays(latest.joinLeagueTime, 2) > chinaToday() ? latest.joinLeagueTime : addDays(latest.joinLeagueTime, 2);
    await page.locator('.laa-bar button', { hasText: '选择团员' }).click();
    for (const i of picked)
      await page.locator('.el-table__body-wrapper tr.el-table__row').nth(i).locator('input.laa-select').check();
    await expect.poll(() => page.locator('.laa-bar').textContent()).toContain('已选 2 人');
    await page.locator('.laa-bar input[type=date]').fill(approvedOn);
    await page.locator('.laa-bar button', { hasText: '记录批准日期' }).click();
    await expect
      .poll(() => page.locator('.laa-bar .laa-msg--success').textContent())
      .toContain('已为 2 人记录批准日期');
    const expectApproved = async () => {
      const rows = await readOverlay(page);
      for (const i of picked) expect(rows[i]!.marks['deadline-badge']).toEqual([expectedBadge(truth[i]!, approvedOn)]);
      rows.forEach(
        (r, i) => picked.includes(i) || expect(r.marks['deadline-badge']?.[0] ?? null).toBe(expectedBadge(truth[i]!)),
      );
    };
    await expect
      .poll(async () => (await readOverlay(page))[picked[0]!]!.marks['deadline-badge']?.[0])
      .toContain('按批准日期');
    await expectApproved();
    await page.reload();
    await page.locator('tr.el-table__row [data-laa-mark]').first().waitFor();
    await expect
      .poll(async () => (await readOverlay(page))[picked[0]!]!.marks['deadline-badge']?.[0])
      .toContain('按批准日期');
    await expectApproved();
  });

  it('exports the rows as seen: CSV with a BOM and Chinese headers, and xlsx built only when asked', async () => {
    await openList({ dateFormat: 'cn' });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.laa-bar button', { hasText: '导出 CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      '姓名,发展团员编号,入团时间,所在团组织,团员身份认证,档案是否上传,认证状态,上传时限,截止日期,时限依据,编号问题,毕业年级',
    );
    expect(lines.length).toBe(11);
    expect(lines[1]).toContain(`${truth[0]!.name},`);
    expect(lines[1]).toContain(truth[0]!.joinLeagueTime);
    expect(lines[1]).toContain(CHIP_WORDS[truth[0]!.archiveState]);
    const frames = () => page.evaluate(() => document.querySelectorAll('iframe').length);
    expect(await frames()).toBe(0);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.laa-bar button', { hasText: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^团员电子数据库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...lines[0]!.split(',')]);
    expect(sheet.rowCount).toBe(11);
    expect(sheet.getRow(2).getCell(1).value).toBe(truth[0]!.name);
    expect(await frames()).toBe(0);
  });

  it('switches a feature off in the options page: its marks go, the others stay', async () => {
    await openList();
    const before = (await readOverlay(page)).map((r) => r.marks['deadline-badge']?.[0] ?? null);
    expect(before.filter(Boolean).length).toBeGreaterThan(0);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const deadline = options.locator('label[data-feature="deadline-badge"]');
    await expect.poll(() => deadline.textContent()).toContain('上传时限');
    await deadline.locator('input').uncheck();
    await options.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await openList();
    let rows = await readOverlay(page);
    expect(rows.filter((r) => r.marks['deadline-badge']).length).toBe(0);
    expect(rows.filter((r) => r.marks['status-chip']).length).toBe(10);
    await deadline.locator('input').check();
    await options.close();
    await openList();
    rows = await readOverlay(page);
    expect(rows.map((r) => r.marks['deadline-badge']?.[0] ?? null)).toEqual(before);
  });

  it('leaves a page it does not recognise exactly as the host made it, even with 姓名 and 入团时间 columns', async () => {
    await replica.setVariant({});
    const fees = '/zhtj/center/tuanfei/paylist';
    const snapshot = async (p: Page) => {
      await p.locator('tr.el-table__row').first().waitFor();
      await p.waitForTimeout(600);
      return p.evaluate(() => document.documentElement.outerHTML.replace(/\sstyle="[^"]*"/g, ''));
    };
    await page.goto(replica.url(fees));
    const withExtension = await snapshot(page);
    expect(withExtension).not.toMatch(/laa-|data-laa/);
    const bare = await browser.context.newPage();
    await replica.login(bare, 'tzb', { origin: replica.ipOrigin });
    await bare.goto(`${replica.ipOrigin}${fees}`);
    expect(withExtension).toBe(await snapshot(bare));
    await bare.close();
  });
});
