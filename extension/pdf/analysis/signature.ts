import type { PagePixelFacts } from '../../../shared/pdf/facts';
import type { Paper } from './paper';

export const SIGNATURE_COLS = 30;
export const SIGNATURE_ROWS = 42;

/** Ink density on a coarse grid over the sheet (≈ 7 mm cells on A4): what duplicates are compared by. */
export function inkSignature(paper: Paper, w: number): PagePixelFacts['signature'] {
  const cells = new Array<number>(SIGNATURE_COLS * SIGNATURE_ROWS).fill(0);
  const counts = new Array<number>(SIGNATURE_COLS * SIGNATURE_ROWS).fill(0);
  const pw = paper.right - paper.left, ph = paper.bottom - paper.top;
  for (let y = paper.top; y < paper.bottom; y++) {
    const cy = Math.min(SIGNATURE_ROWS - 1, Math.floor(((y - paper.top) * SIGNATURE_ROWS) / ph));
    for (let x = paper.left; x < paper.right; x++) {
      const c = cy * SIGNATURE_COLS + Math.min(SIGNATURE_COLS - 1, Math.floor(((x - paper.left) * SIGNATURE_COLS) / pw));
      counts[c]!++;
      cells[c]! += paper.ink[y * w + x]!;
    }
  }
  return { cols: SIGNATURE_COLS, rows: SIGNATURE_ROWS, cells: cells.map((s, i) => Math.round((s / Math.max(1, counts[i]!)) * 1000) / 1000) };
}
