import { describe, expect, it } from 'vitest';
import { READER } from '../../../shared/pdf/content/thresholds';
import { columnBetweenRules, inkFraction, printedArea, sealOnly, writingBands } from './ink';
import { greyOf, rotateGrey, type Grey } from './ocr/grey';

/** A sheet of paper (grey 235 with a little noise), `w`×`h`, at ≈ 6 px/mm as the reader decodes it. */
function paper(w: number, h: number, seed = 1): Grey {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = 228 + Math.floor(rnd() * 14);
  return { width: w, height: h, data };
}

/** A straight stroke of width `t`, its edge a pixel of grey (a scan's blur). */
function stroke(g: Grey, x0: number, y0: number, x1: number, y1: number, t: number, ink = 40): void {
  const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
  for (let i = 0; i <= n; i++) {
    const x = x0 + ((x1 - x0) * i) / n,
      y = y0 + ((y1 - y0) * i) / n;
    for (let dy = -t / 2 - 1; dy <= t / 2 + 1; dy++)
      for (let dx = -t / 2 - 1; dx <= t / 2 + 1; dx++) {
        const px = Math.round(x + dx),
          py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= g.width || py >= g.height) continue;
        const edge = Math.abs(dx) > t / 2 || Math.abs(dy) > t / 2;
        const v = edge ? 150 : ink;
        const k = py * g.width + px;
        g.data[k] = Math.min(g.data[k]!, v);
      }
  }
}

/** A ruled box like the 入团志愿 page's or 本人经历's table: rules every `pitch` px, turned by `deg`. */
function ruledBox(g: Grey, deg: number, pitch = 60, columns: number[] = []): void {
  const tan = Math.tan((deg * Math.PI) / 180);
  for (let y = 10; y < g.height - 5; y += pitch) stroke(g, 0, y, g.width - 1, y + tan * g.width, 2);
  for (const x of columns) stroke(g, x, 0, x - tan * g.height, g.height - 1, 2);
}

/** One line of handwriting-like marks: each “character” a few strokes of at most 26 px, 30 px apart. */
function writing(g: Grey, y: number, chars: number, seed = 7, x0 = 20): void {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let c = 0; c < chars; c++) {
    const x = x0 + c * 30;
    for (let k = 0; k < 4; k++) {
      const ax = x + rnd() * 20,
        ay = y + rnd() * 20;
      const a = rnd() * Math.PI;
      const len = 8 + rnd() * 16;
      stroke(g, ax, ay, ax + Math.cos(a) * len, ay + Math.sin(a) * len, 2, 60);
    }
  }
}

const region = (g: Grey) => ({ x: 0, y: 0, w: g.width, h: g.height });

describe('inkFraction: writing, not printed rules', () => {
  it('reads an empty ruled box as empty, straight or turned by up to 2° (a rule comes as a staircase)', () => {
    for (const deg of [0, 0.4, 1, 2, -1.5]) {
      const g = paper(900, 700, deg * 10 + 3);
      ruledBox(g, deg, 60, [200, 450, 800]);
      expect(inkFraction(g, region(g), 70), `${deg}°`).toBeLessThan(READER.emptyInk);
    }
  });

  it('a few specks on an empty box stay under the empty threshold', () => {
    const g = paper(900, 700);
    ruledBox(g, 0.7, 60, [450]);
    for (const [x, y] of [
      [100, 100],
      [600, 300],
      [300, 520],
    ] as const)
      stroke(g, x, y, x + 1, y, 2);
    expect(inkFraction(g, region(g), 70)).toBeLessThan(READER.emptyInk);
  });

  it('one line of writing in a large ruled box is writing, even when the box is turned', () => {
    for (const deg of [0, 1.2, -2]) {
      const g = paper(900, 700, 5);
      ruledBox(g, deg, 60, [450]);
      writing(g, 136, 20);
      expect(inkFraction(g, region(g), 70), `${deg}°`).toBeGreaterThan(READER.someInk);
    }
  });

  it('faint writing a short way into an empty space is still more than the empty threshold', () => {
    const g = paper(900, 400, 9);
    writing(g, 40, 4, 11);
    expect(inkFraction(g, region(g), 60)).toBeGreaterThan(READER.emptyInk);
  });
});

describe('inkFraction: an entry beside its label in a table', () => {
  it('the cell borders of a one-line space (shorter than `rule`) are not writing', () => {
    // 出生年月's space: 344 × 69 px, crossed by the border between the label's cell and the value's.
    const g = paper(344, 69, 4);
    stroke(g, 80, 0, 81, 68, 2);
    stroke(g, 0, 4, 343, 5, 2);
    stroke(g, 0, 64, 343, 65, 2);
    expect(inkFraction(g, region(g), 104)).toBeLessThan(READER.emptyInk);
    writing(g, 22, 6, 3);
    expect(inkFraction(g, region(g), 104)).toBeGreaterThan(READER.someInk);
  });
});

