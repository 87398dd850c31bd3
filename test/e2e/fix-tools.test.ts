/**
 * The fixes, end to end in Chromium on the replica with the production build: a compressed, a
 * straightened, an assembled, an edited and a split file each reach the replica's upload, are
 * accepted by its back-end rules (PDF, ≤ 20 MiB, exactly 12 pages), and pass the preflight at
 * least as well as the file they came from. Each fix runs in the extension's fix page and ends
 * with the gate checking the result again and handing it to el-upload.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPdf } from '../../extension/fix/scan';
import { assemble } from '../fixtures/assemble';
import { placeholderForm } from '../replica/backend/placeholderPdf';
import { FixtureKit, formSpecs, type PageSpec, type RenderedJpeg } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startReplica, type Replica } from '../support/replica';
import {
  cached,
  choose,
  fixFrame,
  formOf,
  hostChosen,
  issueCodes,
  openList,
  openUpload,
  recordsOf,
  settled,
  uploadable,
  verdictOf,
  withExifOrientation,
  type ReplicaMember,
} from '../bench/fixes-support';

let replica: Replica;
let browser: ExtensionBrowser;
let kit: FixtureKit;
let page: Page;
let members: ReplicaMember[];

const RANK: Record<string, number> = { fail: 0, warn: 1, pass: 2 };
const sha = (b: Uint8Array | ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');
const message = (kind: 'success' | 'error' | 'warning') => page.locator(`.el-message--${kind}`).last();

beforeAll(async () => {
  replica = await startReplica({ seed: 67, size: 60 });
  browser = await launchWithExtension({ args: replica.chromiumArgs });
  kit = await FixtureKit.open(browser.context);
  page = await browser.context.newPage();
  await replica.login(page, 'tzb');
  members = await uploadable(replica);
  expect(members.length).toBeGreaterThanOrEqual(9);
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

/** Uploads what the host holds and returns the replica's record of it. */
async function upload(dialog: ReturnType<Page['locator']>, m: ReplicaMember) {
  await dialog.getByRole('button', { name: '确定上传' }).click();
  // The record, not the message: an earlier upload's message may still be on screen.
  await expect.poll(() => recordsOf(replica, m.userId).length).toBe(1);
  expect(await message('success').innerText()).toBe('上传成功，请等待上级团委审批');
  const records = recordsOf(replica, m.userId);
  expect(records).toHaveLength(1);
  expect(records[0]!.file.pages).toBe(12);
  return records[0]!;
}

