/**
 * The host vocabulary's contract: every entry (extension/host/vocabulary) is counted on the
 * replica pages its proofs name — rendered here, in Chromium, in both kits (Element UI and
 * Element Plus), at the replica's own address where the content script does not run — and must
 * match exactly as often as the proof says. An entry that no longer matches its pages fails here.
 * `VOCABULARY_COUNTS=1` prints every entry's count on every page, to write a new entry's proofs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckDigit } from '../../shared/domain/idCard';
import { countTerms } from '../../extension/host/count';
import type { FixtureId, Term } from '../../extension/host/term';
import { VOCABULARY } from '../../extension/host/vocabulary';
import { placeholderForm } from '../replica/backend/placeholderPdf';
import type { Variant } from '../replica/variant';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startReplica, type AccountName, type Replica } from '../support/replica';

interface Fixture {
  account: AccountName;
  variant?: Partial<Variant>;
  /** Opens the page and brings it to the state the fixture names. */
  open(page: Page, at: (path: string) => string): Promise<void>;
}

const LIST = '/zhtj/center/tuanyuan/recordlist';
const rows = async (page: Page) => {
  await page.locator('.el-table__body-wrapper tr.el-table__row, .el-table__empty-text').first().waitFor();
  // Element Plus takes its loading mask out only once it has faded: on a busy machine after the rows.
  await page.locator('.el-table .el-loading-mask').first().waitFor({ state: 'hidden' });
};
const list =
  (path = LIST) =>
  async (page: Page, at: (p: string) => string) => {
    await page.goto(at(path));
    await rows(page);
  };
const uploadDialog = async (page: Page, at: (p: string) => string) => {
  await list()(page, at);
  await page.locator('.el-table__body-wrapper').getByRole('button', { name: '上传档案' }).first().click();
  await page.locator('.el-dialog .el-upload').first().waitFor();
};
const auditDialog = async (page: Page, at: (p: string) => string) => {
  await list('/zhtj/center/manage/memberrecordaudit')(page, at);
  await page.getByRole('button', { name: '审批', exact: true }).first().click();
  await page.locator('.el-dialog .el-descriptions').first().waitFor();
  await page.locator('.el-dialog a[href]').first().waitFor();
};

/** Both kits' version of a fixture, or only Element UI's. */
function both(name: string, f: Fixture): [FixtureId, Fixture][] {
  return [
    [`ui:${name}`, f],
    [`plus:${name}`, { ...f, variant: { ...f.variant, kit: 'element-plus' } }],
  ];
}

