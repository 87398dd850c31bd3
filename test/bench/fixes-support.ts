/**
 * What the upload-gate and fix-tool tests (and the fixes benchmark) share: members of the replica
 * who may upload, the host's upload dialog driven the way an admin drives it, the gate's panel,
 * and generated inputs (scans of the form, phone photos with EXIF orientation, long class scans).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { assemble } from '../fixtures/assemble';
import { FIXTURE_CACHE, formSpecs, type FixtureKit, type PageSpec } from '../fixtures/kit';
import type { ExtensionBrowser } from '../support/chromium';
import type { Replica } from '../support/replica';

export const LIST = '/zhtj/center/tuanyuan/recordlist';

export interface ReplicaMember {
  userId: string;
  name: string;
  userCode: string;
  joinLeagueTime: string;
  archiveState: string;
}

/** Members of the `tzb` branch who need an upload and have none yet (§5.6), with a valid 编号. */
export async function uploadable(replica: Replica): Promise<ReplicaMember[]> {
  const r = await replica.api<{ list: ReplicaMember[] }>('tuanyuan/list', { pageNo: 1, pageSize: 1000 }, 'tzb');
  const seen = new Set<string>();
  return r.results.list.filter((m) => {
    const ok =
      m.archiveState === 'none' &&
      m.joinLeagueTime >= '2020-01-01' &&
      /^\d{12}$/.test(m.userCode) &&
      m.userCode.startsWith(m.joinLeagueTime.slice(0, 4)) &&
      !seen.has(m.name);
    seen.add(m.name);
    return ok;
  });
}

export const memberOf = (m: ReplicaMember) => ({ devNumber: m.userCode, joinedOn: m.joinLeagueTime.slice(0, 10) });

/** The member's list row, found through the list's own search (the way an admin does). */
export async function openList(page: Page, replica: Replica, name: string): Promise<Locator> {
  if (!page.url().endsWith(LIST)) await page.goto(replica.url(LIST));
  const input = page.getByPlaceholder('请输入姓名');
  await input.fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('.el-table__body-wrapper tr.el-table__row', { hasText: name });
  await row.first().waitFor();
  return row.first();
}

/** Opens 上传档案 (or 替换档案) for a member and waits for the gate's panel in the dialog. */
export async function openUpload(
  page: Page,
  replica: Replica,
  name: string,
  button: '上传档案' | '替换档案' = '上传档案',
): Promise<Locator> {
  const row = await openList(page, replica, name);
  await row.getByRole('button', { name: button }).click();
  const dialog = page.locator('.upload-dialog');
  await dialog.waitFor();
  await dialog.locator('.laa-upload-panel').waitFor();
  return dialog;
}

/** Chooses a file in the dialog's el-upload, as the file dialog would. Large files go through disk. */
export async function choose(dialog: Locator, name: string, bytes: Uint8Array): Promise<void> {
  const input = dialog.locator('input[type=file]');
  if (bytes.length < 40_000_000) {
    await input.setInputFiles({
      name,
      mimeType: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      buffer: Buffer.from(bytes),
    });
    return;
  }
  const dir = join(FIXTURE_CACHE, 'choose');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  await input.setInputFiles(path);
}

/** The verdict the gate's panel settles on (after any progress). */
export async function verdictOf(dialog: Locator, timeout = 60_000): Promise<string> {
  const v = dialog.locator('.laa-upload-panel .verdict[data-verdict]');
  await v.waitFor({ timeout });
  return (await v.getAttribute('data-verdict'))!;
}

/** Waits until the panel shows a verdict different from `before` or a new note (a fix finished). */
export async function settled(dialog: Locator, timeout = 90_000): Promise<{ verdict: string; note: string }> {
  const panel = dialog.locator('.laa-upload-panel');
  await panel.locator('.note').waitFor({ timeout });
  const v = panel.locator('.verdict[data-verdict]');
  return {
    verdict: (await v.getAttribute('data-verdict')) ?? '',
    note: (await panel.locator('.note').innerText()).trim(),
  };
}

export async function issueCodes(dialog: Locator): Promise<string[]> {
  return dialog.locator('.laa-upload-panel ul.issues li').evaluateAll((lis) =>
    lis.flatMap((li) => {
      const code = li.getAttribute('data-code');
      const pages = li.getAttribute('data-pages');
      // A finding is listed once with all its pages: one code@page per page, as the report has them.
      return pages ? pages.split(',').map((p) => `${code}@${p}`) : [`${code}`];
    }),
  );
}

/** What the host's el-upload holds (names in its file list). */
export async function hostChosen(dialog: Locator): Promise<string[]> {
  return dialog
    .locator('.el-upload-list__item-name')
    .allInnerTexts()
    .then((t) => t.map((s) => s.trim()));
}

/** Records of a member on the replica's back end, with the stored file's hash. */
export function recordsOf(replica: Replica, userId: string) {
  const st = replica.server.store.state;
  return st.records
    .filter((r) => r.userId === userId)
    .map((r) => {
      const f = st.files.find((x) => x.fileId === r.fileId)!;
      const bytes = readFileSync(join(replica.server.store.dataDir, f.path));
      return { ...r, file: f, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: new Uint8Array(bytes) };
    });
}

/** The fix page framed over the host page (its tools run there, on the extension's origin). */
export async function fixFrame(page: Page, extensionId: string): Promise<Frame> {
  await page.locator('iframe.laa-fix-frame').waitFor({ state: 'attached' });
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(`chrome-extension://${extensionId}/fix.html`));
    if (f) {
      await f.locator('.dialog').waitFor({ timeout: 30_000 });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('fix frame not found');
}

/** Sends a message to the background from an extension page, as the extension's own pages do. */
export async function askBackground<T>(browser: ExtensionBrowser, type: string, payload: unknown): Promise<T> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [
      type,
      payload,
    ] as const);
  } finally {
    await page.close();
  }
}

/** A clean 12-page form of one member, scanned the given way. */
export async function formOf(
  kit: FixtureKit,
  devNumber: string,
  base: Omit<PageSpec, 'page' | 'devNumber'>,
  over: Record<number, Partial<PageSpec>> = {},
): Promise<Uint8Array> {
  const pages = await kit.renderAll(formSpecs({ ...base, devNumber }, over));
  return assemble(pages);
}

/** Caches a generated file under the fixture cache by key (the same run and later runs). */
export async function cached(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  mkdirSync(FIXTURE_CACHE, { recursive: true });
  const path = join(FIXTURE_CACHE, `fixes-${createHash('sha256').update(key).digest('hex').slice(0, 20)}.bin`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const bytes = await make();
  writeFileSync(path, bytes);
  return bytes;
}

/**
 * A JPEG with an EXIF orientation tag: how a phone stores a photo taken sideways. `orientation` 6
 * means "turn 90° clockwise to view", 8 "turn 90° counter-clockwise".
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = payload.length + 2;
  const app1 = [0xff, 0xe1, (len >> 8) & 255, len & 255, ...payload];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** Page count and each page's size of a PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<{ width: number; height: number; rotation: number }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((p) => ({ width: p.getWidth(), height: p.getHeight(), rotation: p.getRotation().angle }));
}
