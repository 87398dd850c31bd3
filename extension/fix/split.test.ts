import { describe, expect, it } from 'vitest';
import { matchParts, partsOf } from './split';

const members = [
  { name: '张伟', devNumber: '202412345678', canUpload: true },
  { name: '李娜', devNumber: '202412345679', canUpload: true },
  { name: '王芳', devNumber: '202498765432', canUpload: true },
];

describe('splitting a class scan', () => {
  it('cuts every 12 pages and keeps a short last part', () => {
    expect(partsOf(36)).toEqual([
      { from: 1, to: 12 },
      { from: 13, to: 24 },
      { from: 25, to: 36 },
    ]);
    expect(partsOf(30).at(-1)).toEqual({ from: 25, to: 30 });
  });
  it('matches exact numbers, one close number, and nothing ambiguous', () => {
    const parts = [
      { from: 1, to: 12, number: '202412345678' },
      { from: 13, to: 24, number: '202498765482' },
      { from: 25, to: 36, number: '202412345670' },
      { from: 37, to: 48, number: null },
    ];
    const m = matchParts(parts, members);
    expect(m.map((x) => [x.how, x.member?.name ?? null])).toEqual([
      ['exact', '张伟'],
      ['close', '王芳'],
      ['none', null],
      ['none', null],
    ]);
  });
});
