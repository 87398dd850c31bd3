import { components, dilate } from './blobs';

/** 公章 of League committees are round, 38–45 mm across; allow for scaling in Word pages and photos. */
const MIN_MM = 20;
const MAX_MM = 70;
const SECTORS = 48;

/**
 * A round red seal: red ink gathered into a roughly square cluster of seal size whose outer ring
 * is present in most directions (the text inside may be broken; the ring is not).
 */
export function findSeal(
  redFull: Uint8Array,
  grayFull: Uint8Array,
  wFull: number,
  hFull: number,
  pxPerMmFull: number,
): boolean {
  // A seal is 40 mm across: half resolution (a cell is red when any of its four pixels is) is plenty.
  const w = wFull >> 1,
    h = hFull >> 1,
    pxPerMm = pxPerMmFull / 2;
  const mask = new Uint8Array(w * h);
  let any = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      for (let k = 0; k < 4; k++) {
        const i = ((y << 1) + (k >> 1)) * wFull + (x << 1) + (k & 1);
        if (redFull[i]! > 28 && grayFull[i]! < 235) {
          mask[y * w + x] = 1;
          any++;
          break;
        }
      }
    }
  if (any < 10) return false;
  const r = Math.max(1, Math.round(1.5 * pxPerMm));
  const grown = dilate(mask, w, h, r);
  for (const b of components(grown, w, h, 20)) {
    const bw = (b.x1 - b.x0 + 1 - 2 * r) / pxPerMm,
      bh = (b.y1 - b.y0 + 1 - 2 * r) / pxPerMm;
    if (bw < MIN_MM || bh < MIN_MM || bw > MAX_MM || bh > MAX_MM) continue;
    if (bw / bh < 0.75 || bw / bh > 1.33) continue;
    const cx = (b.x0 + b.x1) / 2,
      cy = (b.y0 + b.y1) / 2;
    const R = ((bw + bh) / 4) * pxPerMm;
    const hit = new Uint8Array(SECTORS);
    let innerRed = 0;
    const y0 = Math.max(0, Math.floor(cy - R * 1.15)),
      y1 = Math.min(h - 1, Math.ceil(cy + R * 1.15));
    const x0 = Math.max(0, Math.floor(cx - R * 1.15)),
      x1 = Math.min(w - 1, Math.ceil(cx + R * 1.15));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        if (!mask[y * w + x]) continue;
        const dx = x - cx,
          dy = y - cy;
        const d = Math.hypot(dx, dy);
        if (d < R * 0.5) innerRed++;
        if (d < R * 0.78 || d > R * 1.12) continue;
        const s = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * SECTORS) % SECTORS;
        hit[s] = 1;
      }
    let n = 0;
    for (const v of hit) n += v;
    // A seal is a ring with a star and writing inside, not a solid red patch.
    const inner = Math.PI * (R * 0.5) ** 2;
    if (n >= SECTORS * 0.75 && innerRed < inner * 0.4) return true;
  }
  return false;
}
