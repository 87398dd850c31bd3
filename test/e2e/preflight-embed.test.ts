import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../shared/pdf/types';
import { form, MEMBER } from '../fixtures/forms';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';

/**
 * The engine as the upload panel uses it: analysis.html in a hidden iframe inside 智慧团建's page,
 * the bytes posted with a MessagePort. Only the host's origins may embed it.
 */
let browser: ExtensionBrowser;
let pdf: Uint8Array;

const HOST_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>智慧团建</title></head><body><div id="app">团员电子数据库</div></body></html>';

beforeAll(async () => {
  browser = await launchWithExtension();
  const kit = await FixtureKit.open(browser.context);
  pdf = await form(kit, { family: 'scanner', seed: 91 });
  await kit.close();
  // Stand-ins for the host's page and a stranger's: served by the browser itself, no network.
  await browser.context.route('https://zhtj.youth.cn/**', (r) =>
    r.fulfill({ contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
  );
  await browser.context.route('https://elsewhere.example/**', (r) =>
    r.fulfill({ contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
  );
});
afterAll(async () => browser?.close());

/** Embeds analysis.html, waits for its ready message (or gives up), and checks the bytes through it. */
async function checkEmbedded(origin: string): Promise<{ ready: boolean; report?: PreflightReport }> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/zhtj/center/tuanyuantw/memberlist`);
  const result = await page.evaluate(
    async ({ src, b64, member }) => {
      const frame = document.createElement('iframe');
      frame.style.display = 'none';
      const ready = new Promise<boolean>((resolve) => {
        window.addEventListener('message', (e) => e.data?.type === 'laa-preflight-ready' && resolve(true));
        setTimeout(() => resolve(false), 10_000);
      });
      frame.src = src;
      document.body.append(frame);
      if (!(await ready)) return { ready: false };
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const ch = new MessageChannel();
      const report = new Promise<PreflightReport>((resolve, reject) => {
        ch.port1.onmessage = (e) =>
          e.data.kind === 'report'
            ? resolve(e.data.report)
            : e.data.kind === 'error'
              ? reject(new Error(e.data.message))
              : undefined;
      });
      frame.contentWindow!.postMessage(
        { type: 'laa-preflight', bytes: bytes.buffer, fileName: '入团志愿书.pdf', member },
        new URL(src).origin,
        [ch.port2, bytes.buffer],
      );
      return { ready: true, report: { ...(await report), thumbnails: [] } };
    },
    {
      src: `chrome-extension://${browser.extensionId}/analysis.html`,
      b64: Buffer.from(pdf).toString('base64'),
      member: MEMBER,
    },
  );
  await page.close();
  return result;
}

describe('embedding the engine', () => {
  it("runs inside 智慧团建's page as a hidden iframe and answers on the port", async () => {
    const r = await checkEmbedded('https://zhtj.youth.cn');
    expect(r.ready).toBe(true);
    expect(r.report).toMatchObject({
      verdict: 'pass',
      pages: 12,
      fileName: '入团志愿书.pdf',
      page1Number: { value: MEMBER.devNumber },
    });
  });
  it('cannot be embedded by any other site', async () => {
    const r = await checkEmbedded('https://elsewhere.example');
    expect(r.ready).toBe(false);
  });
});
