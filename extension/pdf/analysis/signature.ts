import type { PagePixelFacts } from '../../../shared/pdf/facts';
import type { Paper } from './paper';

export const SIGNATURE_COLS = 30;
export const SIGNATURE_ROWS = 42;

/** Ink density on a coarse grid over the sheet (≈ 7 mm cells on A4): what duplicates are compared by. */
export function inkSignature(paper: Paper, w: number): PagePixelFacts['signature'] {
  const pw = paper.right - paper.left,
    ph = paper.bottom - paper.top;
  const colOf = new Uint16Array(pw);
  const colWidth = new Uint32Array(SIGNATURE_COLS);
  for (let x = 0; x < pw; x++)
    colWidth[(colOf[x] = Math.min(SIGNATURE_COLS - 1, Math.floor((x * SIGNATURE_COLS) / pw)))]!++;
  const sums = new Uint32Array(SIGNATURE_COLS * SIGNATURE_ROWS);
  const { ink } = paper;
  const ink32 = ink.byteOffset % 4 === 0 ? new Uint32Array(ink.buffer, ink.byteOffset, ink.length >> 2) : null;
  const rowHeight = new Uint32Array(SIGNATURE_ROWS);
  for (let y = 0; y < ph; y++) {
    const r = Math.min(SIGNATURE_ROWS - 1, Math.floor((y * SIGNATURE_ROWS) / ph));
    rowHeight[r]!++;
    const base = r * SIGNATURE_COLS;
    // Mostly paper: four pixels at a time where there is no ink.
    const row = (y + paper.top) * w + paper.left;
    for (let x = 0, i = row; x < pw; x++, i++) {
      if (ink32 && (i & 3) === 0 && x + 4 <= pw && ink32[i >> 2] === 0) {
        x += 3;
        i += 3;
        continue;
      }
      sums[base + colOf[x]!]! += ink[i]!;
    }
  }
  const cells = Array.from(sums, (s, i) => {
    const area = rowHeight[Math.floor(i / SIGNATURE_COLS)]! * colWidth[i % SIGNATURE_COLS]!;
    return Math.round((s / Math.max(1, area)) * 1000) / 1000;
  });
  return { cols: SIGNATURE_COLS, rows: SIGNATURE_ROWS, cells };
}
