import { RECOGNITION } from '../../../../shared/pdf/content/thresholds';
import { cropGrey, resizeGrey, type Grey, type Rect } from './grey';

/**
 * PP-OCR's recogniser around the model: a text line made into its input (48 px high, width in
 * proportion), and its per-step character probabilities decoded (CTC: best class per step,
 * repeats merged, blanks dropped). Each character keeps its probability: a reading is only as
 * sure as its least sure character, and a rule can ask which characters it rests on.
 */
export const REC_HEIGHT = 48;

export interface RecInput {
  data: Float32Array;
  width: number;
}

/** The line inside `box`, scaled to 48 px high (width kept in proportion, within bounds), as NCHW floats in −1…1. */
export function recInput(g: Grey, box: Rect): RecInput {
  const line = cropGrey(g, box);
  const width = Math.max(
    REC_HEIGHT,
    Math.min(RECOGNITION.maxWidth, Math.round((line.width * REC_HEIGHT) / Math.max(1, line.height))),
  );
  const r = resizeGrey(line, width, REC_HEIGHT);
  const n = width * REC_HEIGHT;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const v = r.data[i]! / 127.5 - 1;
    data[i] = data[n + i] = data[2 * n + i] = v;
  }
  return { data, width };
}

export interface Reading {
  text: string;
  /** Probability of each character of `text`. */
  probs: number[];
  /** Input column where each character was read (0–1 of the line's width): where it sits in the box. */
  at: number[];
}

/**
 * Greedy CTC decoding of `steps` × `classes` probabilities. Class 0 is the blank; class k is the
 * dictionary's (k − 1)th entry; the last class is a space.
 */
export function ctcDecode(out: Float32Array, steps: number, classes: number, dict: readonly string[]): Reading {
  let text = '';
  const probs: number[] = [];
  const at: number[] = [];
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0,
      bp = -1;
    for (let c = 0, o = t * classes; c < classes; c++, o++)
      if (out[o]! > bp) {
        bp = out[o]!;
        best = c;
      }
    if (best !== 0 && best !== prev) {
      const ch = best - 1 < dict.length ? dict[best - 1]! : ' ';
      text += ch;
      probs.push(bp);
      at.push((t + 0.5) / steps);
    } else if (best !== 0 && best === prev && bp > probs[probs.length - 1]!) probs[probs.length - 1] = bp;
    prev = best;
  }
  return { text, probs, at };
}
