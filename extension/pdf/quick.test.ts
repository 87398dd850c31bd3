import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPageContent } from './parser/content';
import { readFileFacts } from './quick';

/** The smallest JPEG header pdf-lib accepts: SOI, SOF0 with the size, EOI. */
function jpegHeader(w: number, h: number, comps = 3): Uint8Array {
  const sof = [0xff, 0xc0, 0, 8 + comps * 3, 8, h >> 8, h & 255, w >> 8, w & 255, comps];
  for (let i = 0; i < comps; i++) sof.push(i + 1, 0x11, 0);
  return Uint8Array.from([0xff, 0xd8, ...sof, 0xff, 0xd9]);
}

async function scanPdf(pages: number, opts: { objectStreams?: boolean; text?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedJpg(jpegHeader(2480, 3508));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595.28, 841.89]);
    p.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
    if (opts.text) p.drawText('No. 202412345678', { x: 50, y: 800, size: 12, font });
  }
  return doc.save({ useObjectStreams: opts.objectStreams ?? false });
}

describe('the quick file facts', () => {
  it('counts pages with classic xref tables and with object streams', async () => {
    for (const objectStreams of [false, true]) {
      const r = await readFileFacts(await scanPdf(12, { objectStreams }), 40);
      expect(r.file).toMatchObject({ isPdf: true, corrupt: false, needsPassword: false, pageCount: 12 });
      expect(r.pages).toHaveLength(12);
    }
  });
  it('names what a non-PDF is', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>');
    expect((await readFileFacts(html, 40)).file).toMatchObject({ isPdf: false, looksLike: 'html' });
    expect((await readFileFacts(jpegHeader(10, 10), 40)).file.looksLike).toBe('jpeg');
  });
  it('calls a truncated file corrupt', async () => {
    const bytes = await scanPdf(12);
    const r = await readFileFacts(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 40);
    expect(r.file.corrupt).toBe(true);
  });
  it('rebuilds a broken xref the way viewers do', async () => {
    const bytes = Uint8Array.from(await scanPdf(12));
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf('startxref');
    const digits = /startxref\s+(\d+)/.exec(text.slice(at))!;
    const pos = at + digits[0].length - digits[1]!.length;
    bytes[pos] = '1'.charCodeAt(0); // point startxref somewhere wrong
    const r = await readFileFacts(bytes, 40);
    expect(r.file).toMatchObject({ corrupt: false, pageCount: 12 });
  });
  it('measures image placement, dpi and text on a page', async () => {
    const r = await readFileFacts(await scanPdf(2, { text: true }), 40);
    const c = await readPageContent(r.doc!, r.pages[0]!, 1);
    expect(c.facts.images).toHaveLength(1);
    expect(c.facts.images[0]).toMatchObject({ kind: 'jpeg', width: 2480, height: 3508, components: 3 });
    expect(c.facts.images[0]!.coverage).toBeCloseTo(1, 3);
    expect(c.facts.images[0]!.dpi).toBeCloseTo(300, 0);
    expect(c.facts.visibleTextOps).toBe(1);
    expect(c.text).toContain('202412345678');
  });
});

describe('which JPEGs the browser decodes', () => {
  it('reads the SOF marker: 8-bit Huffman grey or YCbCr yes; 12-bit, arithmetic or CMYK go to pdf.js', async () => {
    const { jpegInfo, browserDecodable } = await import('./jpeg');
    const sof = (marker: number, precision: number, comps: number) => {
      const b = jpegHeader(2480, 3508, comps);
      b[3] = marker;
      b[6] = precision;
      return jpegInfo(b)!;
    };
    expect(jpegInfo(jpegHeader(2480, 3508))).toMatchObject({
      width: 2480,
      height: 3508,
      sof: 0xc0,
      precision: 8,
      components: 3,
    });
    expect(browserDecodable(sof(0xc0, 8, 3))).toBe(true);
    expect(browserDecodable(sof(0xc2, 8, 1))).toBe(true);
    expect(browserDecodable(sof(0xc1, 12, 3))).toBe(false);
    expect(browserDecodable(sof(0xc9, 8, 3))).toBe(false);
    expect(browserDecodable(sof(0xc0, 8, 4))).toBe(false);
  });
});
