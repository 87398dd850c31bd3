import { createHash } from 'node:crypto';
import { degrees, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../shared/pdf/types';
import { form, MEMBER } from '../fixtures/forms';
import { compressionBomb, circularTree, deepTree, hugeImage, manyPages } from '../fixtures/hostile';
import { FixtureKit } from '../fixtures/kit';
import { encryptedPdf, jpegPages } from '../fixtures/rawPdf';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { PreflightEngine } from '../support/preflight';

/** File-level checks and hostile input, through the extension's analysis page in Chromium. */
let browser: ExtensionBrowser;
let kit: FixtureKit;
let engine: PreflightEngine;
let clean: Uint8Array;

const codes = (r: PreflightReport) => r.issues.map((i) => `${i.code}:${i.severity}${i.page ? `@${i.page}` : ''}`);

beforeAll(async () => {
  browser = await launchWithExtension();
  kit = await FixtureKit.open(browser.context);
  engine = await PreflightEngine.open(browser);
  clean = await form(kit, { family: 'scanner', seed: 11 });
});
afterAll(async () => browser?.close());

describe('a readable file', () => {
  it('passes a clean 12-page scanner form, and reports hash, size, pages and thumbnails', async () => {
    const { report } = await engine.check(clean, { member: MEMBER });
    expect(codes(report)).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report).toMatchObject({ pages: 12, bytes: clean.length });
    expect(report.sha256).toBe(createHash('sha256').update(clean).digest('hex'));
    expect(report.thumbnails).toHaveLength(12);
    expect(report.thumbnails[0]).toMatch(/^data:image\/jpeg;base64,/);
    // Each thumbnail shows its page: a small portrait picture with dark writing on light paper.
    for (const t of await thumbnailsLook(report.thumbnails)) {
      expect([t.w, t.h]).toEqual([96, 136]);
      expect(t.min).toBeLessThan(160);
      expect(t.max).toBeGreaterThan(200);
    }
  });

  it('draws each thumbnail as its page shows, a page turned by /Rotate turned too', async () => {
    const doc = await PDFDocument.load(clean);
    const scan = firstPageJpeg(doc);
    doc.getPage(0).setRotation(degrees(90));
    const { report } = await engine.check(await doc.save(), { member: MEMBER });
    const upright = (await engine.check(clean, { member: MEMBER })).report.thumbnails[0]!;
    const [u, t] = await thumbnailsLook([upright, report.thumbnails[0]!], scan);
    // Against the page's own scan, scaled down here: upright as it is, and turned a quarter clockwise.
    expect([u!.w, u!.h, t!.w, t!.h]).toEqual([96, 136, 96, 68]);
    expect(u!.diff![0]).toBeLessThan(2);
    expect(u!.diff![180]).toBeGreaterThan(u!.diff![0]! * 2);
    expect(t!.diff![90]).toBeLessThan(2);
    expect(t!.diff![270]).toBeGreaterThan(t!.diff![90]! * 2);
  });
});

/** The JPEG bytes of the picture on the first page (the fixtures put one scan on each page). */
function firstPageJpeg(doc: PDFDocument): number[] {
  const xobjects = doc.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
  const stream = doc.context.lookup(xobjects.values()[0]);
  if (!(stream instanceof PDFRawStream)) throw new Error('page 1 has no scan');
  return [...stream.contents];
}

interface ThumbnailLook {
  w: number;
  h: number;
  min: number;
  max: number;
  /** Given the page's scan: the mean grey difference from the scan turned clockwise by 0 and 180° (portrait) or 90 and 270°. */
  diff?: Record<number, number>;
}

