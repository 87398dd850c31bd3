import { RECOGNITION } from '../../../../shared/pdf/content/thresholds';
import { cropGrey, resizeGrey, type Grey, type Rect } from './grey';

/**
 * PP-OCR's recogniser around the model: a text line made into its input (48 px high, width in
 * proportion), and its per-step character probabilities decoded (CTC: best class per step,
 * repeats merged, blanks dropped). Each character keeps its probability: a reading is only as
 * sure as its least sure character, and a rule can ask which characters it rests on.
 */
export const REC_HEIGHT = 48;

/** A line scaled to 48 px high (width in proportion, within bounds), and the paper's grey level. */
export interface RecLine {
  line: Grey;
  paper: number;
}

export function recLine(g: Grey, box: Rect): RecLine {
  const crop = cropGrey(g, box);
  const paper = paperOf(crop);
  const side = box.w < 2 * box.h ? RECOGNITION.sideMargin : RECOGNITION.lineMargin;
  const line = withPaperMargin(crop, Math.round(box.h * side), paper);
  const width = Math.max(
    REC_HEIGHT,
    Math.min(RECOGNITION.maxWidth, Math.round((line.width * REC_HEIGHT) / Math.max(1, line.height))),
  );
  return { line: resizeGrey(line, width, REC_HEIGHT), paper };
}

/**
 * Lines of similar width as one NCHW batch in −1…1, each padded on the right with its own paper to
 * the widest: one model run for several lines costs much less than one run each.
 */
export function recBatch(lines: readonly RecLine[]): { data: Float32Array; width: number } {
  const width = Math.max(...lines.map((l) => l.line.width));
  const n = width * REC_HEIGHT;
  const data = new Float32Array(lines.length * 3 * n);
  lines.forEach(({ line, paper }, b) => {
    const o = b * 3 * n;
    const pad = paper / 127.5 - 1;
    for (let y = 0; y < REC_HEIGHT; y++)
      for (let x = 0; x < width; x++) {
        const v = x < line.width ? line.data[y * line.width + x]! / 127.5 - 1 : pad;
        const i = y * width + x;
        data[o + i] = data[o + n + i] = data[o + 2 * n + i] = v;
      }
  });
  return { data, width };
}

/** PaddleOCR's recogniser batch (rec_batch_num) and nominal input width (rec_image_shape 3,48,320). */
const PPOCR_BATCH = 6;
const PPOCR_WIDTH = 320;

/**
 * The benchmark's baseline reads lines as PaddleOCR's TextRecognizer does (tools/infer/predict_rec.py):
 * sorted by width over height, six a batch, the batch as wide as 48 × its widest ratio and never
 * narrower than 320 px; each line cut to its box alone, scaled to 48 high and followed by zeros
 * (mid-grey). `order[i]` is the box of the batch's i-th line. Made one batch at a time, as each
 * is run: only one batch's input is held.
 */
export function* ppocrBatches(
  g: Grey,
  boxes: readonly Rect[],
): Generator<{ data: Float32Array; width: number; order: number[] }> {
  const ratio = boxes.map((b) => b.w / Math.max(1, b.h));
  const sorted = boxes.map((_, i) => i).sort((a, b) => ratio[a]! - ratio[b]!);
  for (let s = 0; s < sorted.length; s += PPOCR_BATCH) {
    const order = sorted.slice(s, s + PPOCR_BATCH);
    const width = Math.floor(REC_HEIGHT * Math.max(PPOCR_WIDTH / REC_HEIGHT, ...order.map((i) => ratio[i]!)));
    const n = width * REC_HEIGHT;
    const data = new Float32Array(order.length * 3 * n);
    order.forEach((i, b) => {
      const w = Math.max(1, Math.min(width, Math.ceil(REC_HEIGHT * ratio[i]!)));
      const line = resizeGrey(cropGrey(g, boxes[i]!), w, REC_HEIGHT);
      for (let y = 0; y < REC_HEIGHT; y++)
        for (let x = 0; x < w; x++) {
          const v = line.data[y * w + x]! / 127.5 - 1;
          const at = b * 3 * n + y * width + x;
          data[at] = data[at + n] = data[at + 2 * n] = v;
        }
    });
    yield { data, width, order };
  }
}

