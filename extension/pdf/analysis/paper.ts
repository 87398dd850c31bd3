import { blockLevelsSimd, paperInkSimd, type Sheet, type SheetInk } from './simd/paperInkSimd';

/** The sheet within the picture: its brightness, where it starts on each side, and the ink on it. */
export interface Paper {
  /** Typical paper brightness (0–255). */
  level: number;
  /** Inner rectangle of the sheet in pixels: [top, right, bottom, left) bounds. */
  top: number;
  right: number;
  bottom: number;
  left: number;
  /** Non-paper depth of each side as a fraction of the picture: top, right, bottom, left. */
  depth: [number, number, number, number];
  /** Local paper brightness per 16-px block (smoothed); `bgAt(i)` reads it for pixel i. */
  background: Uint8Array;
  blocksPerRow: number;
  /**
   * 1 where a pixel is ink (clearly darker than the paper around it) inside the sheet. Where the
   * kernel runs it is the kernel's memory, good until the next findPaper in this worker: measure
   * one sheet, then find the next.
   */
  ink: Uint8Array;
  inkCount: number;
  /** Pixels visibly darker than the paper (a softer cut than ink): smeared writing still counts. */
  toneCount: number;
  area: number;
}

const BLOCK = 16;

/** A pixel is paper when it is bright, and not much more colourful than the sheet itself (old paper is yellow). */
function isPaper(g: number, c: number, level: number, paperChroma: number): boolean {
  return g >= level * 0.72 && c < paperChroma + 45;
}

/**
 * How deep non-paper reaches in from one side: for each scan line across the middle 80 % of the
 * side, the first run of paper; the median of those depths (one dark strip or a corner shadow
 * does not move the median).
 */
function sideDepth(
  gray: Uint8Array,
  chroma: Uint8Array,
  w: number,
  h: number,
  level: number,
  paperChroma: number,
  side: 0 | 1 | 2 | 3,
): number {
  const along = side === 0 || side === 2 ? w : h;
  const across = side === 0 || side === 2 ? h : w;
  const depths: number[] = [];
  const maxDepth = Math.floor(across * 0.45);
  for (let t = Math.floor(along * 0.1); t < along * 0.9; t += 3) {
    let run = 0;
    let d = 0;
    for (; d < maxDepth; d++) {
      const x = side === 0 || side === 2 ? t : side === 1 ? w - 1 - d : d;
      const y = side === 1 || side === 3 ? t : side === 0 ? d : h - 1 - d;
      const i = y * w + x;
      if (isPaper(gray[i]!, chroma[i]!, level, paperChroma)) {
        if (++run >= 4) break;
      } else run = 0;
    }
    depths.push(Math.max(0, d - run + 1));
  }
  depths.sort((a, b) => a - b);
  return (depths[Math.floor(depths.length / 2)] ?? 0) / across;
}

/** The chroma of the sheet's own paper: the median over the central region's bright pixels. */
function sheetChroma(gray: Uint8Array, chroma: Uint8Array, w: number, h: number, level: number): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = Math.floor(h * 0.25); y < h * 0.75; y += 2)
    for (let x = Math.floor(w * 0.25), row = y * w; x < w * 0.75; x += 2)
      if (gray[row + x]! >= level - 12) {
        hist[chroma[row + x]!]!++;
        n++;
      }
  for (let v = 0, acc = 0; v < 256; v++) if ((acc += hist[v]!) > n / 2) return v;
  return 0;
}

// Ink and tone cuts per background level, looked up rather than computed per pixel.
const INK_CUT = new Uint8Array(256),
  TONE_CUT = new Uint8Array(256);
for (let bg = 0; bg < 256; bg++) {
  INK_CUT[bg] = Math.max(0, Math.round(bg - Math.max(40, bg * 0.28)));
  TONE_CUT[bg] = Math.max(0, bg - 30);
}

/**
 * The sheet's ink (mask and count) and tone (count), with each 16-px block's cuts: in plain JS where
 * WebAssembly SIMD cannot run, and the reference its kernel is tested against.
 */
export function paperInkJs(
  gray: Uint8Array,
  w: number,
  h: number,
  toneCut: Uint8Array,
  inkCut: Uint8Array,
  s: Sheet,
): SheetInk {
  const bw = Math.ceil(w / BLOCK);
  const ink = new Uint8Array(w * h);
  let inkCount = 0,
    toneCount = 0;
  for (let y = s.top; y < s.bottom; y++) {
    const row = (y >> 4) * bw;
    for (let x0 = s.left; x0 < s.right;) {
      const x1 = Math.min(s.right, ((x0 >> 4) + 1) << 4);
      const tone = toneCut[row + (x0 >> 4)]!,
        dark = inkCut[row + (x0 >> 4)]!;
      for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
        const g = gray[i]!;
        if (g < tone) {
          toneCount++;
          if (g < dark) {
            ink[i] = 1;
            inkCount++;
          }
        }
      }
      x0 = x1;
    }
  }
  return { ink, inkCount, toneCount };
}