describe('fixes that reach the replica’s upload', () => {
  it('compresses a 300-dpi scan that is too large to under 20,000,000 bytes, keeping 200 dpi', async () => {
    const m = members[0]!;
    const big = await cached(`big-${m.userCode}`, () =>
      formOf(kit, m.userCode, { family: 'scanner', seed: 31, quality: 0.98, noise: 24 }),
    );
    expect(big.length).toBeGreaterThan(20_971_520);
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书-扫描.pdf', big);
    expect(await verdictOf(dialog)).toBe('fail');
    expect(await issueCodes(dialog)).toContain('too-large');
    await dialog.locator('.laa-upload-panel [data-fix=compress]').first().click();
    const after = await settled(dialog);
    expect(after.note).toContain('压缩到 20M 以内完成');
    expect(RANK[after.verdict]).toBeGreaterThan(RANK.fail!);
    expect(await issueCodes(dialog)).not.toContain('too-large');
    await expect.poll(() => hostChosen(dialog)).toEqual(['入团志愿书-扫描-压缩.pdf']);
    const rec = await upload(dialog, m);
    expect(rec.file.size).toBeLessThanOrEqual(20_000_000);
    const scanned = await scanPdf(rec.bytes);
    expect(Math.min(...scanned.pages.map((p) => p.main!.dpi))).toBeGreaterThanOrEqual(199.5);
  });

  it('straightens phone photos: desk cut away, tilt and perspective undone, pages A4', async () => {
    const m = members[1]!;
    const photos = await cached(`phone-${m.userCode}`, () =>
      formOf(kit, m.userCode, { family: 'phone', seed: 32, border: 0.07, skewDeg: 4 }),
    );
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '手机拍照.pdf', photos);
    const before = await verdictOf(dialog);
    const codesBefore = await issueCodes(dialog);
    expect(codesBefore.some((c) => c.startsWith('background-border'))).toBe(true);
    await dialog.locator('.laa-upload-panel [data-fix=straighten]').first().click();
    const after = await settled(dialog);
    expect(after.note).toContain('裁剪拉直完成');
    expect(RANK[after.verdict]).toBeGreaterThanOrEqual(RANK[before]!);
    const codesAfter = await issueCodes(dialog);
    expect(codesAfter.filter((c) => c.startsWith('background-border') || c.startsWith('skew'))).toEqual([]);
    await expect.poll(() => hostChosen(dialog)).toEqual(['手机拍照-拉直.pdf']);
    const rec = await upload(dialog, m);
    const doc = await PDFDocument.load(rec.bytes);
    for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([595, 842]);
  });

  it('levels a page scanned crooked and turns a sideways page upright, leaving the other pages as scanned', async () => {
    const m = members.at(-1)!;
    const file = await formOf(
      kit,
      m.userCode,
      { family: 'scanner', seed: 36 },
      { 3: { skewDeg: 5 }, 7: { rotate: 90 } },
    );
    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '扫描歪了.pdf', file);
    expect(await verdictOf(dialog)).toBe('fail');
    const before = await issueCodes(dialog);
    expect(before).toEqual(expect.arrayContaining(['skew@3', 'orientation@7']));
    await dialog.locator('.laa-upload-panel [data-fix=straighten]').first().click();
    const after = await settled(dialog);
    expect(after.note).toContain('裁剪拉直完成');
    expect(after.verdict).not.toBe('fail');
    expect((await issueCodes(dialog)).filter((c) => c.startsWith('skew') || c.startsWith('orientation'))).toEqual([]);
    await expect.poll(() => hostChosen(dialog)).toEqual(['扫描歪了-拉直.pdf']);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('assembles photos (JPEG, PNG, WebP; EXIF orientation; dragged into order; one turned) into one A4 PDF', async () => {
    const m = members[2]!;
    const spec = (p: number, over: Partial<PageSpec> = {}): PageSpec => ({
      family: 'phone',
      page: p,
      seed: 33,
      devNumber: m.userCode,
      border: 0,
      ...over,
    });
    const shots: RenderedJpeg[] = [];
    for (let p = 1; p <= 12; p++) {
      // Page 5 taken sideways (stored turned, EXIF says how to view it); page 8 upside down; page 2 as PNG.
      shots.push(
        await kit.render(
          spec(p, p === 5 ? { rotate: 90 } : p === 8 ? { rotate: 180 } : p === 2 ? { format: 'png' } : {}),
        ),
      );
    }
    const files = shots.map((s, i) => ({
      name: `IMG_${String(i + 1).padStart(2, '0')}.${i === 1 ? 'png' : 'jpg'}`,
      mimeType: i === 1 ? 'image/png' : 'image/jpeg',
      buffer: Buffer.from(i === 4 ? withExifOrientation(s.jpeg, 8) : s.jpeg),
    }));
    // Page 3 as WebP, converted in the browser.
    const webp = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      c.getContext('2d')!.drawImage(bmp, 0, 0);
      const out = new Uint8Array(await (await c.convertToBlob({ type: 'image/webp', quality: 0.85 })).arrayBuffer());
      let s = '';
      for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode(...out.subarray(i, i + 0x8000));
      return btoa(s);
    }, Buffer.from(shots[2]!.jpeg).toString('base64'));
    files[2] = { name: 'IMG_03.webp', mimeType: 'image/webp', buffer: Buffer.from(webp, 'base64') };

    const dialog = await openUpload(page, replica, m.name);
    await dialog.locator('.laa-upload-panel [data-fix=assemble]').first().click();
    const frame = await fixFrame(page, browser.extensionId);
    // Chosen out of order: page 2 first.
    await frame.locator('input[data-role=photos]').setInputFiles([files[1]!, files[0]!, ...files.slice(2)]);
    await expect.poll(() => frame.locator('.card img').count(), { timeout: 30_000 }).toBe(12);
    await frame.locator('[data-card="IMG_01.jpg"]').dragTo(frame.locator('[data-card="IMG_02.png"]'));
    await expect
      .poll(() => frame.locator('.card .name').allInnerTexts())
      .toEqual(files.map((f, i) => `${i + 1}. ${f.name}`));
    const upside = frame.locator('[data-card="IMG_08.jpg"]');
    await upside.getByRole('button', { name: '向右旋转' }).click();
    await upside.getByRole('button', { name: '向右旋转' }).click();
    await frame.getByRole('button', { name: '生成 PDF 并上传' }).click();
    const after = await settled(dialog);
    expect(after.note).toContain('用照片拼成 PDF完成，已生成 1 份 12 页的 PDF');
    expect(after.verdict).not.toBe('fail');
    const codes = await issueCodes(dialog);
    expect(codes.filter((c) => c.startsWith('orientation'))).toEqual([]);
    // The cover came first: page 1's number is the member's.
    expect(await dialog.locator('.laa-upload-panel .summary').innerText()).toContain(`首页编号 ${m.userCode}`);
    await expect.poll(() => hostChosen(dialog)).toEqual([`入团志愿书-${m.name}.pdf`]);
    const rec = await upload(dialog, m);
    expect(rec.file.size).toBeLessThanOrEqual(20_000_000);
  });

  it('edits a PDF: removes a blank page, moves a swapped page, turns an upside-down one, replaces a stained one with a photo', async () => {
    const m = members[3]!;
    const base: Omit<PageSpec, 'page'> = { family: 'scanner', seed: 34, devNumber: m.userCode };
    const pages = await kit.renderAll(formSpecs(base, { 9: { rotate: 180 }, 11: { stainMm: 45 } }));
    const blank = await kit.render({ ...base, page: 0 });
    const order = [
      pages[0]!,
      pages[1]!,
      pages[3]!,
      pages[2]!,
      pages[4]!,
      pages[5]!,
      blank,
      pages[6]!,
      pages[7]!,
      pages[8]!,
      pages[9]!,
      pages[10]!,
      pages[11]!,
    ];
    const file = await assemble(order);
    const photo = await kit.render({ family: 'phone', page: 11, seed: 34, devNumber: m.userCode, border: 0 });

    const dialog = await openUpload(page, replica, m.name);
    await choose(dialog, '入团志愿书.pdf', file);
    expect(await verdictOf(dialog)).toBe('fail');
    const before = await issueCodes(dialog);
    expect(before).toEqual(expect.arrayContaining(['page-count', 'blank-page@7', 'stained-page@12']));
    await dialog.locator('.laa-upload-panel [data-fix=edit]').first().click();
    const frame = await fixFrame(page, browser.extensionId);
    await expect.poll(() => frame.locator('.card img').count(), { timeout: 30_000 }).toBe(13);
    expect(await frame.locator('.card.problem').count()).toBeGreaterThanOrEqual(2);
    await frame.getByRole('button', { name: '删除 原第7页' }).click();
    await frame.locator('[data-card="原第4页"]').dragTo(frame.locator('[data-card="原第3页"]'));
    await frame.getByRole('button', { name: '向右旋转 原第10页' }).click();
    await frame.getByRole('button', { name: '向右旋转 原第10页' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      frame.getByRole('button', { name: '换成照片 原第12页' }).click(),
    ]);
    await chooser.setFiles({ name: '第11页重拍.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo.jpeg) });
    await expect
      .poll(() => frame.locator('.card .name').allInnerTexts())
      .toEqual([
        '1. 原第1页',
        '2. 原第2页',
        '3. 原第4页',
        '4. 原第3页',
        '5. 原第5页',
        '6. 原第6页',
        '7. 原第8页',
        '8. 原第9页',
        '9. 原第10页',
        '10. 原第11页',
        '11. 照片 第11页重拍.jpg',
        '12. 原第13页',
      ]);
    await frame.getByRole('button', { name: '生成 PDF 并上传' }).click();
    const after = await settled(dialog);
    expect(after.note).toContain('编辑页面完成');
    expect(RANK[after.verdict]).toBeGreaterThan(RANK.fail!);
    await expect.poll(() => hostChosen(dialog)).toEqual(['入团志愿书-编辑.pdf']);
    const rec = await upload(dialog, m);
    // The form's pages in their order, copied untouched (the same JPEG bytes), page 9 turned, page 11 the photo.
    const out = await scanPdf(rec.bytes);
    const digests = await Promise.all(out.pages.map(async (p) => sha(await out.raw(p.main!))));
    const want = pages.map((p) => sha(p.jpeg));
    digests.forEach((d, i) => {
      if (i === 10) expect(d).not.toBe(want[i]);
      else expect(d).toBe(want[i]);
    });
    const doc = await PDFDocument.load(rec.bytes);
    expect(doc.getPage(8).getRotation().angle).toBe(180);
  });

  it('splits a 36-page class scan into three forms matched by their cover numbers, each to its member’s upload', async () => {
    const three = members.filter((x) => recordsOf(replica, x.userId).length === 0).slice(0, 3);
    expect(three).toHaveLength(3);
    const scan = await cached(`class-${three.map((x) => x.userCode).join('-')}`, async () => {
      const all: RenderedJpeg[] = [];
      for (const [k, x] of three.entries())
        all.push(
          ...(await kit.renderAll(formSpecs({ family: 'scanner', seed: 40 + k, dpi: 200, devNumber: x.userCode }))),
        );
      return assemble(all);
    });
    await page.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
    // The whole branch on one page, as an admin sets it before matching a class scan.
    await page.locator('.el-pagination__sizes .el-input').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '100条/页' }).click();
    await expect.poll(() => page.locator('.el-table__body-wrapper tr.el-table__row').count()).toBeGreaterThan(10);
    await page.locator('.laa-bar').getByRole('button', { name: '拆分整班扫描件' }).click();
    const frame = await fixFrame(page, browser.extensionId);
    await frame
      .locator('input[data-role=class-scan]')
      .setInputFiles({ name: '高二3班-整班扫描.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scan) });
    await expect.poll(() => frame.locator('tbody tr').count(), { timeout: 60_000 }).toBe(3);
    const rows = frame.locator('tbody tr');
    for (const [k, x] of three.entries()) {
      const text = await rows.nth(k).innerText();
      expect(text).toContain(x.userCode);
      expect(text).toContain('编号一致');
      expect(await rows.nth(k).locator('select').inputValue()).toBe(`${x.name}（${x.userCode}）`);
    }
    await frame.getByRole('button', { name: '确认拆分，逐个放入上传' }).click();
    const queue = page.locator('.laa-handoff');
    for (const x of three) {
      await queue.locator(`button[data-next="${x.name}"]`).click();
      const dialog = page.locator('.upload-dialog');
      await dialog.waitFor();
      expect(await dialog.locator('.el-descriptions').innerText()).toContain(x.userCode);
      expect(await verdictOf(dialog)).toBe('pass');
      expect(await dialog.locator('.laa-upload-panel .summary').innerText()).toContain(`首页编号 ${x.userCode}`);
      await expect.poll(() => hostChosen(dialog)).toEqual([`入团志愿书-${x.name}.pdf`]);
      await upload(dialog, x);
      await dialog.waitFor({ state: 'detached' });
    }
    expect(await queue.locator('li[data-status=placed]').count()).toBe(3);
    const row = await openList(page, replica, three[0]!.name);
    expect(await row.innerText()).toContain('是');
  });

  it('checks a folder of PDFs in one go, with a table of results, and hands the good ones to their members', async () => {
    const [x, y] = members.filter((z) => recordsOf(replica, z.userId).length === 0);
    const dir = mkdtempSync(join(tmpdir(), 'laa-folder-'));
    const folder = join(dir, '高二3班');
    mkdirSync(folder);
    const good = await formOf(kit, x!.userCode, { family: 'scanapp', seed: 51 });
    writeFileSync(join(folder, `${x!.userCode}.pdf`), good);
    writeFileSync(join(folder, `${y!.name}-入团志愿书.pdf`), await placeholderForm({ userCode: y!.userCode }));
    writeFileSync(join(folder, '说明.txt'), '扫描于团委办公室');
    await page.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
    await page.locator('.el-pagination__sizes .el-input').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '100条/页' }).click();
    await expect.poll(() => page.locator('.el-table__body-wrapper tr.el-table__row').count()).toBeGreaterThan(10);
    await page.locator('.laa-bar').getByRole('button', { name: '批量检查文件夹' }).click();
    const frame = await fixFrame(page, browser.extensionId);
    await frame.locator('input[data-role=folder]').setInputFiles(folder);
    const rows = frame.locator('tbody tr');
    await expect.poll(() => rows.locator('[data-verdict]').count(), { timeout: 60_000 }).toBe(2);
    const goodRow = frame.locator(`tr[data-file="${x!.userCode}.pdf"]`);
    const badRow = frame.locator(`tr[data-file="${y!.name}-入团志愿书.pdf"]`);
    expect(await goodRow.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('fail');
    expect(await goodRow.locator('select').inputValue()).toBe(`${x!.name}（${x!.userCode}）`);
    expect(await badRow.locator('[data-verdict]').getAttribute('data-verdict')).toBe('fail');
    expect(await badRow.innerText()).toContain('不是扫描件');
    expect(await badRow.locator('select').inputValue()).toBe(`${y!.name}（${y!.userCode}）`);
    // A failing file is not ticked for upload; the good one is.
    expect(await badRow.locator('input[type=checkbox]').isChecked()).toBe(false);
    expect(await goodRow.locator('input[type=checkbox]').isChecked()).toBe(true);
    await frame.getByRole('button', { name: '把选中的文件逐个放入上传' }).click();
    const queue = page.locator('.laa-handoff');
    await queue.locator(`button[data-next="${x!.name}"]`).click();
    const dialog = page.locator('.upload-dialog');
    await dialog.waitFor();
    expect(await verdictOf(dialog)).not.toBe('fail');
    await expect.poll(() => hostChosen(dialog)).toEqual([`${x!.userCode}.pdf`]);
    const rec = await upload(dialog, x!);
    expect(rec.sha256).toBe(sha(good));
    expect(recordsOf(replica, y!.userId)).toHaveLength(0);
  });
});
