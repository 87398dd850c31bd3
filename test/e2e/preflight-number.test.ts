import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, MEMBER } from '../fixtures/forms';
import { FixtureKit } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { PreflightEngine } from '../support/preflight';

/** §5.8: page 1's 发展团员编号 against the member's, read by OCR (shipped, offline) or from a text layer. */
let browser: ExtensionBrowser;
let kit: FixtureKit;
let engine: PreflightEngine;

beforeAll(async () => {
  browser = await launchWithExtension();
  kit = await FixtureKit.open(browser.context);
  engine = await PreflightEngine.open(browser);
});
afterAll(async () => browser?.close());

const numberIssues = (issues: { code: string; severity: string; page?: number }[]) =>
  issues.filter((i) => i.code.startsWith('number-')).map((i) => `${i.code}:${i.severity}@${i.page ?? '-'}`);

describe('the page-1 number', () => {
  it('reads the printed number by OCR and finds it matches', async () => {
    for (const family of ['scanner', 'phone', 'word'] as const) {
      const { report } = await engine.check(await form(kit, { family, seed: 61 }), { member: MEMBER });
      expect(report.page1Number, family).toEqual({ value: MEMBER.devNumber, source: 'ocr' });
      expect(numberIssues(report.issues), family).toEqual([]);
    }
  });
  it("fails when the form carries another member's number", async () => {
    const other = '202487654321';
    const { report } = await engine.check(await form(kit, { family: 'scanner', seed: 62, devNumber: other }), {
      member: MEMBER,
    });
    expect(numberIssues(report.issues)).toEqual(['number-mismatch:fail@1']);
    expect(report.issues[0]!.message).toContain(other);
    expect(report.issues[0]!.message).toContain(MEMBER.devNumber);
    expect(report.verdict).toBe('fail');
  });
  it("fails a mismatch read from a scan app's text layer", async () => {
    const bytes = await form(kit, { family: 'scanapp', seed: 63 }, {}, { textLayer: { devNumber: '202400000001' } });
    const { report } = await engine.check(bytes, { member: MEMBER });
    expect(report.page1Number).toEqual({ value: '202400000001', source: 'text' });
    expect(numberIssues(report.issues)).toEqual(['number-mismatch:fail@1']);
  });
  it('only informs when the number is handwritten and cannot be read', async () => {
    const { report } = await engine.check(await form(kit, { family: 'scanner', seed: 64, handwrittenNumber: true }), {
      member: MEMBER,
    });
    expect(numberIssues(report.issues)).toEqual(['number-unreadable:info@1']);
    expect(report.verdict).toBe('pass');
  });
  it("flags the member's own number when it breaks the rules for the year of joining", async () => {
    const member = { devNumber: '202312345678', joinedOn: '2024-05-20' };
    const { report } = await engine.check(
      await form(kit, { family: 'scanner', seed: 65, devNumber: member.devNumber }),
      { member },
    );
    expect(report.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(['number-format:warn']);
    expect(report.issues[0]!.message).toContain('前四位必须与入团年份相同');
  });
});