/** Size, darkest and lightest grey of each thumbnail; given the page's scan, how far it is from the scan turned each way. */
async function thumbnailsLook(urls: string[], scan?: number[]): Promise<ThumbnailLook[]> {
  const page = await browser.context.newPage();
  try {
    return await page.evaluate(
      async ({ urls, scan }) => {
        const greyOf = (img: ImageBitmap, w: number, h: number, turn: number) => {
          const c = new OffscreenCanvas(w, h);
          const ctx = c.getContext('2d')!;
          ctx.imageSmoothingQuality = 'high';
          ctx.translate(w / 2, h / 2);
          ctx.rotate((turn * Math.PI) / 180);
          const [dw, dh] = turn % 180 ? [h, w] : [w, h];
          ctx.drawImage(img, -dw / 2, -dh / 2, dw, dh);
          const d = ctx.getImageData(0, 0, w, h).data;
          return Array.from({ length: w * h }, (_, i) => (d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]!) / 3);
        };
        const meanDiff = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
        const ref = scan ? await createImageBitmap(new Blob([new Uint8Array(scan)], { type: 'image/jpeg' })) : null;
        const out: ThumbnailLook[] = [];
        for (const url of urls) {
          const bmp = await createImageBitmap(await (await fetch(url)).blob());
          const g = greyOf(bmp, bmp.width, bmp.height, 0);
          const look: ThumbnailLook = { w: bmp.width, h: bmp.height, min: Math.min(...g), max: Math.max(...g) };
          if (ref) {
            look.diff = {};
            const portrait = bmp.height > bmp.width === ref.height > ref.width;
            for (const turn of portrait ? [0, 180] : [90, 270])
              look.diff[turn] = meanDiff(g, greyOf(ref, bmp.width, bmp.height, turn));
          }
          out.push(look);
        }
        return out;
      },
      { urls, scan },
    );
  } finally {
    await page.close();
  }
}

describe('file checks', () => {
  it('fails an empty file', async () => {
    expect(codes((await engine.check(new Uint8Array(0))).report)).toEqual(['empty:fail']);
  });
  it('fails an HTML error page and an image renamed .pdf, saying what they are', async () => {
    const html = new TextEncoder().encode(
      '<!DOCTYPE html><html><head><title>502</title></head><body>Bad Gateway</body></html>',
    );
    const r1 = (await engine.check(html, { fileName: 'form.pdf' })).report;
    expect(codes(r1)).toEqual(['not-pdf:fail']);
    expect(r1.issues[0]!.message).toContain('网页');
    const jpeg = (await kit.render({ family: 'scanner', page: 1, seed: 1, dpi: 50 })).jpeg;
    const r2 = (await engine.check(jpeg)).report;
    expect(codes(r2)).toEqual(['not-pdf:fail']);
    expect(r2.issues[0]!.message).toContain('图片');
  });
  it('fails a truncated file and one whose structure is garbage', async () => {
    expect(codes((await engine.check(clean.subarray(0, Math.floor(clean.length * 0.7)))).report)).toEqual([
      'corrupt:fail',
    ]);
    const junk = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(5000) + '\nstartxref\n99999\n%%EOF\n');
    expect(codes((await engine.check(junk)).report)).toEqual(['corrupt:fail']);
  });
  it('fails a file that needs a password, and passes one with only an owner password', async () => {
    const pages = await kit.renderAll(
      Array.from({ length: 12 }, (_, i) => ({
        family: 'scanner' as const,
        page: i + 1,
        seed: 11,
        devNumber: MEMBER.devNumber,
      })),
    );
    const { objects, root } = jpegPages(pages);
    const locked = (await engine.check(encryptedPdf(objects, root, 'secret', 'owner'))).report;
    expect(codes(locked)).toEqual(['encrypted:fail']);
    const ownerOnly = (await engine.check(encryptedPdf(objects, root, '', 'owner'), { member: MEMBER })).report;
    expect(codes(ownerOnly)).toEqual([]);
    expect(ownerOnly.sealPages.length).toBeGreaterThan(0);
  });
  it('warns between 20,000,000 bytes and 20 MiB and fails above', async () => {
    const padded = async (target: number) => {
      const doc = await PDFDocument.load(clean);
      const pad = new Uint8Array(target - clean.length - 2000);
      let x = 2463534242;
      for (let i = 0; i < pad.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        pad[i] = x & 255; // noise: the attachment does not compress
      }
      await doc.attach(pad, 'scan-notes.bin', { mimeType: 'application/octet-stream' });
      return doc.save();
    };
    const warn = await padded(20_400_000);
    expect(warn.length).toBeGreaterThan(20_000_000);
    expect(warn.length).toBeLessThanOrEqual(20_971_520);
    expect(codes((await engine.check(warn, { member: MEMBER })).report)).toEqual(['too-large:warn']);
    const big = await padded(21_200_000);
    expect(big.length).toBeGreaterThan(20_971_520);
    expect(codes((await engine.check(big, { member: MEMBER })).report)).toEqual(['too-large:fail']);
  });
  it('names the missing or surplus page count, against the expected count', async () => {
    const doc = await PDFDocument.load(clean);
    doc.removePage(5);
    const eleven = (await engine.check(await doc.save(), { member: MEMBER })).report;
    expect(codes(eleven)).toEqual(['page-count:fail']);
    expect(eleven.issues[0]!.message).toContain('少了 1 页');
    const more = await PDFDocument.load(clean);
    const [copy] = await more.copyPages(more, [11]);
    more.addPage(copy!);
    const thirteen = (await engine.check(await more.save(), { member: MEMBER, expectedPages: 12 })).report;
    expect(codes(thirteen)).toContain('page-count:fail');
    expect(thirteen.issues.find((i) => i.code === 'page-count')!.message).toContain('多了 1 页');
    expect(codes((await engine.check(await more.save(), { member: MEMBER, expectedPages: 13 })).report)).not.toContain(
      'page-count:fail',
    );
  });
});