function paperOf(g: Grey): number {
  const sorted = Uint8Array.from(g.data).sort();
  return sorted[Math.floor(sorted.length * 0.9)] ?? 255;
}

/**
 * Blank paper added on either side: a lone character filling its box is read as a stroke, not a
 * digit. Paper, not the page around the box: that may hold a table's rule, read as 「 or |.
 */
function withPaperMargin(g: Grey, m: number, paper: number): Grey {
  if (m <= 0) return g;
  const w = g.width + 2 * m;
  const data = new Uint8Array(w * g.height).fill(paper);
  for (let y = 0; y < g.height; y++) data.set(g.data.subarray(y * g.width, (y + 1) * g.width), y * w + m);
  return { width: w, height: g.height, data };
}

export interface Reading {
  text: string;
  /** Probability of each character of `text`. */
  probs: number[];
  /** Input column where each character was read (0–1 of the line's width): where it sits in the box. */
  at: number[];
}

/**
 * The recogniser's dictionary, with characters that mean the same (２ and 2, ： and :) folded
 * together: its probability of a digit is split between the two forms, and either alone can look
 * unsure where their sum is not.
 */
export interface Dictionary {
  chars: string[];
  /** For each class, the other classes of the same character after NFKC folding. */
  twins: (number[] | undefined)[];
}

export function dictionary(text: string): Dictionary {
  const chars = text.split(/\r?\n/);
  if (chars[chars.length - 1] === '') chars.pop();
  chars.push(' ');
  const byForm = new Map<string, number[]>();
  chars.forEach((c, i) => {
    const k = c.normalize('NFKC');
    (byForm.get(k) ?? byForm.set(k, []).get(k)!).push(i + 1);
  });
  const twins: (number[] | undefined)[] = [undefined];
  chars.forEach((c, i) => {
    const group = byForm.get(c.normalize('NFKC'))!;
    twins.push(group.length > 1 ? group.filter((k) => k !== i + 1) : undefined);
  });
  return { chars: chars.map((c) => c.normalize('NFKC')), twins };
}

/**
 * Greedy CTC decoding of `steps` × `classes` probabilities. Class 0 is the blank; class k is the
 * dictionary's (k − 1)th entry (the last, a space). Twins' probabilities are added to the best's.
 */
/** Classes a reading may use: the blank and the characters of `charset` (all their twins). */
export function allowedClasses(dict: Dictionary, charset: string): Uint8Array {
  const mask = new Uint8Array(dict.chars.length + 1);
  mask[0] = 1;
  const want = new Set([...charset.normalize('NFKC')]);
  dict.chars.forEach((c, i) => {
    if (want.has(c)) mask[i + 1] = 1;
  });
  return mask;
}

export function ctcDecode(
  out: Float32Array,
  steps: number,
  classes: number,
  dict: Dictionary,
  allowed?: Uint8Array,
): Reading {
  let text = '';
  const probs: number[] = [];
  const at: number[] = [];
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    const o = t * classes;
    let best = 0,
      bp = -1,
      mass = 0;
    for (let c = 0; c < classes; c++) {
      if (allowed && !allowed[c]) continue;
      const p = out[o + c]!;
      mass += p;
      if (p > bp) {
        bp = p;
        best = c;
      }
    }
    for (const k of dict.twins[best] ?? []) if (!allowed || allowed[k]) bp += out[o + k]!;
    // Where only some characters can be written (digits in a 学时 column), their share is the confidence.
    if (allowed && mass > 0) bp = Math.min(1, bp / mass);
    const same = best !== 0 && prev !== 0 && (best === prev || dict.twins[best]?.includes(prev));
    if (best !== 0 && !same) {
      text += dict.chars[best - 1] ?? ' ';
      probs.push(bp);
      at.push((t + 0.5) / steps);
    } else if (same && bp > probs[probs.length - 1]!) probs[probs.length - 1] = bp;
    prev = best;
  }
  return { text, probs, at };
}
