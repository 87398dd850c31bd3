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
});
