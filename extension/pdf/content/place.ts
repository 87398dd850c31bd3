import type { ContentBox, Rotation } from '../../../shared/pdf/content/facts';
import type { Rect } from './ocr/grey';

/**
 * A box on the page as the reader turned it (upright, `rotation` clockwise from the page as
 * displayed) back on the page as displayed, in fractions of its width and height: where the
 * evidence is drawn on the thumbnail.
 */
export function displayedBox(r: Rect, uprightW: number, uprightH: number, rotation: Rotation): ContentBox {
  const x = r.x / uprightW,
    y = r.y / uprightH,
    w = r.w / uprightW,
    h = r.h / uprightH;
  const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;
  // Undo a clockwise turn: the upright page's point (x, y) came from the displayed page's …
  const b =
    rotation === 0
      ? { x, y, w, h }
      : rotation === 180
        ? { x: 1 - x - w, y: 1 - y - h, w, h }
        : rotation === 90
          ? { x: y, y: 1 - x - w, w: h, h: w }
          : { x: 1 - y - h, y: x, w: h, h: w };
  return { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) };
}
