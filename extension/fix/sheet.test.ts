import { describe, expect, it } from 'vitest';
import { applyHomography, findSheet, homography, warp, type Quad, type Rgba } from './sheet';

/** A brown desk with a bright sheet turned by `deg` about the centre, covering `fill` of the height. */
function photo(w: number, h: number, deg: number, fill: number): { img: Rgba; corners: Quad } {
  const data = new Uint8ClampedArray(w * h * 4);
  const sh = h * fill,
    sw = sh / Math.SQRT2;
  const a = (deg * Math.PI) / 180,
    c = Math.cos(a),
    s = Math.sin(a);
  const cx = w / 2,
    cy = h / 2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Into the sheet's own frame (turned back by deg).
      const dx = x + 0.5 - cx,
        dy = y + 0.5 - cy;
      const u = c * dx + s * dy,
        v = -s * dx + c * dy;
      const inSheet = Math.abs(u) < sw / 2 && Math.abs(v) < sh / 2;
      // A few lines of "text" on the sheet, so it is not a blank rectangle.
      const ink = inSheet && Math.abs(v % 40) < 2 && Math.abs(u) < sw / 2 - 20;
      const i = (y * w + x) * 4;
      const [r, g, b] = ink ? [30, 30, 30] : inSheet ? [245, 243, 236] : [118, 82, 50];
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  const corner = (u: number, v: number) => ({ x: cx + c * u - s * v, y: cy + s * u + c * v });
  return {
    img: { width: w, height: h, data },
    corners: [corner(-sw / 2, -sh / 2), corner(sw / 2, -sh / 2), corner(sw / 2, sh / 2), corner(-sw / 2, sh / 2)],
  };
}

describe('finding the sheet in a photo', () => {
  it.each([0, 4, -7, 15])('finds the corners of a sheet turned %d° within 1.5 px', (deg) => {
    const { img, corners } = photo(600, 800, deg, 0.8);
    const q = findSheet(img)!;
    expect(q).not.toBeNull();
    q.forEach((p, i) => {
      expect(Math.abs(p.x - corners[i]!.x)).toBeLessThan(1.5);
      expect(Math.abs(p.y - corners[i]!.y)).toBeLessThan(1.5);
    });
  });

  it('finds nothing to cut when the sheet fills the picture, or when there is no sheet', () => {
    const full = photo(300, 400, 0, 1.2).img;
    expect(findSheet(full)).toBeNull();
    const desk = photo(300, 400, 0, 0).img;
    expect(findSheet(desk)).toBeNull();
  });
});

describe('flattening', () => {
  it('maps the four corners exactly', () => {
    const from: Quad = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 140 },
      { x: 0, y: 140 },
    ];
    const to: Quad = [
      { x: 12, y: 30 },
      { x: 180, y: 22 },
      { x: 200, y: 260 },
      { x: 5, y: 240 },
    ];
    const m = homography(from, to);
    from.forEach((p, i) => {
      const q = applyHomography(m, p);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
    });
  });

  it('turns a tilted sheet into an upright page with no desk left', () => {
    const { img, corners } = photo(600, 800, 6, 0.8);
    const W = 200,
      H = Math.round(200 * Math.SQRT2);
    const out = warp(img, corners, W, H);
    let desk = 0,
      ink = 0;
    for (let i = 0; i < W * H; i++) {
      const r = out[i * 4]!,
        b = out[i * 4 + 2]!;
      if (r - b > 40) desk++;
      if (r < 120) ink++;
    }
    expect(desk / (W * H)).toBeLessThan(0.01);
    expect(ink).toBeGreaterThan(0);
    // The text lines run level: each ink row is ink across most of its width.
    const rows: number[] = [];
    for (let y = 0; y < H; y++) {
      let n = 0;
      for (let x = 0; x < W; x++) if (out[(y * W + x) * 4]! < 120) n++;
      if (n) rows.push(n);
    }
    expect(Math.max(...rows)).toBeGreaterThan(W * 0.75);
  });
});

describe('a photo taken at an angle (perspective)', () => {
  it('finds the four corners of a trapezoid sheet and flattens it to a rectangle', () => {
    const w = 600,
      h = 800;
    // The far edge (top) looks shorter than the near one: a phone held at an angle.
    const corners: Quad = [
      { x: 170, y: 90 },
      { x: 440, y: 100 },
      { x: 530, y: 720 },
      { x: 70, y: 705 },
    ];
    const inside = (x: number, y: number) => {
      let s = 0;
      for (let i = 0; i < 4; i++) {
        const a = corners[i]!,
          b = corners[(i + 1) % 4]!;
        const c = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
        s += c > 0 ? 1 : -1;
      }
      return Math.abs(s) === 4;
    };
    // Lines ruled across the sheet in its own frame: straight and level once flattened.
    const data = new Uint8ClampedArray(w * h * 4);
    const inv = homography(corners, [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ]);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        let rgb = [118, 82, 50];
        if (inside(x + 0.5, y + 0.5)) {
          const { x: u, y: v } = applyHomography(inv, { x: x + 0.5, y: y + 0.5 });
          // Within the form's margins, as printed lines are.
          rgb =
            Math.abs((v * 20) % 1) < 0.06 && v > 0.05 && v < 0.95 && u > 0.08 && u < 0.92
              ? [30, 30, 30]
              : [245, 243, 236];
        }
        data[i] = rgb[0]!;
        data[i + 1] = rgb[1]!;
        data[i + 2] = rgb[2]!;
        data[i + 3] = 255;
      }
    const q = findSheet({ width: w, height: h, data })!;
    expect(q).not.toBeNull();
    q.forEach((p, i) => {
      expect(Math.abs(p.x - corners[i]!.x)).toBeLessThan(2.5);
      expect(Math.abs(p.y - corners[i]!.y)).toBeLessThan(2.5);
    });
    const W = 210,
      H = 297;
    const out = warp({ width: w, height: h, data }, q, W, H);
    let desk = 0;
    const inkRows = new Set<number>();
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const o = (y * W + x) * 4;
        if (out[o]! - out[o + 2]! > 40) desk++;
        if (out[o]! < 120 && x > 20 && x < W - 20) inkRows.add(y);
      }
    expect(desk / (W * H)).toBeLessThan(0.01);
    // Each ruled line lands on one or two rows of the flat page, not on a slant across many.
    const groups: number[][] = [];
    for (const y of [...inkRows].sort((a, b) => a - b)) {
      const g = groups.at(-1);
      if (g && y - g.at(-1)! <= 1) g.push(y);
      else groups.push([y]);
    }
    expect(groups.length).toBeGreaterThanOrEqual(15);
    for (const g of groups) expect(g.length).toBeLessThanOrEqual(4);
  });
});
