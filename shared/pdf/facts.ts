/**
 * The measurements the engine makes, as plain data. Everything a rule needs is here, so the
 * rules run (and are tested) without a browser, and the engine holds no thresholds.
 */

/** How a page's main image is compressed: decides the decoding path, never the verdict. */
export type ImageKind = 'jpeg' | 'flate' | 'ccitt' | 'jbig2' | 'jpx' | 'raw' | 'other';

export interface FileFacts {
  bytes: number;
  /** `%PDF-` found in the first 1 KiB. */
  isPdf: boolean;
  /** What the bytes look like when they are not a PDF (for the message). */
  looksLike?: 'html' | 'jpeg' | 'png' | 'zip' | 'text' | 'unknown';
  /** The structure could not be read (no trailer, no root, no page tree). */
  corrupt: boolean;
  corruptReason?: string;
  /** Encrypted with a user password (cannot be opened without one). */
  needsPassword: boolean;
  /** Encrypted with an empty user password: opens freely (owner password only). */
  ownerPasswordOnly: boolean;
  /** Pages found in the page tree, or null when it could not be walked. */
  pageCount: number | null;
}

export interface PageImageFacts {
  kind: ImageKind;
  width: number;
  height: number;
  /** Colour components (1 grey, 3 RGB, 4 CMYK); 1 for masks and bilevel images. */
  components: number;
  /** Fraction of the page area this image covers (0–1). */
  coverage: number;
  /** Pixels per inch along the page, from the image's size and its placement. */
  dpi: number;
}

/** Measured from the page's content stream (no pixels needed). */
export interface PageStructureFacts {
  page: number;
  /** Displayed size in points after /Rotate. */
  widthPt: number;
  heightPt: number;
  images: PageImageFacts[];
  /** Text-showing operators drawn visibly (render mode other than 3). */
  visibleTextOps: number;
  /** Text drawn invisibly (render mode 3): a scan app's OCR layer. */
  invisibleTextOps: number;
  /** Path-painting operators (S, f, B …): vector drawing. */
  vectorOps: number;
  /** The content stream could not be read in full (too large, bad filter). */
  contentUnreadable: boolean;
}

/** Measured from the page's pixels at analysis size (about 75 dpi). */
export interface PagePixelFacts {
  page: number;
  /** Pixel size analysed and the physical scale, so rules speak in millimetres. */
  width: number;
  height: number;
  pxPerMm: number;
  /** Fraction of the paper area covered by ink (dark against the local paper). */
  inkCoverage: number;
  /** Fraction of the paper visibly darker than paper (softer than ink): blurred writing still shows here. */
  toneCoverage: number;
  /** Median width of strong edges in millimetres (Marziliano's blur measure); null if too few edges. */
  edgeWidthMm: number | null;
  edgeCount: number;
  /** The largest stain's extent in mm (tints, tide lines, rings, blots, smudges, tape, foxing); 0 when none. */
  stainMm: number;
  /** The largest stain dark enough to hide the writing it lies on, in mm; 0 when none. */
  stainHidingMm: number;
  /** How deep a neutral shadow reaches in over the sheet's edge, in mm (a phone photo); 0 when none. */
  edgeShadowMm: number;
  /** Orientation from layout; 'unknown' when the page holds too little to tell. */
  orientation: 'upright' | 'upsideDown' | 'sideways' | 'unknown';
  /** Dominant text-line angle in degrees (positive counter-clockwise), null if not measurable. */
  skewDeg: number | null;
  /** Fraction of each side's depth that is not paper (desk, scanner lid): top, right, bottom, left. */
  borderDepth: [number, number, number, number];
  /** A round red seal was found. */
  seal: boolean;
  /** 99th percentile of chroma (0–255): near 0 for greyscale scans. */
  chromaP99: number;
  /** Coarse ink-density grid for duplicate detection. */
  signature: { cols: number; rows: number; cells: number[] };
  /** SHA-256 of the page's image stream bytes, when it has one image (exact duplicates). */
  imageDigest?: string;
}

/** The 发展团员编号 as found on page 1. */
export interface NumberFacts {
  /** Every read of page 1's number (text layer first, then OCR passes), each normalised. */
  reads: { value: string | null; source: 'text' | 'ocr' }[];
}

export interface PreflightFacts {
  fileName: string;
  file: FileFacts;
  sha256: string;
  structure: PageStructureFacts[];
  pixels: (PagePixelFacts | null)[];
  /** Pages whose pixels were not analysed because the file has far too many. */
  uncheckedPages: number;
  /** Pages whose image could not be decoded at all (damaged image data). */
  brokenPages?: number[];
  number?: NumberFacts;
  member?: { devNumber?: string; joinedOn?: string };
  expectedPages: number;
  thumbnails: string[];
  ms: {
    quick: number;
    total: number;
    pages?: number;
    number?: number;
    /** Per page, in the order pages finished: the page worker's whole time, and its pixel analysis alone. */
    decode?: number[];
    analysis?: number[];
  };
}
