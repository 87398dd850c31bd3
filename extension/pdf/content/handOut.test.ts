import { describe, expect, it } from 'vitest';
import { handOutOrder } from './handOut';

const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ page: i + 1 }));

describe('the order pages are handed to the content workers', () => {
  it('starts a 12-page booklet with 团课 and 基本情况 and ends with pages read from their strip', () => {
    const order = handOutOrder(pages(12), 12).map((s) => s.page);
    expect(order.slice(0, 2)).toEqual([6, 3]);
    expect(order.slice(-4).sort((a, b) => a - b)).toEqual([2, 4, 5, 12]);
    expect([...order].sort((a, b) => a - b)).toEqual(pages(12).map((s) => s.page));
  });

  it('keeps the ranking when some pages are not handed out (no picture to read)', () => {
    const some = pages(12).filter((s) => s.page !== 6 && s.page !== 9);
    expect(handOutOrder(some, 12).map((s) => s.page)).toEqual([3, 10, 11, 1, 8, 7, 5, 4, 2, 12]);
  });

  it('reads a file of another length in page order', () => {
    expect(handOutOrder(pages(5), 5)).toEqual(pages(5));
  });
});