describe('hostile input stays bounded', () => {
  const quickly = async (bytes: Uint8Array) => {
    const t0 = Date.now();
    const r = await engine.check(bytes, { skipNumber: true });
    return { ...r, elapsed: Date.now() - t0 };
  };
  it('answers 5,000 pages in under 2 s, analysing only the first pages', async () => {
    const small = (await kit.render({ family: 'scanner', page: 3, seed: 2, dpi: 40 })).jpeg;
    const r = await quickly(await manyPages(small));
    expect(r.report.pages).toBe(5000);
    expect(codes(r.report)).toContain('page-count:fail');
    expect(r.report.issues.find((i) => i.code === 'page-count')!.message).toContain('多了 4988 页');
    // Only the first 16 pages (12 expected + 4) are looked at; the rest are counted, and said so.
    expect(codes(r.report)).toContain('unchecked-pages:info');
    expect(r.report.issues.find((i) => i.code === 'unchecked-pages')!.message).toContain('4984');
    expect(r.wallMs).toBeLessThan(2000);
  });
  it('refuses a 500-megapixel image without decoding it', async () => {
    const scan = (await kit.render({ family: 'scanner', page: 3, seed: 2, dpi: 60 })).jpeg;
    const r = await quickly(await hugeImage(scan));
    expect(codes(r.report)).toContain('huge-image:fail@3');
    expect(r.wallMs).toBeLessThan(2000);
  });
  it('survives circular and deep object trees', async () => {
    const circular = await quickly(circularTree());
    expect(circular.report.verdict).toBe('fail');
    expect(circular.wallMs).toBeLessThan(2000);
    const deep = await quickly(deepTree());
    expect(deep.report.verdict).toBe('fail');
    expect(deep.wallMs).toBeLessThan(2000);
  });
  it('stops inflating a compression bomb', async () => {
    const r = await quickly(compressionBomb());
    expect(r.report.verdict).toBe('fail');
    expect(codes(r.report)).toContain('corrupt:fail@1');
    expect(r.wallMs).toBeLessThan(2000);
  });
});
