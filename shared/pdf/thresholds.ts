/**
 * Every threshold the preflight rules use, with where it comes from. Values marked "calibrated"
 * were set on the scanner and scan-app fixture families and checked on the others; the sweeps are
 * in docs/preflight.md.
 */

/** §3.2.1 "文件大小不超过 20M"; the back end's `maxMemberRecordFileSize: 20 // MB` is most likely MiB. */
export const MAX_BYTES = 20 * 1024 * 1024;
/** Above 20,000,000 bytes a decimal reading of "20M" would refuse the file: warn. */
export const SAFE_BYTES = 20_000_000;
/** What the fix tools (compress, assemble) aim at: under SAFE_BYTES with room for what a save rewrites. */
export const FIX_TARGET_BYTES = 19_500_000;

/** docs/host.md: "必须上传12页完整的电子版《入团志愿书》". */
export const EXPECTED_PAGES = 12;

/** Pages analysed pixel by pixel at most: a file with more is refused for its count anyway. */
export const MAX_ANALYSED_PAGES = 40;

/**
 * An image is absurd above this many pixels: a 600-dpi A3 colour scan is 70 MP; decoding one of
 * 500 MP would need 2 GB of memory. Also absurd: a side longer than this.
 */
export const HUGE_IMAGE_PIXELS = 150_000_000;
export const HUGE_IMAGE_SIDE = 30_000;

/**
 * DA/T 31-2017 asks for at least 200 dpi (the fix tools never go below it); below 100 dpi 五号 text
 * is under 15 px high: unreadable.
 */
export const LOW_DPI_WARN = 200;
export const LOW_DPI_FAIL = 100;
/** Rounding slack: a 2480-px-wide image on a 595.3-pt A4 page is 299.9 dpi, a 1650-px one 199.6. */
export const DPI_SLACK = 2;

/** §4.1 scans: a page whose images cover less than this and that draws text or paths was typed. */
export const SCANNED_MIN_COVERAGE = 0.3;

/**
 * Blank: ink on under this fraction of the sheet. One printed line on an empty sheet measures
 * 0.10–0.22 %, the near-empty cover 0.8 % and more; an empty sheet with scanner grain 0.00 %.
 * Calibrated (ink-coverage sweep in docs/preflight.md).
 */
export const BLANK_MAX_INK = 0.0005;

/**
 * Blurry: mean edge width (middle half) in mm of the sheet at analysis size (≈ 75 dpi). Sharp pages
 * measure 0.6–1.2 mm depending on how they were made (scan apps' contrast push and phone optics
 * widen edges); a 0.6 mm Gaussian blur, where 五号 text smears, measures 1.7 mm and more.
 * Calibrated (blur sweep in docs/preflight.md).
 */
export const BLUR_WARN_MM = 1.45;
export const BLUR_FAIL_MM = 1.9;
/** Fewer strong edges than this and the page says nothing about sharpness… */
export const BLUR_MIN_EDGES = 150;
/** …unless this much of it is visibly written on: writing without edges is blurred past reading. */
export const BLUR_EDGELESS_MIN_TONE = 0.02;
/**
 * …and its tone is mostly not ink: on a sharp page what is darker than paper is ink (a sparse cover's
 * large title measures tone 2–2.5 %, ink 1.6–2.2 %); smeared writing is tone around little ink (a
 * 1.2 mm blur: tone 3.6 %, ink 0.6 %). A sparse page is never called blurry for lack of edges.
 */
export const BLUR_EDGELESS_MAX_INK_SHARE = 0.35;

/**
 * Stained: the extent of the largest stain of any kind — where the paper under the writing is darker
 * or yellower than the rest of the sheet, or thin yellow-brown marks (rings, tide lines, foxing).
 * Warn from 10 mm (a coin-sized mark a reviewer notices), fail from 30 mm, or from 10 mm when it is
 * dark enough to hide writing under it. Calibrated (stain tables in docs/preflight.md).
 */
export const STAIN_WARN_MM = 10;
export const STAIN_FAIL_MM = 30;

/** A neutral shadow reaching this deep over the sheet's edge (a phone or a hand over the page) is reported. Calibrated. */
export const SHADOW_WARN_MM = 18;

/**
 * Duplicate: correlation of coarse ink maps. The same sheet scanned twice measures 0.95 and more;
 * different pages of the same printed layout (table rules shared, handwriting different) stay
 * under 0.85. Calibrated.
 */
export const DUPLICATE_MIN_CORRELATION = 0.93;

/** Skew above this many degrees is visible and reviewers ask for a rescan. */
export const SKEW_WARN_DEG = 3;

/**
 * Background border: a side counts when this fraction of its depth is not paper; the file warns
 * when at least two sides do (one dark strip is a scanner-lid shadow, not a desk).
 */
export const BORDER_SIDE_MIN = 0.04;
export const BORDER_MIN_SIDES = 2;

/** Greyscale: chroma's 99th percentile under this on every page means there is no colour to see a red seal in. */
export const GREYSCALE_MAX_CHROMA = 12;
