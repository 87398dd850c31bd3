/**
 * Finding the sheet in a phone photo and flattening it: the paper is the largest bright, neutral
 * region; its four corners come from lines fitted to its edges; a homography maps the A4 page
 * back onto them. Pure functions over RGBA pixels: they run in a worker, and in Node for tests.
 */

export interface Pt {
  x: number;
  y: number;
}

/** Corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Pt, Pt, Pt, Pt];

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Otsu's threshold of a histogram. */
function otsu(hist: Uint32Array, total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0,
    wB = 0,
    best = -1,
    t = 128;
  for (let i = 0; i < 256; i++) {
    wB += hist[i]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += i * hist[i]!;
    const mB = sumB / wB,
      mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      t = i;
    }
  }
  return t;
}

/** 1 where a pixel looks like paper: brighter than Otsu's cut and nearly grey. */
export function paperMask(img: Rgba): Uint8Array {
  const n = img.width * img.height;
  const gray = new Uint8Array(n);
  const chroma = new Uint8Array(n);
  const hist = new Uint32Array(256);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = d[j]!,
      g = d[j + 1]!,
      b = d[j + 2]!;
    const y = (r * 77 + g * 150 + b * 29) >> 8;
    gray[i] = y;
    chroma[i] = Math.max(r, g, b) - Math.min(r, g, b);
    hist[y]!++;
  }
  const t = otsu(hist, n);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = gray[i]! > t && chroma[i]! < 48 ? 1 : 0;
  return mask;
}

/** The largest 4-connected region of the mask, as a mask of its own, with its size. */
export function largestRegion(mask: Uint8Array, w: number, h: number): { region: Uint8Array; size: number } {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let best = 0,
    bestLabel = 0,
    next = 0;
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || label[s]) continue;
    next++;
    let top = 0,
      size = 0;
    stack[top++] = s;
    label[s] = next;
    while (top) {
      const p = stack[--top]!;
      size++;
      const x = p % w;
      const nb = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w];
      for (const q of nb) {
        if (q < 0 || q >= w * h || !mask[q] || label[q]) continue;
        label[q] = next;
        stack[top++] = q;
      }
    }
    if (size > best) {
      best = size;
      bestLabel = next;
    }
  }
  const region = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) region[i] = label[i] === bestLabel ? 1 : 0;
  return { region, size: best };
}

/** Least-squares line through points: a·x + b·y = c with a² + b² = 1 (total least squares). */
function fitLine(pts: Pt[]): { a: number; b: number; c: number } | null {
  if (pts.length < 8) return null;
  let mx = 0,
    my = 0;
  for (const p of pts) {
    mx += p.x;
    my += p.y;
  }
  mx /= pts.length;
  my /= pts.length;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (const p of pts) {
    const dx = p.x - mx,
      dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  // The normal is the eigenvector of the smaller eigenvalue of the scatter matrix.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const a = -Math.sin(theta),
    b = Math.cos(theta);
  return { a, b, c: a * mx + b * my };
}

function intersect(l1: { a: number; b: number; c: number }, l2: { a: number; b: number; c: number }): Pt | null {
  const det = l1.a * l2.b - l2.a * l1.b;
  if (Math.abs(det) < 1e-9) return null;
  return { x: (l1.c * l2.b - l2.c * l1.b) / det, y: (l1.a * l2.c - l2.a * l1.c) / det };
}

/**
 * The sheet's corners in a region: first the extreme points (min/max of x±y, right for a sheet
 * turned less than 45°), then a line fitted to each side's edge points between them, so a
 * dog-eared or shaded corner does not pull its corner inwards.
 */
export function sheetQuad(region: Uint8Array, w: number, h: number): Quad | null {
  let tl: Pt | null = null,
    tr: Pt | null = null,
    br: Pt | null = null,
    bl: Pt | null = null;
  let minS = Infinity,
    maxS = -Infinity,
    minD = Infinity,
    maxD = -Infinity;
  for (let y = 0; y < h; y++)
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!region[i]) continue;
      const s = x + y,
        d = x - y;
      if (s < minS) {
        minS = s;
        tl = { x, y };
      }
      if (s > maxS) {
        maxS = s;
        br = { x, y };
      }
      if (d > maxD) {
        maxD = d;
        tr = { x, y };
      }
      if (d < minD) {
        minD = d;
        bl = { x, y };
      }
    }
  if (!tl || !tr || !br || !bl) return null;
  const rough: Quad = [tl, tr, br, bl];
  // Edge points: per scan line, the first region pixel from each side, kept between the corners.
  const top: Pt[] = [],
    bottom: Pt[] = [],
    left: Pt[] = [],
    right: Pt[] = [];
  const inner = (a: number, b: number, v: number) =>
    v > Math.min(a, b) + Math.abs(b - a) * 0.1 && v < Math.max(a, b) - Math.abs(b - a) * 0.1;
  for (let x = 0; x < w; x++) {
    let y0 = -1,
      y1 = -1;
    for (let y = 0; y < h; y++)
      if (region[y * w + x]) {
        y0 = y;
        break;
      }
    for (let y = h - 1; y >= 0; y--)
      if (region[y * w + x]) {
        y1 = y;
        break;
      }
    if (y0 < 0) continue;
    if (inner(tl.x, tr.x, x)) top.push({ x, y: y0 });
    if (inner(bl.x, br.x, x)) bottom.push({ x, y: y1 + 1 });
  }
  for (let y = 0; y < h; y++) {
    let x0 = -1,
      x1 = -1;
    for (let x = 0; x < w; x++)
      if (region[y * w + x]) {
        x0 = x;
        break;
      }
    for (let x = w - 1; x >= 0; x--)
      if (region[y * w + x]) {
        x1 = x;
        break;
      }
    if (x0 < 0) continue;
    if (inner(tl.y, bl.y, y)) left.push({ x: x0, y });
    if (inner(tr.y, br.y, y)) right.push({ x: x1 + 1, y });
  }
  const lt = fitLine(top),
    lb = fitLine(bottom),
    ll = fitLine(left),
    lr = fitLine(right);
  if (!lt || !lb || !ll || !lr) return rough;
  const q = [intersect(lt, ll), intersect(lt, lr), intersect(lb, lr), intersect(lb, ll)];
  if (q.some((p) => !p || p.x < -w * 0.05 || p.y < -h * 0.05 || p.x > w * 1.05 || p.y > h * 1.05)) return rough;
  return q as Quad;
}

