/**
 * A committee's local rule, end to end (issue 14): the 团委 admin sets 团课内容须包含“团纪处分条例”
 * in the options page of its own profile (the real worker under workerd keeps it); a 团支部 admin
 * connected below it uploads on the replica, with the production build: a form whose 团课 rows
 * never mention 团纪处分条例 is shown `local-rule` in the rule's own words, a form whose rows do is
 * not. The forms are generated (printed labels, Kai handwriting, scanned) and read by the real
 * content reader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_RULE } from '../fixtures/content/defects';
import { CONTENT_FAMILIES, contentForm, type ContentForm } from '../fixtures/content/generate';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startReplica, type Replica } from '../support/replica';
import { choose, issueCodes, openUpload, uploadable, verdictOf } from '../bench/fixes-support';
import {
  adminInvite,
  connectFromOptions,
  createReplicaTenant,
  importReplicaTree,
  observerToken,
  optionsUrl,
  startTeamWorker,
  type TeamWorker,
} from './team-harness';

/** Reading a 12-page form takes a minute or more on a loaded 2-core machine; the picture verdict comes first. */
const CONTENT_WAIT_MS = 240_000;

let replica: Replica;
let worker: TeamWorker;
let committee: ExtensionBrowser;
let branch: ExtensionBrowser;
let firstInvite: string;
let branchCode: string;
let observer: string;
let without: ContentForm;
let withPhrase: ContentForm;
const profiles: string[] = [];

beforeAll(async () => {
  [replica, worker] = await Promise.all([startReplica({ seed: 31, size: 40 }), startTeamWorker()]);
  const t = await createReplicaTenant(worker);
  firstInvite = t.code;
  observer = await observerToken(worker, t.tenantId);
  await importReplicaTree(worker, observer);
  branchCode = await adminInvite(worker, t.tenantId, '100123', 'branch');
  for (let i = 0; i < 2; i++) profiles.push(mkdtempSync(join(tmpdir(), 'laa-rule-profile-')));
  committee = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profiles[0] });
  branch = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profiles[1] });
  const kit = await FixtureKit.open(branch.context);
  const family = CONTENT_FAMILIES.find((f) => !f.heldOut)!;
  without = await contentForm(kit, family, 'local-rule', 1);
  withPhrase = await contentForm(kit, family, 'clean', 1);
}, 240_000);

afterAll(async () => {
  await Promise.all([committee?.close(), branch?.close()]);
  await Promise.all([worker?.close(), replica?.close()]);
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

/** Waits until the panel has the content's findings too: its “正在读取内容…” line came, and went. */
async function contentRead(dialog: Locator): Promise<string[]> {
  await verdictOf(dialog);
  const reading = dialog.locator('.laa-upload-panel .reading');
  await reading.waitFor({ state: 'attached' });
  await expect.poll(() => reading.count(), { timeout: CONTENT_WAIT_MS, interval: 1000 }).toBe(0);
  return issueCodes(dialog);
}

describe('a committee’s local rule', () => {
  let branchPage: Page;

  it('the committee sets it in the options page; the worker keeps it for the subtree', async () => {
    const page = await committee.context.newPage();
    await connectFromOptions(page, committee, worker.url, firstInvite, '团委办公室电脑');
    const part = page.locator('[data-part="local-rules"]');
    await part.getByRole('button', { name: '添加规则' }).click();
    await part.locator('select[name=ruleSection0]').selectOption(CALIBRATION_RULE.section);
    await part.locator('input[name=rulePhrase0]').fill(CALIBRATION_RULE.phrase);
    await part.locator('input[name=ruleText0]').fill(CALIBRATION_RULE.text);
    await part.getByRole('button', { name: '保存本级规则' }).click();
    await part.getByText('已保存 1 条本地规则').waitFor();
    const kept = await worker.call('/local-rules', { token: observer });
    expect(kept.body.rules).toEqual([
      expect.objectContaining({ ...CALIBRATION_RULE, orgId: '100100', orgName: '共青团演示市第一中学委员会' }),
    ]);
    // Read again from the worker, the options page shows the committee's own rule.
    await page.goto(optionsUrl(committee));
    await expect.poll(() => part.locator('input[name=rulePhrase0]').inputValue()).toBe(CALIBRATION_RULE.phrase);
    await page.close();
  });

  it('the branch sees the committee’s rule in its options page', async () => {
    branchPage = await branch.context.newPage();
    await connectFromOptions(branchPage, branch, worker.url, branchCode, '高二3班电脑');
    const above = branchPage.locator('[data-part="local-rules"] .rules-above li');
    await above.first().waitFor({ timeout: 20_000 });
    expect(await above.allInnerTexts()).toEqual([expect.stringContaining(CALIBRATION_RULE.text)]);
    // A branch may not set rules: no editor, no save.
    expect(await branchPage.getByRole('button', { name: '保存本级规则' }).count()).toBe(0);
  });

  it('a form without the phrase shows local-rule in the rule’s own words; one with it does not', async () => {
    await replica.login(branchPage, 'tzb');
    const [first, second] = await uploadable(replica);

    let dialog = await openUpload(branchPage, replica, first!.name);
    await choose(dialog, '入团志愿书.pdf', without.pdf);
    const finding = dialog.locator('.laa-upload-panel ul.issues li[data-code="local-rule"]');
    await finding.waitFor({ timeout: CONTENT_WAIT_MS });
    expect(await finding.innerText()).toContain(CALIBRATION_RULE.text);
    // The evidence is the 团课学习记录 page that was read.
    expect(await finding.locator('.evidence figure').count()).toBeGreaterThan(0);

    await dialog.getByRole('button', { name: '取消' }).click();
    dialog = await openUpload(branchPage, replica, second!.name);
    await choose(dialog, '入团志愿书.pdf', withPhrase.pdf);
    const codes = await contentRead(dialog);
    expect(codes.filter((c) => c.startsWith('local-rule'))).toEqual([]);
  }, 600_000);
});
