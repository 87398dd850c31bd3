import type { FileFacts, PagePixelFacts, PageStructureFacts, PreflightFacts } from '../../shared/pdf/facts';

/** Builders of plausible facts for the rules' unit tests: a clean 12-page colour scan by default. */
export function cleanFile(over: Partial<FileFacts> = {}): FileFacts {
  return {
    bytes: 15_000_000,
    isPdf: true,
    corrupt: false,
    needsPassword: false,
    ownerPasswordOnly: false,
    pageCount: 12,
    ...over,
  };
}

export function scannedPage(page: number, over: Partial<PageStructureFacts> = {}): PageStructureFacts {
  return {
    page,
    widthPt: 595.3,
    heightPt: 841.9,
    images: [{ kind: 'jpeg', width: 2480, height: 3508, components: 3, coverage: 1, dpi: 300 }],
    visibleTextOps: 0,
    invisibleTextOps: 0,
    vectorOps: 0,
    contentUnreadable: false,
    ...over,
  };
}

/** A deterministic ink map that differs from page to page. */
export function signatureFor(seed: number): PagePixelFacts['signature'] {
  const cols = 24,
    rows = 34;
  let s = (seed * 2654435761) >>> 0;
  const cells = Array.from({ length: cols * rows }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return (s >>> 8) / 2 ** 24 < 0.3 ? 0.2 + ((s >>> 4) % 100) / 200 : 0.01;
  });
  return { cols, rows, cells };
}

export function cleanPixels(page: number, over: Partial<PagePixelFacts> = {}): PagePixelFacts {
  return {
    page,
    width: 620,
    height: 877,
    pxPerMm: 620 / 210,
    inkCoverage: 0.05,
    toneCoverage: 0.08,
    edgeWidthMm: 0.55,
    edgeCount: 3000,
    stainMm: 0,
    stainHidingMm: 0,
    edgeShadowMm: 0,
    orientation: 'upright',
    skewDeg: 0.2,
    borderDepth: [0, 0, 0, 0],
    seal: page === 12,
    chromaP99: 40,
    signature: signatureFor(page),
    ...over,
  };
}

export function cleanFacts(over: Partial<PreflightFacts> = {}): PreflightFacts {
  const pages = Array.from({ length: 12 }, (_, i) => i + 1);
  return {
    fileName: 'form.pdf',
    file: cleanFile(),
    sha256: 'ab'.repeat(32),
    structure: pages.map((p) => scannedPage(p)),
    pixels: pages.map((p) => cleanPixels(p)),
    uncheckedPages: 0,
    expectedPages: 12,
    thumbnails: [],
    ms: { quick: 10, total: 500 },
    ...over,
  };
}
