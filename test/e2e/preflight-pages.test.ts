import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../shared/pdf/types';
import { ccittPage, jbig2Page, jpxPage, replaceWithImage } from '../fixtures/bilevel';
import { form, MEMBER } from '../fixtures/forms';
import { FixtureKit, type Family } from '../fixtures/kit';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { PreflightEngine } from '../support/preflight';

/**
 * Page-content checks on generated 《入团志愿书》 scans in four independent families, through the
 * extension's analysis page in Chromium. Each defect sits on one page of an otherwise clean form,
 * so the test also shows that the rest of the form raises nothing.
 */
let browser: ExtensionBrowser;
let kit: FixtureKit;
let engine: PreflightEngine;

const flags = (r: PreflightReport) =>
  r.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code}:${i.severity}${i.page ? `@${i.page}` : ''}`);
const check = async (bytes: Uint8Array) => (await engine.check(bytes, { member: MEMBER })).report;

beforeAll(async () => {
  browser = await launchWithExtension();
  kit = await FixtureKit.open(browser.context);
  engine = await PreflightEngine.open(browser);
});
afterAll(async () => browser?.close());

describe('clean forms raise nothing', () => {
  it.each<[string, Family, object]>([
    ['a flatbed scan', 'scanner', {}],
    ['a greyscale 200-dpi scan', 'scanner', { dpi: 200, colour: false }],
    ["a scan app's output", 'scanapp', {}],
    ['cropped phone photos', 'phone', {}],
    ['phone photos in a Word document', 'word', {}],
  ])('%s', async (_label, family, extra) => {
    const r = await check(await form(kit, { family, seed: 41, ...extra }));
    expect(flags(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
    // Pages 7 and 8 share one printed layout (入团志愿 and its continuation): not duplicates.
    expect(r.issues.map((i) => i.code)).not.toContain('duplicate-page');
  });
});

describe('page checks', () => {
  it("fails a typed page, and keeps a scan app's invisible OCR layer a scan", async () => {
    const typed = await check(await form(kit, { family: 'scanner', seed: 42 }, {}, { typedPages: [2] }));
    expect(flags(typed)).toEqual(['not-scanned:fail@2']);
    const layered = await check(
      await form(kit, { family: 'scanapp', seed: 42 }, {}, { textLayer: { devNumber: MEMBER.devNumber } }),
    );
    expect(flags(layered)).toEqual([]);
    expect(layered.page1Number).toEqual({ value: MEMBER.devNumber, source: 'text' });
  });
  it('fails a blank page, never the near-empty cover', async () => {
    const r = await check(await form(kit, { family: 'phone', seed: 43 }, { 5: { page: 0 } }));
    expect(flags(r)).toEqual(['blank-page:fail@5']);
    const empty = await check(await form(kit, { family: 'scanner', seed: 43 }, {}, { emptyPages: [12] }));
    expect(flags(empty)).toEqual(['blank-page:fail@12']);
  });
  it('grades blur', async () => {
    const r = await check(await form(kit, { family: 'word', seed: 44 }, { 3: { blurMm: 0.3 }, 7: { blurMm: 0.8 } }));
    expect(flags(r)).toEqual(['blurry-page:warn@3', 'blurry-page:fail@7']);
  });
  it('grades stains of every kind by size: warn from 10 mm, fail from 30 mm or where one hides writing', async () => {
    const tea = { kind: 'tint', strength: 'clear', x: 90, y: 160, size: 18, seed: 1 } as const;
    const cup = { kind: 'ring', strength: 'clear', x: 110, y: 150, size: 60, seed: 2 } as const;
    const r = await check(
      await form(
        kit,
        { family: 'scanapp', seed: 45 },
        { 3: { stains: [tea] }, 5: { stains: [cup] }, 6: { stainMm: 5 }, 8: { stainMm: 15 } },
      ),
    );
    expect(flags(r)).toEqual(['stained-page:warn@3', 'stained-page:fail@5', 'stained-page:fail@8']);
    // The 15 mm ink blot is under the size that fails, but it covers the writing.
    expect(r.issues.find((i) => i.page === 8)!.message).toContain('盖住了字迹');
  });
  it('finds the same sheet twice: rescanned, and copied', async () => {
    // 基本情况 rescanned in place of 介绍人意见 (a sparse ruled table like 本人经历 measures 0.93 at best).
    const rescanned = await check(await form(kit, { family: 'scanner', seed: 46 }, { 9: { page: 3, scanSeed: 99 } }));
    expect(flags(rescanned)).toEqual(['duplicate-page:fail@9']);
    expect(rescanned.issues.find((i) => i.code === 'duplicate-page')!.message).toContain('第 3 页');
    const doc = await PDFDocument.load(await form(kit, { family: 'phone', seed: 46 }));
    doc.removePage(10);
    const [copy] = await doc.copyPages(doc, [2]);
    doc.insertPage(10, copy!);
    expect(flags(await check(await doc.save()))).toEqual(['duplicate-page:fail@11']);
  });
  it('finds pages upside down and on their side', async () => {
    const r = await check(await form(kit, { family: 'scanner', seed: 47 }, { 4: { rotate: 180 }, 9: { rotate: 90 } }));
    expect(flags(r)).toEqual(['orientation:warn@4', 'orientation:fail@9']);
  });
  it('warns on a page tilted more than 3°', async () => {
    const r = await check(await form(kit, { family: 'phone', seed: 48 }, { 5: { skewDeg: 5 }, 6: { skewDeg: -2 } }));
    expect(flags(r)).toEqual(['skew:warn@5']);
    expect(r.issues.find((i) => i.code === 'skew')!.message).toMatch(/5(\.\d)?°/);
  });
  it('grades resolution against DA/T 31-2017', async () => {
    const r = await check(await form(kit, { family: 'scanner', seed: 49 }, { 2: { dpi: 150 }, 12: { dpi: 72 } }));
    expect(flags(r)).toEqual(['low-resolution:warn@2', 'low-resolution:fail@12']);
  });
  it("warns on a desk around the sheet, not on Word's white margins", async () => {
    const r = await check(await form(kit, { family: 'phone', seed: 50 }, { 6: { border: 0.08 } }));
    expect(flags(r)).toEqual(['background-border:warn@6']);
  });
  it('fails a colour scan without a seal, and only informs for a greyscale one', async () => {
    const colour = await check(await form(kit, { family: 'scanner', seed: 51, seals: false }));
    expect(colour.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(['no-seal:fail']);
    const grey = await check(await form(kit, { family: 'word', seed: 51, seals: false, colour: false }));
    expect(grey.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(['no-seal:info']);
    expect(grey.verdict).toBe('pass');
    const sealed = await check(await form(kit, { family: 'word', seed: 51 }));
    expect(sealed.sealPages).toEqual([10, 11]);
  });
});

describe('pages that are not JPEG take the slower path, with the same answers', () => {
  it('judges lossless (Flate) pages like JPEG ones', async () => {
    const r = await check(
      await form(
        kit,
        { family: 'scanner', seed: 52 },
        { 6: { format: 'png', dpi: 200 }, 8: { format: 'png', dpi: 200, blurMm: 0.8 } },
      ),
    );
    expect(flags(r)).toEqual(['blurry-page:fail@8']);
    expect(r.thumbnails).toHaveLength(12);
  });
  it('judges bilevel CCITT Group 4 pages (fax-grade scanners)', async () => {
    let pdf = await form(kit, { family: 'scanner', seed: 53 });
    pdf = await replaceWithImage(
      pdf,
      3,
      await ccittPage(kit, { family: 'scanner', page: 4, seed: 53, dpi: 200, colour: false }),
    );
    pdf = await replaceWithImage(
      pdf,
      5,
      await ccittPage(kit, { family: 'scanner', page: 6, seed: 53, dpi: 200, colour: false, rotate: 180 }),
    );
    const r = await engine.check(pdf, { member: MEMBER, includeFacts: true });
    expect(r.report.facts!.structure[3]!.images.map((i) => i.kind)).toEqual(['ccitt']);
    expect(flags(r.report)).toEqual(['orientation:warn@6']);
  });
  it('judges JBIG2 pages', async () => {
    let pdf = await form(kit, { family: 'scanner', seed: 55 });
    pdf = await replaceWithImage(
      pdf,
      4,
      await jbig2Page(kit, { family: 'scanner', page: 5, seed: 55, dpi: 200, colour: false }),
    );
    pdf = await replaceWithImage(
      pdf,
      8,
      await jbig2Page(kit, { family: 'scanner', page: 9, seed: 55, dpi: 200, colour: false, skewDeg: 5 }),
    );
    const r = await engine.check(pdf, { member: MEMBER, includeFacts: true });
    expect(r.report.facts!.structure[4]!.images.map((i) => i.kind)).toEqual(['jbig2']);
    expect(flags(r.report)).toEqual(['skew:warn@9']);
  });
  it('judges JPEG 2000 pages (pdf.js with its shipped OpenJPEG decoder)', async () => {
    let pdf = await form(kit, { family: 'scanner', seed: 54 });
    pdf = await replaceWithImage(pdf, 2, await jpxPage(kit, { family: 'scanner', page: 3, seed: 54, dpi: 200 }));
    pdf = await replaceWithImage(
      pdf,
      6,
      await jpxPage(kit, { family: 'scanner', page: 7, seed: 54, dpi: 200, blurMm: 0.8 }),
    );
    const r = await engine.check(pdf, { member: MEMBER, includeFacts: true });
    expect(r.report.facts!.structure[2]!.images.map((i) => i.kind)).toEqual(['jpx']);
    expect(flags(r.report)).toEqual(['blurry-page:fail@7']);
  });
});
