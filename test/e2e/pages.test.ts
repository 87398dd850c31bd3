/**
 * The production content script on the replica: it recognises each page type from the route and
 * the breadcrumb together, follows in-app navigation, and leaves a page it does not know untouched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startReplica, type Replica } from '../support/replica';
import { toolbarState } from '../support/toolbar';

const KNOWN = '团员电子档案助手 · ';

describe('page recognition on the replica', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    replica = await startReplica();
    browser = await launchWithExtension({ args: replica.chromiumArgs });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  const titleSoon = (expected: string) =>
    expect.poll(async () => (await toolbarState(browser, page)).title, { timeout: 10_000 }).toBe(expected);

  async function clickMenu(label: string) {
    await page.locator('.el-menu-item', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();
  }

  it('recognises the sign-in page and the landing page', async () => {
    await page.goto(replica.url('/zhtj/signin'));
    await titleSoon(KNOWN + '登录页');
    await replica.login(page, 'tw');
    await titleSoon(KNOWN + '管理中心首页');
  });

  it('follows in-app navigation through every page type, without a page load', async () => {
    // A fresh load: the sign-in prompts were shown once already and stay closed.
    await page.goto(replica.url('/zhtj/center/home'));
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    const visits: [string, string][] = [
      ['团员电子数据库', '团员电子数据库'],
      ['下级支部团员电子数据库', '下级支部团员电子数据库'],
      ['本级团干部电子数据库', '本级团干部电子数据库'],
      ['下级团员电子档案审批', '下级团员电子档案审批'],
      ['组织关系转接', '组织关系转接'],
      ['团员录入', '团员录入'],
    ];
    for (const [menu, label] of visits) {
      await clickMenu(menu);
      await titleSoon(KNOWN + label);
    }
    await page.locator('.top-tab', { hasText: '操作中心' }).click();
    await titleSoon(KNOWN + '操作中心');
    await page.goBack();
    await titleSoon(KNOWN + '团员录入');
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  });

  it('shows a quiet grey ? on a page it does not know, and leaves that page exactly as the host made it', async () => {
    await clickMenu('团费交纳情况');
    await expect
      .poll(() => toolbarState(browser, page), { timeout: 10_000 })
      .toEqual({ title: expect.stringMatching(/^未识别此页面/), badge: '?' });

    // The same page loaded afresh under the host's name (content script present) and under the
    // replica's own address (no content script) must be the same document.
    const feePath = '/zhtj/center/tuanfei/paylist';
    const snapshot = async (p: Page) => {
      await p.locator('tr.el-table__row').first().waitFor();
      await p.waitForTimeout(600);
      return p.evaluate(() => ({
        html: document.documentElement.outerHTML.replace(/\sstyle="[^"]*"/g, ''),
        shadowHosts: Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).length,
        sheets: document.adoptedStyleSheets.length,
      }));
    };
    await page.goto(replica.url(feePath));
    await expect.poll(async () => (await toolbarState(browser, page)).badge, { timeout: 10_000 }).toBe('?');
    const withExtension = await snapshot(page);

    const control = await browser.context.newPage();
    await replica.login(control, 'tw', { origin: replica.ipOrigin });
    await control.goto(`${replica.ipOrigin}${feePath}`);
    const withoutExtension = await snapshot(control);
    await control.close();

    expect(withExtension.shadowHosts).toBe(0);
    expect(withExtension.sheets).toBe(0);
    expect(withExtension.html).toContain('团费交纳情况');
    expect(withExtension.html).toBe(withoutExtension.html);
  });

  it('answers the popup’s pageState question for a tab', async () => {
    await page.goto(replica.url('/zhtj/center/tuangan/recordlist'));
    await titleSoon(KNOWN + '本级团干部电子数据库');
    const tabId = await browser.background.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
      page.url(),
    );
    // The grey of the "?" shown before on this tab is gone: the tab shows the global badge again.
    const colours = () =>
      browser.background.evaluate(
        async (id) => [
          await chrome.action.getBadgeBackgroundColor({ tabId: id }),
          await chrome.action.getBadgeBackgroundColor({}),
        ],
        tabId!,
      );
    await expect
      .poll(
        async () => {
          const [tab, global] = await colours();
          return JSON.stringify(tab) === JSON.stringify(global);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect((await colours())[0]).not.toEqual([0x90, 0x93, 0x99, 255]);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const state = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'pageState', payload: { tabId: id } }),
      tabId,
    );
    await popup.close();
    expect(state).toEqual({
      pageType: 'cadreDatabase',
      path: '/zhtj/center/tuangan/recordlist',
      label: '本级团干部电子数据库',
    });
  });

  it('says unknown for a route the host does not have', async () => {
    await page.goto(replica.url('/zhtj/center/unknownpage'));
    await expect.poll(async () => (await toolbarState(browser, page)).badge, { timeout: 10_000 }).toBe('?');
  });
});