export function quadArea(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!,
      n = q[(i + 1) % 4]!;
    a += p.x * n.y - n.x * p.y;
  }
  return Math.abs(a) / 2;
}

const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);

/** Width (top/bottom average) and height (left/right average) of a quad. */
export function quadSize(q: Quad): { width: number; height: number } {
  return { width: (dist(q[0], q[1]) + dist(q[3], q[2])) / 2, height: (dist(q[0], q[3]) + dist(q[1], q[2])) / 2 };
}

/**
 * The sheet in a picture, or null when there is none to cut out: no large paper region, or one
 * that already fills the picture (a scan, a cropped photo).
 */
export function findSheet(img: Rgba): Quad | null {
  const { width: w, height: h } = img;
  const { region, size } = largestRegion(paperMask(img), w, h);
  if (size < w * h * 0.2) return null;
  const q = sheetQuad(region, w, h);
  if (!q || quadArea(q) < w * h * 0.2) return null;
  const corners: Pt[] = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  const slack = Math.max(w, h) * 0.015;
  if (q.every((p, i) => dist(p, corners[i]!) < slack)) return null;
  return q;
}

/** The 3×3 homography (row-major, h33 = 1) taking the four `from` points onto the four `to` points. */
export function homography(from: Quad, to: Quad): number[] {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!,
      { x: u, y: v } = to[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    const piv = A[c]![c]!;
    if (Math.abs(piv) < 1e-12) throw new Error('四个角点共线，无法校正');
    for (let k = c; k < 9; k++) A[c]![k]! /= piv;
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]!;
      if (f) for (let k = c; k < 9; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return [...A.map((row) => row[8]!), 1];
}

export function applyHomography(m: number[], p: Pt): Pt {
  const w = m[6]! * p.x + m[7]! * p.y + m[8]!;
  return { x: (m[0]! * p.x + m[1]! * p.y + m[2]!) / w, y: (m[3]! * p.x + m[4]! * p.y + m[5]!) / w };
}

/**
 * The output picture (W×H) whose corners land on `quad` in `src`, sampled bilinearly; outside
 * the source is white. `quad` is in `src`'s pixel coordinates.
 */
export function warp(src: Rgba, quad: Quad, W: number, H: number): Uint8ClampedArray<ArrayBuffer> {
  const m = homography(
    [
      { x: 0, y: 0 },
      { x: W, y: 0 },
      { x: W, y: H },
      { x: 0, y: H },
    ],
    quad,
  );
  const out = new Uint8ClampedArray(W * H * 4);
  const sw = src.width,
    sh = src.height,
    s = src.data;
  const [a, b, c, d, e, f, g, hh, k] = m as [number, number, number, number, number, number, number, number, number];
  let o = 0;
  for (let y = 0; y < H; y++) {
    const yy = y + 0.5;
    // Numerators and denominator are linear in x along a row: add the increments.
    let nx = a * 0.5 + b * yy + c,
      ny = d * 0.5 + e * yy + f,
      nw = g * 0.5 + hh * yy + k;
    for (let x = 0; x < W; x++, o += 4, nx += a, ny += d, nw += g) {
      const u = nx / nw - 0.5,
        v = ny / nw - 0.5;
      if (u < 0 || v < 0 || u >= sw - 1 || v >= sh - 1) {
        out[o] = out[o + 1] = out[o + 2] = 255;
        out[o + 3] = 255;
        continue;
      }
      const x0 = u | 0,
        y0 = v | 0,
        fx = u - x0,
        fy = v - y0;
      const i00 = (y0 * sw + x0) * 4,
        i10 = i00 + 4,
        i01 = i00 + sw * 4,
        i11 = i01 + 4;
      const w00 = (1 - fx) * (1 - fy),
        w10 = fx * (1 - fy),
        w01 = (1 - fx) * fy,
        w11 = fx * fy;
      out[o] = s[i00]! * w00 + s[i10]! * w10 + s[i01]! * w01 + s[i11]! * w11;
      out[o + 1] = s[i00 + 1]! * w00 + s[i10 + 1]! * w10 + s[i01 + 1]! * w01 + s[i11 + 1]! * w11;
      out[o + 2] = s[i00 + 2]! * w00 + s[i10 + 2]! * w10 + s[i01 + 2]! * w01 + s[i11 + 2]! * w11;
      out[o + 3] = 255;
    }
  }
  return out;
}
