import { describe, expect, it } from 'vitest';
import { judge, judgeQuick, verdictOf } from './judge';
import { cleanFacts, cleanFile, cleanPixels, scannedPage } from '../../test/support/pdfFacts';
import type { PagePixelFacts } from './facts';
import type { Issue, IssueCode } from './types';

const codes = (issues: Issue[]) => issues.map((i) => i.code);
const only = (issues: Issue[], code: IssueCode) => issues.filter((i) => i.code === code);

describe('the verdict', () => {
  it('passes a clean 12-page colour scan with a seal and says where the seal is', () => {
    const r = judge(cleanFacts());
    expect(r.issues).toEqual([]);
    expect(r.verdict).toBe('pass');
    expect(r.sealPages).toEqual([12]);
  });
  it('is fail over warn over pass, and info never counts', () => {
    const i = (severity: Issue['severity']): Issue => ({ code: 'skew', severity, message: '' });
    expect(verdictOf([i('info')])).toBe('pass');
    expect(verdictOf([i('info'), i('warn')])).toBe('warn');
    expect(verdictOf([i('warn'), i('fail')])).toBe('fail');
  });
  it('gives every issue a Chinese message', () => {
    const r = judge(
      cleanFacts({
        file: cleanFile({ pageCount: 11 }),
        pixels: cleanFacts().pixels.map((p) => p && { ...p, seal: false }),
      }),
    );
    expect(r.issues.length).toBeGreaterThan(1);
    for (const i of r.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('file checks', () => {
  it('stops at an empty file', () => {
    const r = judge(cleanFacts({ file: cleanFile({ bytes: 0, isPdf: false, pageCount: null }) }));
    expect(codes(r.issues)).toEqual(['empty']);
  });
  it('names what a non-PDF looks like', () => {
    const r = judge(cleanFacts({ file: cleanFile({ isPdf: false, looksLike: 'html', pageCount: null }) }));
    expect(codes(r.issues)).toEqual(['not-pdf']);
    expect(r.issues[0]!.message).toContain('网页');
    const img = judge(cleanFacts({ file: cleanFile({ isPdf: false, looksLike: 'jpeg', pageCount: null }) }));
    expect(img.issues[0]!.message).toContain('图片');
  });
  it('fails a file that needs a password, and passes one with only an owner password', () => {
    expect(codes(judge(cleanFacts({ file: cleanFile({ needsPassword: true }) })).issues)).toEqual(['encrypted']);
    expect(judge(cleanFacts({ file: cleanFile({ ownerPasswordOnly: true }) })).verdict).toBe('pass');
  });
  it('fails a corrupt file', () => {
    const r = judge(
      cleanFacts({ file: cleanFile({ corrupt: true, corruptReason: '找不到交叉引用表', pageCount: null }) }),
    );
    expect(codes(r.issues)).toEqual(['corrupt']);
    expect(r.verdict).toBe('fail');
  });
  it('reads "20M" both ways: warn between 20,000,000 bytes and 20 MiB, fail above', () => {
    const at = (bytes: number) => judgeQuick({ file: cleanFile({ bytes }), expectedPages: 12 });
    expect(at(20_000_000).verdict).toBe('pass');
    expect(at(20_000_001).issues).toMatchObject([{ code: 'too-large', severity: 'warn' }]);
    expect(at(20_971_520).verdict).toBe('warn');
    expect(at(20_971_521).issues).toMatchObject([{ code: 'too-large', severity: 'fail' }]);
  });
  it('names the missing or surplus page count, against a configurable expectation', () => {
    const eleven = judgeQuick({ file: cleanFile({ pageCount: 11 }), expectedPages: 12 });
    expect(eleven.issues[0]).toMatchObject({ code: 'page-count', severity: 'fail' });
    expect(eleven.issues[0]!.message).toContain('少了 1 页');
    const fifteen = judgeQuick({ file: cleanFile({ pageCount: 15 }), expectedPages: 12 });
    expect(fifteen.issues[0]!.message).toContain('多了 3 页');
    expect(judgeQuick({ file: cleanFile({ pageCount: 8 }), expectedPages: 8 }).verdict).toBe('pass');
  });
  it('fails an absurd image without judging its pixels', () => {
    const f = cleanFacts();
    f.structure[3] = scannedPage(4, {
      images: [{ kind: 'jpeg', width: 25000, height: 20000, components: 3, coverage: 1, dpi: 3000 }],
    });
    f.pixels[3] = null;
    const r = judge(f);
    expect(r.issues).toMatchObject([{ code: 'huge-image', page: 4, severity: 'fail' }]);
  });
});

describe('page checks', () => {
  it("fails typed pages, and keeps a scan app's invisible text layer a scan", () => {
    const f = cleanFacts();
    f.structure[1] = scannedPage(2, { images: [], visibleTextOps: 40, vectorOps: 12 });
    f.pixels[1] = null;
    f.structure[2] = scannedPage(3, { invisibleTextOps: 300 });
    const r = judge(f);
    expect(r.issues).toMatchObject([{ code: 'not-scanned', page: 2 }]);
  });
  it('counts a Word page whose photo sits inside margins as a scan', () => {
    const f = cleanFacts();
    f.structure[0] = scannedPage(1, {
      images: [{ kind: 'jpeg', width: 1500, height: 2000, components: 3, coverage: 0.58, dpi: 240 }],
      vectorOps: 0,
    });
    expect(judge(f).verdict).toBe('pass');
  });
  it('fails a blank page, not a sparse cover', () => {
    const f = cleanFacts();
    f.pixels[0] = cleanPixels(1, { inkCoverage: 0.004 });
    f.pixels[5] = cleanPixels(6, {
      inkCoverage: 0.0001,
      toneCoverage: 0.0002,
      edgeCount: 0,
      edgeWidthMm: null,
      skewDeg: null,
      orientation: 'unknown',
    });
    expect(judge(f).issues).toMatchObject([{ code: 'blank-page', page: 6, severity: 'fail' }]);
  });
  it('grades blur by edge width and ignores pages with too few edges', () => {
    const at = (edgeWidthMm: number, edgeCount = 3000) => {
      const f = cleanFacts();
      f.pixels[4] = cleanPixels(5, { edgeWidthMm, edgeCount });
      return only(judge(f).issues, 'blurry-page');
    };
    expect(at(0.6)).toEqual([]);
    expect(at(1.2)).toEqual([]);
    expect(at(1.6)).toMatchObject([{ severity: 'warn', page: 5 }]);
    expect(at(2.4)).toMatchObject([{ severity: 'fail', page: 5 }]);
  });
  it('fails a page whose writing is smeared past its edges, never a sparse cover with few edges', () => {
    const at = (over: Partial<PagePixelFacts>) => {
      const f = cleanFacts();
      f.pixels[4] = cleanPixels(5, { edgeWidthMm: null, edgeCount: 20, ...over });
      return only(judge(f).issues, 'blurry-page');
    };
    // Much toned, little of it ink: writing smeared into grey.
    expect(at({ toneCoverage: 0.04, inkCoverage: 0.006 })).toMatchObject([{ severity: 'fail' }]);
    // A large title and a few lines: as much ink as tone.
    expect(at({ toneCoverage: 0.025, inkCoverage: 0.02 })).toEqual([]);
  });
  it('says nothing of sharpness on a page with little on it and few edges', () => {
    const f = cleanFacts();
    f.pixels[4] = cleanPixels(5, { edgeWidthMm: 2.4, edgeCount: 20, inkCoverage: 0.002, toneCoverage: 0.004 });
    expect(only(judge(f).issues, 'blurry-page')).toEqual([]);
  });
  it('grades stains by size: warn from 10 mm, fail from 30 mm or where one hides writing', () => {
    const at = (over: Partial<PagePixelFacts>) => {
      const f = cleanFacts();
      f.pixels[6] = cleanPixels(7, over);
      return judge(f).issues.filter((i) => i.code === 'stained-page' || i.code === 'shadow');
    };
    expect(at({ stainMm: 8 })).toEqual([]);
    expect(at({ stainMm: 15 })).toMatchObject([{ code: 'stained-page', severity: 'warn', page: 7 }]);
    expect(at({ stainMm: 15 })[0]!.message).toContain('约 15mm');
    expect(at({ stainMm: 45 })).toMatchObject([{ severity: 'fail' }]);
    expect(at({ stainMm: 14, stainHidingMm: 14 })).toMatchObject([{ severity: 'fail' }]);
    expect(at({ stainMm: 14, stainHidingMm: 14 })[0]!.message).toContain('盖住了字迹');
    expect(at({ stainMm: 6, stainHidingMm: 6 })).toEqual([]);
  });
  it('reports a shadow over the edge of a photo as a shadow, never as a stain', () => {
    const f = cleanFacts();
    f.pixels[1] = cleanPixels(2, { edgeShadowMm: 30 });
    f.pixels[2] = cleanPixels(3, { edgeShadowMm: 8 });
    expect(judge(f).issues.map((i) => `${i.code}:${i.severity}@${i.page}`)).toEqual(['shadow:warn@2']);
  });
  it('does not call the grey smear of a page blurred past reading a stain', () => {
    const f = cleanFacts();
    f.pixels[6] = cleanPixels(7, { edgeWidthMm: 3.1, stainMm: 70 });
    expect(judge(f).issues.map((i) => i.code)).toEqual(['blurry-page']);
  });
  it('reports orientation before skew', () => {
    const f = cleanFacts();
    f.pixels[2] = cleanPixels(3, { orientation: 'upsideDown', skewDeg: 0 });
    f.pixels[3] = cleanPixels(4, { orientation: 'sideways', skewDeg: 10 });
    f.pixels[4] = cleanPixels(5, { skewDeg: -4.2 });
    f.pixels[5] = cleanPixels(6, { skewDeg: 2.5 });
    const r = judge(f);
    expect(r.issues.map((i) => [i.code, i.page])).toEqual([
      ['orientation', 3],
      ['orientation', 4],
      ['skew', 5],
    ]);
    expect(r.issues[0]!.severity).toBe('warn');
    expect(r.issues[1]).toMatchObject({ severity: 'fail' });
    expect(r.issues[1]!.message).toContain('横向');
    expect(r.issues[2]!.message).toContain('4.2°');
  });
  it('grades resolution against DA/T 31-2017 with rounding slack', () => {
    const at = (dpi: number) => {
      const f = cleanFacts();
      f.structure[8] = scannedPage(9, {
        images: [{ kind: 'jpeg', width: 100, height: 100, components: 3, coverage: 1, dpi }],
      });
      return only(judge(f).issues, 'low-resolution');
    };
    expect(at(199.6)).toEqual([]);
    expect(at(150)).toMatchObject([{ severity: 'warn', page: 9 }]);
    expect(at(72)).toMatchObject([{ severity: 'fail', page: 9 }]);
  });
  it('warns on a desk around the page on two or more sides, not on one scanner-lid strip', () => {
    const at = (borderDepth: [number, number, number, number]) => {
      const f = cleanFacts();
      f.pixels[9] = cleanPixels(10, { borderDepth });
      return only(judge(f).issues, 'background-border');
    };
    expect(at([0.08, 0.1, 0.09, 0.12])).toMatchObject([{ severity: 'warn', page: 10 }]);
    expect(at([0, 0, 0.06, 0])).toEqual([]);
  });
});

describe('duplicates', () => {
  it('finds the same sheet twice and names the earlier page', () => {
    const f = cleanFacts();
    f.pixels[7] = cleanPixels(8, { signature: f.pixels[3]!.signature });
    expect(judge(f).issues).toMatchObject([{ code: 'duplicate-page', page: 8, severity: 'fail' }]);
    expect(judge(f).issues[0]!.message).toContain('第 4 页');
  });
  it('finds a copied image stream by its digest', () => {
    const f = cleanFacts();
    f.pixels[1] = cleanPixels(2, { imageDigest: 'x' });
    f.pixels[2] = cleanPixels(3, { imageDigest: 'x' });
    expect(only(judge(f).issues, 'duplicate-page')).toMatchObject([{ page: 3 }]);
  });
  it('finds a rescan shifted by a cell', () => {
    const f = cleanFacts();
    const s = f.pixels[3]!.signature;
    const shifted = s.cells.map((_, i) => {
      const x = i % s.cols,
        y = Math.floor(i / s.cols);
      return x > 0 ? s.cells[y * s.cols + x - 1]! * 0.95 + 0.01 : 0.01;
    });
    f.pixels[4] = cleanPixels(5, { signature: { ...s, cells: shifted } });
    expect(only(judge(f).issues, 'duplicate-page')).toMatchObject([{ page: 5 }]);
  });
  it('never calls two blank pages duplicates (they are blank)', () => {
    const f = cleanFacts();
    const blank = {
      inkCoverage: 0,
      toneCoverage: 0,
      edgeWidthMm: null,
      edgeCount: 0,
      signature: { cols: 24, rows: 34, cells: Array(816).fill(0) },
    };
    f.pixels[4] = cleanPixels(5, blank);
    f.pixels[5] = cleanPixels(6, blank);
    expect(codes(judge(f).issues)).toEqual(['blank-page', 'blank-page']);
  });
});

describe('seal', () => {
  it('fails a colour scan without a seal, and only informs for a greyscale one', () => {
    const colour = cleanFacts();
    colour.pixels = colour.pixels.map((p) => p && { ...p, seal: false });
    expect(judge(colour).issues).toMatchObject([{ code: 'no-seal', severity: 'fail' }]);
    const grey = cleanFacts();
    grey.pixels = grey.pixels.map((p) => p && { ...p, seal: false, chromaP99: 3 });
    expect(judge(grey).issues).toMatchObject([{ code: 'no-seal', severity: 'info' }]);
    expect(judge(grey).verdict).toBe('pass');
  });
});

describe('the page-1 number', () => {
  const withNumber = (reads: { value: string | null; source: 'text' | 'ocr' }[], devNumber = '202412345678') =>
    judge(cleanFacts({ number: { reads }, member: { devNumber, joinedOn: '2024-05-20' } }));
  it('matches', () => {
    const r = withNumber([{ value: '202412345678', source: 'ocr' }]);
    expect(r.issues).toEqual([]);
    expect(r.page1Number).toEqual({ value: '202412345678', source: 'ocr' });
  });
  it('fails a mismatch read from the text layer', () => {
    expect(withNumber([{ value: '202412345679', source: 'text' }]).issues).toMatchObject([
      { code: 'number-mismatch', severity: 'fail', page: 1 },
    ]);
  });
  it('fails an OCR mismatch only when two reads agree; one read is "unreadable"', () => {
    const two = withNumber([
      { value: '202487654321', source: 'ocr' },
      { value: '202487654321', source: 'ocr' },
    ]);
    expect(two.issues).toMatchObject([{ code: 'number-mismatch' }]);
    expect(two.issues[0]!.message).toContain('202487654321');
    const one = withNumber([
      { value: '202487654321', source: 'ocr' },
      { value: '202487654021', source: 'ocr' },
    ]);
    expect(one.issues).toMatchObject([{ code: 'number-unreadable', severity: 'info' }]);
    expect(one.verdict).toBe('pass');
  });
  it('says unreadable when nothing was read', () => {
    expect(withNumber([{ value: null, source: 'ocr' }]).issues).toMatchObject([
      { code: 'number-unreadable', severity: 'info' },
    ]);
  });
  it("flags the member's own number when it breaks the rules for the year", () => {
    const r = judge(cleanFacts({ member: { devNumber: '202312345678', joinedOn: '2024-05-20' } }));
    expect(r.issues).toMatchObject([{ code: 'number-format', severity: 'warn' }]);
    expect(r.issues[0]!.message).toContain('2024');
  });
});