describe('inkFraction: a rule the region’s edge cuts', () => {
  it('a turned table line that only dips into the region’s last rows is a rule, seen whole around it', () => {
    const g = paper(900, 300, 8);
    stroke(g, 0, 196, 899, 212, 2);
    // The space ends on the line: only its first ≈ 50 px lie inside (far shorter than `rule`).
    const space = { x: 400, y: 140, w: 200, h: 64 };
    expect(inkFraction(g, space, 104)).toBeLessThan(READER.emptyInk);
    writing(g, 150, 5, 5, 410);
    expect(inkFraction(g, space, 104)).toBeGreaterThan(READER.someInk);
  });
});

describe('inkFraction: writing already read left out', () => {
  it('a 学时 column whose every written cell was read is empty; one unread cell is writing', () => {
    // A column 110 px wide, rows 50 px apart crossed by their rules, a lone “1” in three rows.
    const g = paper(110, 420, 12);
    for (let y = 20; y < 420; y += 50) stroke(g, 0, y, 109, y, 2);
    const cells = [70, 120, 170].map((y) => ({ x: 40, y: y + 8, w: 30, h: 34 }));
    for (const c of cells) stroke(g, c.x + 15, c.y + 5, c.x + 14, c.y + 29, 3);
    expect(inkFraction(g, region(g), 60, undefined, cells)).toBeLessThan(READER.emptyInk);
    expect(inkFraction(g, region(g), 60, undefined, cells.slice(1))).toBeGreaterThan(READER.someInk);
  });
});

describe('writingBands: the rows of writing left unread', () => {
  it('finds a thin pen’s lone “1” in an unread row of a 学时 column, not the rules or a speck', () => {
    const g = paper(110, 420, 13);
    for (let y = 20; y < 420; y += 50) stroke(g, 0, y, 109, y, 2);
    const cells = [70, 120, 170].map((y) => ({ x: 40, y: y + 8, w: 30, h: 34 }));
    for (const c of [...cells, { x: 40, y: 228, w: 30, h: 34 }])
      stroke(g, c.x + 15, c.y + 8, c.x + 15, c.y + 28, 0, 120);
    stroke(g, 60, 330, 61, 331, 1);
    const bands = writingBands(g, region(g), 54, cells);
    expect(bands).toHaveLength(1);
    expect(bands[0]!.y).toBeGreaterThan(228);
    expect(bands[0]!.y + bands[0]!.h).toBeLessThan(262 + 3);
    expect(writingBands(g, region(g), 54, [...cells, { x: 40, y: 228, w: 30, h: 34 }])).toEqual([]);
  });
});

describe('columnBetweenRules', () => {
  /** A table of three columns (rules at 100, 220, 400 at the top), leaning `lean` px over 600 rows. */
  function table(lean: number): Grey {
    const g = paper(500, 640, 3);
    for (const x of [100, 220, 400]) stroke(g, x, 20, x + lean, 620, 1, 90);
    for (let y = 20; y < 640; y += 60) stroke(g, 100, y, 400, y, 1, 90);
    // The next column's writing starts just right of the rule.
    writing(g, 100, 4, 5, 226);
    return g;
  }

  it('finds the two rules around a point, straight or leaning as a phone photo does', () => {
    for (const lean of [0, -9, 11]) {
      const span = columnBetweenRules(table(lean), 160, 30, 610)!;
      expect(span, `lean ${lean}`).toBeDefined();
      expect(span.left).toBeGreaterThanOrEqual(100 + Math.max(0, lean) - 4);
      expect(span.right).toBeLessThanOrEqual(220 + Math.min(0, lean) + 4);
      expect(span.right - span.left).toBeGreaterThan(100);
    }
  });

  it('says nothing where a column has no rule on one side', () => {
    const g = paper(500, 640, 4);
    stroke(g, 100, 20, 100, 620, 1, 90);
    expect(columnBetweenRules(g, 160, 30, 610)).toBeUndefined();
  });
});