export function findPaper(gray: Uint8Array, chroma: Uint8Array, w: number, h: number): Paper {
  // The sheet's level: a high quantile of the central region (mostly paper on any form page).
  const hist = new Uint32Array(256);
  let total = 0;
  for (let y = Math.floor(h * 0.25); y < h * 0.75; y++)
    for (let x = Math.floor(w * 0.25), row = y * w; x < w * 0.75; x++) {
      hist[gray[row + x]!]!++;
      total++;
    }
  let level = 255;
  for (let v = 0, acc = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc > total * 0.9) {
      level = v;
      break;
    }
  }
  level = Math.max(60, level);
  const paperChroma = sheetChroma(gray, chroma, w, h, level);
  const depth: [number, number, number, number] = [0, 1, 2, 3].map((s) =>
    sideDepth(gray, chroma, w, h, level, paperChroma, s as 0 | 1 | 2 | 3),
  ) as [number, number, number, number];
  // A hair inside the sheet's edge: its own edge shadow is not ink.
  const inset = Math.max(2, Math.round(w * 0.01));
  const top = Math.min(h - 1, Math.round(depth[0] * h) + inset);
  const bottom = Math.max(top + 1, h - Math.round(depth[2] * h) - inset);
  const left = Math.min(w - 1, Math.round(depth[3] * w) + inset);
  const right = Math.max(left + 1, w - Math.round(depth[1] * w) - inset);

  const background = backgroundMap(gray, w, h, level);
  const bw = Math.ceil(w / BLOCK);
  // The pixels of a 16-px block share its two cuts: looked up once a block.
  const toneCut = background.map((bg) => TONE_CUT[bg]!),
    inkCut = background.map((bg) => INK_CUT[bg]!);
  const sheet = { top, right, bottom, left };
  const { ink, inkCount, toneCount } =
    paperInkSimd(gray, w, h, toneCut, inkCut, sheet) ?? paperInkJs(gray, w, h, toneCut, inkCut, sheet);
  return {
    level,
    top,
    right,
    bottom,
    left,
    depth,
    background,
    blocksPerRow: bw,
    ink,
    inkCount,
    toneCount,
    area: Math.max(1, (bottom - top) * (right - left)),
  };
}

/**
 * Local paper brightness: the 85th percentile of each 16-px block, raised to its brightest
 * neighbour (a block full of ink takes its neighbours' paper), never below half the sheet level.
 */
function backgroundMap(gray: Uint8Array, w: number, h: number, level: number): Uint8Array {
  const bw = Math.ceil(w / BLOCK),
    bh = Math.ceil(h / BLOCK);
  const blocks = blockLevelsSimd(gray, w, h) ?? blockLevelsJs(gray, w, h);
  const smooth = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const X = bx + dx,
            Y = by + dy;
          if (X >= 0 && Y >= 0 && X < bw && Y < bh) m = Math.max(m, blocks[Y * bw + X]!);
        }
      smooth[by * bw + bx] = Math.max(m, level >> 1);
    }
  return smooth;
}

/**
 * The 85th percentile of each 16-px block (blocks row-major), by histogram: in plain JS where
 * WebAssembly SIMD cannot run, and the reference its kernel is tested against.
 */
export function blockLevelsJs(gray: Uint8Array, w: number, h: number): Uint8Array {
  const bw = Math.ceil(w / BLOCK),
    bh = Math.ceil(h / BLOCK);
  const blocks = new Uint8Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const y0 = by * BLOCK,
        y1 = Math.min(h, y0 + BLOCK),
        x0 = bx * BLOCK,
        x1 = Math.min(w, x0 + BLOCK);
      for (let y = y0; y < y1; y++) for (let i = y * w + x0, end = y * w + x1; i < end; i++) hist[gray[i]!]!++;
      const n = (y1 - y0) * (x1 - x0);
      // The smallest v with 85 % of the block at or below it, found from the bright end (short:
      // paper is bright): at most 15 % of the block may lie above it.
      const allowed = n - n * 0.85;
      let above = 0,
        v = 255;
      while (v > 0 && above + hist[v]! <= allowed) above += hist[v--]!;
      blocks[by * bw + bx] = v;
    }
  return blocks;
}

/** The paper brightness around pixel (x, y). */
export function backgroundAt(p: Paper, x: number, y: number): number {
  return p.background[(y >> 4) * p.blocksPerRow + (x >> 4)]!;
}
