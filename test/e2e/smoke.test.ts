import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => browser?.close());

  it('loads, and its background answers a ping from an extension page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    expect(await page.locator('main').textContent()).toContain('团员电子档案助手');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', payload: {} }));
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    expect(reply).toEqual({ ok: true, version: manifest.version });
    expect(manifest.name).toBe('团员电子档案助手');
  });

  it('keeps observed rows in the background and records an approval date for them', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const row = {
      org: { name: '第一团支部' },
      name: '张伟',
      devNumber: '202400000001',
      joinedOn: '2024-05-20',
      status: 'notUploaded',
      idCard: '11010519491231002X',
    };
    const first = await page.evaluate(
      (r) => chrome.runtime.sendMessage({ type: 'observeRows', payload: { rows: [r], observedAt: Date.now() } }),
      row,
    );
    expect(first).toMatchObject({ created: 1, facts: [{ approvedOn: null }] });
    const key = first.facts[0].key;
    expect(
      await page.evaluate(
        (k) => chrome.runtime.sendMessage({ type: 'setApprovedOn', payload: { keys: [k], approvedOn: '2024-05-25' } }),
        key,
      ),
    ).toEqual({ updated: 1 });
    const again = await page.evaluate(
      (r) => chrome.runtime.sendMessage({ type: 'observeRows', payload: { rows: [r], observedAt: Date.now() } }),
      row,
    );
    expect(again).toMatchObject({ created: 0, facts: [{ key, approvedOn: '2024-05-25' }] });
  });
});