const FIXTURES = new Map<FixtureId, Fixture>([
  ['ui:signin', { account: 'tzb', open: async (page, at) => void (await page.goto(at('/zhtj/signin'))) }],
  ...both('home', {
    account: 'tzb',
    async open(page) {
      // A fresh sign-in: the host shows its prompts once per session.
      await page.locator('.login-prompt .el-dialog__body').waitFor();
      await page.locator('.el-descriptions').first().waitFor();
    },
  }),
  ...both('list', { account: 'tzb', open: list() }),
  ...both('list-fixed', { account: 'tzb', variant: { fixedActions: true }, open: list() }),
  [
    'ui:list-sub',
    { account: 'tzz', variant: { extraColumns: true }, open: list('/zhtj/center/tuanyuantw/memberlist') },
  ],
  ['ui:list-cadre', { account: 'tzb', open: list('/zhtj/center/tuangan/recordlist') }],
  [
    'ui:list-alias',
    {
      account: 'tzz',
      variant: {
        extraColumns: true,
        headerLabels: {
          发展团员编号: '发展编号',
          入团时间: '入团日期',
          团员身份认证: '认证状态',
          档案是否上传: '是否上传档案',
          所在团组织: '所在组织',
          身份证号: '身份证号码',
        },
      },
      open: list('/zhtj/center/tuanyuantw/memberlist'),
    },
  ],
  [
    'ui:list-loading',
    {
      account: 'tzb',
      variant: { loadDelayMs: 20_000 },
      async open(page, at) {
        await page.goto(at(LIST));
        await page.locator('.el-table .el-loading-mask').waitFor({ state: 'visible' });
      },
    },
  ],
  [
    'ui:list-empty',
    {
      account: 'tzb',
      variant: { empty: true },
      open: async (page, at) => {
        await page.goto(at(LIST));
        await page.locator('.el-table__empty-text').waitFor();
      },
    },
  ],
  ['ui:list-renamed', { account: 'tzb', variant: { renamedClasses: true }, open: list() }],
  ...both('upload', { account: 'tzb', open: uploadDialog }),
  ...both('upload-chosen', {
    account: 'tzb',
    async open(page, at) {
      await uploadDialog(page, at);
      const pdf = Buffer.from(await placeholderForm({ userCode: '', pages: 2 }));
      await page
        .locator('.el-dialog input[type=file]')
        .setInputFiles({ name: '入团志愿书.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.locator('.el-upload-list__item').waitFor();
    },
  }),
  ['ui:upload-drag', { account: 'tzb', variant: { uploadDrag: true }, open: uploadDialog }],
  ...both('audit', { account: 'tw', open: auditDialog }),
  [
    'ui:audit-done',
    {
      account: 'tw',
      async open(page, at) {
        await auditDialog(page, at);
        await page.locator('.el-dialog textarea').fill('第5页缺少介绍人签名');
        await page.locator('.el-dialog__footer').getByRole('button', { name: '不同意', exact: true }).click();
        await page.locator('.el-message--success').waitFor();
      },
    },
  ],
  ['ui:operation', { account: 'tzb', open: list('/zhtj/center/operationcenter') }],
  ['ui:transfer', { account: 'byb', open: list('/zhtj/center/manage/managetransfer') }],
  ...both('entry-alert', {
    account: 'tzb',
    async open(page, at) {
      await page.goto(at('/zhtj/center/tuanyuan/add'));
      const first17 = `1101052010030${Math.floor(1000 + Math.random() * 8999)}`;
      await page.getByPlaceholder('请输入姓名').fill('欧阳晓东');
      await page.getByPlaceholder('请输入18位身份证号').fill(first17 + idCardCheckDigit(first17));
      await page.locator('.el-date-editor input').fill('2025-03-01');
      await page.keyboard.press('Enter');
      await page.getByPlaceholder('2017年以后发展的团员必填，12位').fill(`2025${first17.slice(-8)}`);
      await page.getByRole('button', { name: '提交' }).click();
      await page.locator('.el-message-box').waitFor();
    },
  }),
]);

type Vocabulary = Readonly<Record<string, Term>>;

/** Entry → [expected, seen] for every proof on `fixture` that the counts contradict. */
export function mismatches(vocabulary: Vocabulary, fixture: FixtureId, counts: Record<string, number>) {
  const out: Record<string, [expected: number, seen: number]> = {};
  for (const [id, t] of Object.entries(vocabulary))
    for (const [expected, on] of t.proof)
      if (on === fixture && counts[id] !== expected) out[id] = [expected, counts[id] ?? -1];
  return out;
}

/** The entries' counts on the page showing now, by the same function the page diagnosis uses. */
function countOnPage(page: Page, vocabulary: Vocabulary): Promise<Record<string, number>> {
  return page.evaluate(
    ([v, fn]) => {
      const count = new Function(`return (${fn})`)() as typeof countTerms;
      return count(v, location.pathname);
    },
    [vocabulary, countTerms.toString()] as const,
  );
}

/** The same page counted with three entries changed the way a site update breaks them: exactly those fail. */
async function changedEntriesFail(page: Page): Promise<void> {
  const changed = structuredClone(VOCABULARY) as unknown as Record<string, Term & { value: unknown }>;
  changed['table.row']!.value = 'tr.el-table-row';
  changed['column.certStatus']!.value = ['团员身份认证状况'];
  changed['route.memberDatabase']!.value = '^/zhtj/center/tuanyuan/list$';
  const counts = await countOnPage(page, changed);
  expect(Object.keys(mismatches(changed, 'ui:list', counts)).sort()).toEqual([
    'column.certStatus',
    'route.memberDatabase',
    'table.row',
  ]);
}

describe('the host vocabulary against the replica', () => {
  let replica: Replica;
  let browser: ExtensionBrowser;
  let page: Page;
  let signedIn: AccountName | null = null;
  const at = (path: string) => `${replica.ipOrigin}${path}`;

  beforeAll(async () => {
    replica = await startReplica({ seed: 23, size: 30 });
    browser = await launchWithExtension({ args: replica.chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  it('every entry has proofs on pages that exist, at least one where it matches; every page proves something', () => {
    const named = new Set(Object.values(VOCABULARY as Vocabulary).flatMap((t) => t.proof.map(([, f]) => f)));
    expect([...FIXTURES.keys()].filter((f) => !named.has(f))).toEqual([]);
    for (const [id, t] of Object.entries(VOCABULARY as Vocabulary)) {
      expect(t.proof.length, id).toBeGreaterThan(0);
      for (const [, fixture] of t.proof) expect(FIXTURES.has(fixture), `${id} → ${fixture}`).toBe(true);
      expect(
        t.proof.some(([n]) => n > 0),
        `${id} matches nowhere`,
      ).toBe(true);
      if (t.kind !== 'route' && 'within' in t && t.within)
        expect((VOCABULARY as Vocabulary)[t.within]?.kind, `${id} within ${t.within}`).toBe('selector');
    }
  });

  for (const [fixture, f] of FIXTURES) {
    it(`matches its proofs on ${fixture}`, async () => {
      await replica.setVariant({ ...f.variant });
      if (fixture.endsWith(':home') || signedIn !== f.account) {
        // A fresh tab per account: the host's sign-in prompts show once per tab.
        await page?.close();
        page = await browser.context.newPage();
        await replica.login(page, f.account, { origin: replica.ipOrigin });
        signedIn = f.account;
      }
      await f.open(page, at);
      // Vue's last updates (tooltips, counts) settle within a frame or two.
      await page.waitForTimeout(300);
      const counts = await countOnPage(page, VOCABULARY);
      if (process.env.VOCABULARY_COUNTS) console.log(fixture, JSON.stringify(counts));
      expect(mismatches(VOCABULARY, fixture, counts), `entries that no longer match on ${fixture}`).toEqual({});
      if (fixture === 'ui:list') await changedEntriesFail(page);
    });
  }
});
