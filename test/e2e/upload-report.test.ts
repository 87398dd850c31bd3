/**
 * The report as the admin reads it in the host's upload dialog (Chromium, production build,
 * replica): a finding on every page is one line naming the pages, 不通过 comes first under a
 * one-line summary, each fixable finding has its fix beside it, and however long the report the
 * dialog stays inside the window with 确定上传 in view.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  formOf,
  issueCodes,
  openUpload,
  uploadable,
  verdictOf,
  type ReplicaMember,
} from '../bench/fixes-support';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startReplica, type Replica } from '../support/replica';

let replica: Replica;
let browser: ExtensionBrowser;
let kit: FixtureKit;
let page: Page;
let members: ReplicaMember[];

beforeAll(async () => {
  replica = await startReplica({ seed: 62, size: 40 });
  browser = await launchWithExtension({ args: replica.chromiumArgs });
  kit = await FixtureKit.open(browser.context);
  page = await browser.context.newPage();
  // A laptop screen: a report listed page by page would push 确定上传 out of sight.
  await page.setViewportSize({ width: 1280, height: 640 });
  await replica.login(page, 'tzb');
  members = await uploadable(replica);
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

const items = (dialog: Locator) =>
  dialog.locator('.laa-upload-panel ul.issues li').evaluateAll((lis) =>
    lis.map((li) => ({
      code: li.getAttribute('data-code'),
      severity: li.getAttribute('data-severity'),
      text: li.querySelector('.text')?.textContent ?? '',
      fixes: Array.from(li.querySelectorAll('[data-fix]')).map((b) => b.getAttribute('data-fix')),
    })),
  );

/** The button's box lies inside the window. */
async function inView(button: Locator): Promise<boolean> {
  const box = await button.boundingBox();
  const vh = await button.page().evaluate(() => innerHeight);
  return !!box && box.y >= 0 && box.y + box.height <= vh;
}

describe('the grouped report in the upload dialog', () => {
  it('says a finding once for all its pages, 不通过 first, with its fix beside it, inside the window', async () => {
    const m = members[0]!;
    // Every page at 150 dpi, pages 2–12 tilted 4°, and no seal: 23 page findings and one for the file.
    const tilted = Object.fromEntries(Array.from({ length: 11 }, (_, k) => [k + 2, { skewDeg: 4 }]));
    const file = await formOf(kit, m.userCode, { family: 'scanner', seed: 71, dpi: 150, seals: false }, tilted);
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书.pdf', file);
    expect(await verdictOf(dialog)).toBe('fail');
    const shown = await items(dialog);
    expect(shown.map((i) => `${i.code}:${i.severity}`)).toEqual(['no-seal:fail', 'low-resolution:warn', 'skew:warn']);
    expect(shown[1]!.text).toMatch(/^第 1–12 页：分辨率约 150dpi/);
    expect(shown[2]!.text).toMatch(/^第 2–12 页：歪斜约 [\d.–]+°/);
    expect(shown[2]!.fixes).toEqual(['straighten']);
    expect(await dialog.locator('.laa-upload-panel .headline').innerText()).toBe(
      '1 个问题会被退回：未找到公章；2 个提醒',
    );
    // The report still says every page: the tests' view of it expands the groups.
    expect((await issueCodes(dialog)).filter((c) => c.startsWith('skew@'))).toHaveLength(11);
    // The page tiles no longer fit: the panel scrolls, the dialog's own button stays in view.
    const body = dialog.locator('.laa-upload-panel .body');
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await inView(dialog.getByRole('button', { name: '确定上传' }))).toBe(true);
    expect(await inView(dialog.locator('.laa-upload-panel .headline'))).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
  });
});

// Twelve phone photos drawn the first time take long on a loaded machine; later runs read them from the cache.
describe('marks on the page, held wherever they are', { timeout: 240_000 }, () => {
  // A heavy tea stain 45 mm across and a page scanned on its side, on different pages each time.
  it.each([
    ['scanner', 1, 9],
    ['phone', 6, 12],
  ] as const)(
    '%s: a stain on page %i and a page on its side at page %i are held, grouped',
    async (family, at, side) => {
      const m = members[1]!;
      const tea = { kind: 'tint', strength: 'heavy', x: 105, y: 150, size: 45, seed: at } as const;
      const file = await formOf(
        kit,
        m.userCode,
        { family, seed: 72 + at },
        { [at]: { stains: [tea] }, [side]: { turn: 90 } },
      );
      const dialog = await openUpload(page, replica, m.name);
      await choose(dialog, '入团志愿书.pdf', file);
      expect(await verdictOf(dialog)).toBe('fail');
      const shown = await items(dialog);
      expect(shown.map((i) => `${i.code}:${i.severity}`).sort()).toEqual(['orientation:fail', 'stained-page:fail']);
      expect(shown.find((i) => i.code === 'stained-page')!.text).toMatch(new RegExp(`^第 ${at} 页：.*污渍`));
      expect(shown.find((i) => i.code === 'orientation')!.text).toMatch(new RegExp(`^第 ${side} 页：.*横向`));
      expect(await dialog.locator('.laa-upload-panel .headline').innerText()).toMatch(/^2 个问题会被退回/);
      await dialog.getByRole('button', { name: '取消' }).click();
    },
  );
  it('passes a clean form on yellowed paper, with a red-title cover and the photo glued on 基本情况', async () => {
    const m = members[2]!;
    const photo = { x: 150, y: 44, w: 33, h: 47, colour: true, background: 'blue', seed: 3 } as const;
    const file = await formOf(
      kit,
      m.userCode,
      { family: 'scanapp', seed: 77, paper: [238, 222, 186], cover: 'red' },
      { 3: { photo } },
    );
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书.pdf', file);
    expect(await verdictOf(dialog)).toBe('pass');
    expect((await items(dialog)).filter((i) => i.severity !== 'info')).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();
  });
});
