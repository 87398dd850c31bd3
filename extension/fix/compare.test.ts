import { describe, expect, it } from 'vitest';
import type { Issue } from '../../shared/pdf/types';
import { compareReports } from './compare';

const i = (code: Issue['code'], severity: Issue['severity'], page?: number): Issue => ({
  code,
  severity,
  message: code,
  ...(page ? { page } : {}),
});

describe('a fix never makes the result worse', () => {
  it('accepts a fix that removes the failure', () => {
    const c = compareReports({ verdict: 'fail', issues: [i('too-large', 'fail')] }, { verdict: 'pass', issues: [] });
    expect(c).toMatchObject({ worse: false, better: true });
    expect(c.removed.map((x) => x.code)).toEqual(['too-large']);
  });
  it('refuses a fix that trades a failure for another', () => {
    const c = compareReports(
      { verdict: 'fail', issues: [i('too-large', 'fail')] },
      { verdict: 'fail', issues: [i('blurry-page', 'fail', 3)] },
    );
    expect(c.worse).toBe(true);
  });
  it('refuses a lower verdict, new warnings with nothing fixed, and a page-1 number no longer read', () => {
    expect(
      compareReports({ verdict: 'pass', issues: [] }, { verdict: 'warn', issues: [i('skew', 'warn', 2)] }).worse,
    ).toBe(true);
    expect(
      compareReports(
        { verdict: 'warn', issues: [i('skew', 'warn', 2)] },
        { verdict: 'warn', issues: [i('skew', 'warn', 2), i('stained-page', 'warn', 4)] },
      ).worse,
    ).toBe(true);
    expect(
      compareReports(
        { verdict: 'pass', issues: [], page1Number: { value: '202412345678', source: 'ocr' } },
        { verdict: 'pass', issues: [i('number-unreadable', 'info', 1)] },
      ).worse,
    ).toBe(true);
  });
  it('compares by code alone when pages moved', () => {
    const before = {
      verdict: 'fail' as const,
      issues: [i('page-count', 'fail'), i('orientation', 'fail', 7), i('skew', 'warn', 3)],
    };
    const after = { verdict: 'warn' as const, issues: [i('skew', 'warn', 2)] };
    expect(compareReports(before, after, true)).toMatchObject({ worse: false, better: true });
    expect(compareReports(before, after, true).added).toEqual([]);
    expect(compareReports(before, after, false).added.map((x) => x.page)).toEqual([2]);
  });
});
