import { describe, expect, it } from 'vitest';
import { extractDevNumber } from './numberRules';

describe('reading a 发展团员编号 out of OCR text', () => {
  it.each([
    ['编号：202412345678', '202412345678'],
    ['51 202412345678\n', '202412345678'],
    ['51202412345678', '202412345678'],
    ['编号：２０２４１２３４５６７８', '202412345678'],
    ['2024 1234', null],
    ['', null],
    ['12 34 56', null],
  ])('%j → %j', (raw, want) => expect(extractDevNumber(raw)).toBe(want));
});
