import { CONFIDENCE, RECOGNITION } from '../../../shared/pdf/content/thresholds';
import type { Reread } from './fields/index';
import { inkBounds } from './ink';
import { surely } from './lines';
import type { Grey, Rect } from './ocr/grey';
import type { Ocr } from './ocr/models';

/**
 * Reads a line again as `charset` only. An unsure lone character is read once more cut to its ink
 * (a lone 8 or 0 with paper above and below it in its box reads as nothing, or 8 as 0), and the
 * surer reading kept.
 */
export const rereader =
  (ocr: Ocr, g: Grey): Reread =>
  async (line, charset) => {
    const b = line.box;
    const readIn = async (box: Rect) => ({ ...(await ocr.read(g, [box], charset))[0]!, box: b });
    const first = await readIn(b);
    const ink = b.w < RECOGNITION.aloneAspect * b.h && surely(first) < CONFIDENCE.value && inkBounds(g, b);
    if (!ink) return first;
    const again = await readIn(ink);
    return surely(again) > surely(first) ? again : first;
  };
