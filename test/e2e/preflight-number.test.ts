import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib';
import sharp from 'sharp';
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
  // Only page 1's top rows are decoded for the number (pageWorker.ts): a progressive JPEG spreads
  // every row over several scans, and a 200-dpi scan is not a whole eighth of the OCR size.
  it('reads it from only the top of a progressive JPEG page 1, and of a 200-dpi scan', async () => {
    const progressive = await withPage1Jpeg(await form(kit, { family: 'scanner', seed: 66 }), (jpeg) =>
      sharp(jpeg).jpeg({ quality: 90, progressive: true }).toBuffer(),
    );
    for (const [label, bytes] of [
      ['progressive', progressive],
      ['200 dpi', await form(kit, { family: 'scanner', seed: 67, dpi: 200 })],
    ] as const) {
      const { report } = await engine.check(bytes, { member: MEMBER });
      expect(report.page1Number, label).toEqual({ value: MEMBER.devNumber, source: 'ocr' });
      expect(numberIssues(report.issues), label).toEqual([]);
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

/** The file with page 1's scan replaced by `recode` of it (the picture stays the same size). */
async function withPage1Jpeg(bytes: Uint8Array, recode: (jpeg: Buffer) => Promise<Buffer>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const xobjects = doc.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
  const ref = xobjects.values()[0] as PDFRef;
  const stream = doc.context.lookup(ref) as PDFRawStream;
  const contents = new Uint8Array(await recode(Buffer.from(stream.contents)));
  const dict = stream.dict.clone(doc.context);
  dict.set(PDFName.of('Length'), PDFNumber.of(contents.length));
  doc.context.assign(ref, PDFRawStream.of(dict, contents));
  return doc.save();
}