describe('a seal over an entry’s space', () => {
  /** An RGBA sheet with a red (or purple-red) seal ring over the left half and, optionally, blue writing. */
  function stamped(seal: [number, number, number], written: boolean): Grey {
    const w = 400,
      h = 120;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([236, 232, 224, 255], i * 4);
    const dot = (x: number, y: number, c: [number, number, number]) => {
      if (x >= 0 && y >= 0 && x < w && y < h) rgba.set([...c, 255], (y * w + x) * 4);
    };
    for (let a = 0; a < 2 * Math.PI; a += 0.002)
      for (let t = 0; t < 5; t++)
        dot(Math.round(150 + (90 + t) * Math.cos(a)), Math.round(60 + (90 + t) * Math.sin(a)), seal);
    for (let x = 120; x < 180; x++) for (let y = 40; y < 80; y += 8) dot(x, y, seal);
    if (written)
      for (let x = 220; x < 330; x++)
        for (let t = 0; t < 3; t++) dot(x, 60 + t + Math.round(8 * Math.sin(x / 9)), [40, 50, 140]);
    return greyOf(rgba, w, h);
  }

  it('is still empty: red or purple-red seal ink is not writing', () => {
    for (const seal of [
      [200, 50, 55],
      [185, 60, 135],
    ] as [number, number, number][]) {
      const g = stamped(seal, false);
      const luma = { width: g.width, height: g.height, data: g.data };
      expect(inkFraction(luma, region(g), 60), 'luma alone sees the seal').toBeGreaterThan(READER.someInk);
      expect(inkFraction(g, region(g), 60)).toBeLessThan(READER.emptyInk);
    }
  });

  it('blue writing beside the seal is writing, also after the page is turned', () => {
    const g = rotateGrey(stamped([200, 50, 55], true), 180);
    expect(inkFraction(g, region(g), 60)).toBeGreaterThan(READER.someInk);
  });

  it('a box of seal ink alone is told from writing over the seal', () => {
    const ring = { x: 50, y: 0, w: 200, h: 120 };
    expect(sealOnly(stamped([200, 50, 55], false), ring)).toBe(true);
    expect(sealOnly(stamped([185, 60, 135], false), ring)).toBe(true);
    // Blue writing through the seal's right edge: its strokes stay dark without the seal.
    const across = { x: 180, y: 30, w: 160, h: 60 };
    expect(sealOnly(stamped([200, 50, 55], true), across)).toBe(false);
    const g = stamped([200, 50, 55], false);
    expect(sealOnly({ width: g.width, height: g.height, data: g.data }, ring), 'a grey scan: never').toBe(false);
  });

  it('reads a frame in B, G, R order as the same picture (the page as decoded, copied as it is)', () => {
    const rgba = new Uint8ClampedArray(16 * 4);
    [
      [200, 50, 55],
      [40, 50, 140],
      [185, 60, 135],
      [240, 236, 220],
    ].forEach((c, k) => rgba.set([...c, 255], k * 16));
    const bgr = rgba.slice();
    for (let i = 0; i < bgr.length; i += 4) [bgr[i], bgr[i + 2]] = [rgba[i + 2]!, rgba[i]!];
    const asStored = greyOf(rgba, 4, 4);
    expect(asStored.sealFree, 'the red and purple-red pixels are seal ink').toBeDefined();
    expect(greyOf(bgr, 4, 4, true)).toEqual(asStored);
    // Read in the wrong order, blue writing would pass for seal ink.
    expect(greyOf(bgr, 4, 4)).not.toEqual(asStored);
  });

  it('a grey scan has no seal-free plane: its ink is measured as it is', () => {
    const rgba = new Uint8ClampedArray(16).fill(128);
    expect(greyOf(rgba, 2, 2).sealFree).toBeUndefined();
  });
});

describe('printedArea: where the detector looks', () => {
  it('is the ink and a little paper around it; specks in the margin do not widen it', () => {
    const g = paper(600, 800);
    // Two strokes of writing: one down, one across a line's height.
    stroke(g, 100, 120, 100, 160, 5);
    stroke(g, 150, 600, 480, 640, 5);
    // Scanner specks: single dark pixels far in the margins.
    for (const [x, y] of [
      [20, 30],
      [580, 700],
      [10, 790],
    ] as const)
      g.data[y * g.width + x] = 30;
    const a = printedArea(g);
    const pad = 600 * 0.04;
    expect(a.x).toBeGreaterThan(100 - pad - 4);
    expect(a.x).toBeLessThanOrEqual(100 - pad + 2);
    expect(a.x + a.w).toBeGreaterThanOrEqual(480 + pad);
    expect(a.x + a.w).toBeLessThan(480 + pad + 6);
    expect(a.y).toBeLessThanOrEqual(120 - pad + 2);
    expect(a.y).toBeGreaterThan(120 - pad - 6);
    expect(a.y + a.h).toBeGreaterThanOrEqual(640 + pad);
    expect(a.y + a.h).toBeLessThan(640 + pad + 8);
  });

  it('is not widened by a rule drawn across alone (nothing in it to read)', () => {
    const g = paper(600, 800);
    stroke(g, 200, 300, 400, 340, 4);
    stroke(g, 20, 700, 580, 700, 2);
    const a = printedArea(g);
    expect(a.x).toBeGreaterThan(150);
    expect(a.x + a.w).toBeLessThan(450);
  });

  it('keeps the whole page when there is no ink, or when a dark surround reaches the edges', () => {
    expect(printedArea(paper(300, 400))).toEqual({ x: 0, y: 0, w: 300, h: 400 });
    const g = paper(300, 400);
    for (let y = 0; y < 400; y++)
      for (let x = 0; x < 300; x++) if (x < 12 || x > 288 || y < 12 || y > 388) g.data[y * 300 + x] = 40;
    expect(printedArea(g)).toEqual({ x: 0, y: 0, w: 300, h: 400 });
  });
});
