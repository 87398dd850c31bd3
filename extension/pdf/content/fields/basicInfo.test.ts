import { describe, expect, it } from 'vitest';
import type { Line } from '../lines';
import { basicInfo } from './basicInfo';
import type { Reread } from './draft';

/** A line read surely at (x, y), 24 px high, 24 px a character. */
const line = (text: string, x: number, y: number): Line => ({
  text,
  probs: [...text].map(() => 0.99),
  at: [...text].map((_, i) => (i + 0.5) / text.length),
  box: { x, y, w: text.length * 24, h: 24 },
});
const reread: Reread = async (l) => l;
const birthOf = async (lines: Line[]) =>
  (await basicInfo(lines, reread)).filter((f) => f.kind === 'birth' || f.role === '出生年月');

describe('basicInfo: 出生年月', () => {
  it('reads the date written beside the label', async () => {
    const [f] = await birthOf([line('出生年月', 100, 300), line('2007.6.21', 230, 300)]);
    expect(f).toMatchObject({ kind: 'birth', value: '2007-06-21' });
  });

  it('leaves an empty space to the ink check, also when the next cell on the row has writing', async () => {
    for (const lines of [[line('出生年月', 100, 300)], [line('出生年月', 100, 300), line('汉族', 420, 300)]]) {
      const [f] = await birthOf(lines);
      expect(f).toMatchObject({ kind: 'entry', value: 'empty' });
      expect(f!.emptyRegion!.x).toBe(196);
    }
  });

  it('says nothing when writing in the space beside the label did not read as a date', async () => {
    expect(await birthOf([line('出生年月', 100, 300), line('二00七年', 230, 300)])).toEqual([]);
  });
});

describe('basicInfo: a stray character read on the label’s line', () => {
  it('leaves the space to the ink check (a cell border read as 來)', async () => {
    const [f] = await birthOf([line('出生年月來', 100, 300)]);
    expect(f).toMatchObject({ kind: 'entry', value: 'empty' });
  });

  it('but not a date misread on the label’s own line', async () => {
    expect(await birthOf([line('出生年月2O0七', 100, 300)])).toEqual([]);
  });
});
