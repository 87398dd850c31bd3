/**
 * Every number the content reader and its rules decide by, each with its reason. The reader
 * (extension/pdf/content) measures with the first three groups; the rules in this folder judge
 * with the rest. h14b's calibration harness sweeps these and writes the tables in docs/preflight.md.
 */

/** PP-OCR's DB detector, post-processing (PaddleOCR's defaults unless said otherwise). */
export const DETECTION = {
  /** A map pixel is text above this probability (PaddleOCR det_db_thresh 0.3). */
  pixelThreshold: 0.3,
  /** A region is kept when its mean probability reaches this (PaddleOCR det_db_box_thresh 0.6). */
  boxThreshold: 0.6,
  /** Regions grow back by area × ratio / perimeter (PaddleOCR det_db_unclip_ratio 1.5). */
  unclipRatio: 1.5,
  /** Regions thinner than this many map pixels are specks, not characters (PaddleOCR min_size 3). */
  minSide: 3,
  /**
   * PaddleOCR's default longer side for a whole page (det_limit_side_len 960): the ordinary
   * pipeline the benchmark compares with.
   */
  defaultMaxSide: 960,
  /** The strip across the top of a page that names its section: headings sit in the top fifth. */
  stripFraction: 0.22,
} as const;

/** PP-OCR's recogniser. */
export const RECOGNITION = {
  /**
   * Widest line input in pixels (at 48 high). The model reads a step per 8 px; 1,280 px is
   * ≈ 27 characters — a form's longest field line. Longer lines are squeezed, not cut.
   */
  maxWidth: 1280,
  /**
   * Paper added on each side of a line, in line heights: a single handwritten digit whose box
   * hugs it reads as 'N' or 'Z' at 0.5 confidence, with a quarter height of paper as '2' at 0.9+.
   */
  sideMargin: 0.5,
  /**
   * Paper on each side of a line of two characters or more (a box at least twice as wide as high):
   * a quarter height reads as well, and the recogniser's work grows with the line's width.
   */
  lineMargin: 0.25,
  /** A box less than this many heights wide is a lone character (an 8; 学时 is two, ≈ 1.4). */
  aloneAspect: 1.25,
  /**
   * Lines read in one model run. On wasm the recogniser's work follows the pixels, not the runs: a
   * batch of 8 padded to its widest line cost more CPU than one line a run (9.5 s against 5.7 s on a
   * form), and lines padded to the batch's width gain stray characters (2008年3月 → 2008年3月產).
   */
  batch: 1,
  /** A line joins a batch when it is at most this much wider than the batch's narrowest (the rest is padding). */
  batchSpread: 1.35,
} as const;

/** How the reader decodes a page. */
export const READER = {
  /**
   * Pixels per millimetre a page is decoded at for reading (≈ 150 dpi): handwriting and 五号
   * print are 25–40 px high, above the recogniser's 48 px input after scaling.
   */
  pxPerMm: 6,
  /**
   * Longer side of a page as the detector sees it (strip and rest at the same scale): 704 px on A4
   * is 2.4 px/mm, a 五号 character (3.7 mm) ≈ 9 px and handwriting larger. Against 800 px it takes
   * a quarter off detection, and a label and the entry after it (应到会团员 38) are more often two
   * boxes, each short enough to be read, than one too long to be.
   */
  detMaxSide: 704,
  /**
   * Boxes longer than this many heights are sentences or free text (a school's address, a 团课's
   * topic): never read. A label, a name, a date (≈ 5) and an 18-digit 身份证号 (≈ 8) are shorter.
   */
  maxAspect: 9,
  /** An entry's space with less ink than this share of its paper is empty (a speck is 0.05 %). */
  emptyInk: 0.002,
  /** … and with more than this, written on even if nothing was read there. */
  someInk: 0.01,
  /**
   * Readings (tallest print first) on a page whose top strip named no section before the page is
   * given up as not the booklet's, unless one of them is a printed word of the booklet: the cover's
   * title is among its first few, a page of something else costs a handful of readings.
   */
  restReads: 6,
  /** A section is named when the marks read score at least this (a heading word counts 1, a label 0.5). */
  sectionScore: 1,
  /** A value is looked for this far from its label, in label heights (to the right, and below). */
  valueReach: 12,
} as const;

/** How sure a reading must be before a rule may fail a file on it. */
export const CONFIDENCE = {
  /**
   * A field's confidence is the lowest probability among the characters its value rests on. PP-OCR's
   * softmax is sharp on clear print and handwriting (≥ 0.95) and drops below 0.8 on a misread: at
   * 0.85 one doubtful character makes the reading unsure, and an unsure reading never fails a file.
   */
  value: 0.85,
  /** A page's section counts as known at this score (see READER.sectionScore): one heading word read. */
  section: 0.6,
  /**
   * Pages whose section must be known before a missing one is reported: with fewer, the missing
   * section is as likely on a page that could not be read.
   */
  knownPagesForMissing: 0.75,
} as const;

/** The League's age limits (《团章》: 年龄在十四周岁以上，二十八周岁以下). */
export const AGE = { min: 14, max: 28 } as const;

/** 团课 hours an applicant must have attended (reviewers: 团课学习记录不足8学时). */
export const COURSE_HOURS_MIN = 8;
