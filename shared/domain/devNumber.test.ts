import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDevNumber, compareWithForm, findDuplicateDevNumbers, normaliseDevNumber } from './devNumber';
import type { ChinaDate } from './types';

const d = (s: string) => s as ChinaDate;
const codes = (n: string | undefined, joined: string, region?: 'xinjiang') =>
  checkDevNumber(n, d(joined), { region }).map((f) => f.code);

describe('发展团员编号 rules', () => {
  it('accepts 12 digits beginning with the year of joining, from 2019', () => {
    expect(codes('202412345678', '2024-05-20')).toEqual([]);
    expect(codes('201900000001', '2019-01-01')).toEqual([]);
  });

  it('refuses a wrong year prefix, telling the year it should be', () => {
    const [f] = checkDevNumber('202312345678', d('2024-01-02'));
    expect(f).toMatchObject({ code: 'wrong-year', severity: 'error' });
    expect(f!.message).toContain('前四位必须与入团年份相同');
    expect(f!.message).toContain('2024');
    expect(f!.whoMayCorrect).toContain('直属上级团组织');
  });

  it('refuses a wrong length', () => {
    expect(codes('20241234567', '2024-05-20')).toEqual(['wrong-length']);
    expect(codes('2024123456789', '2024-05-20')).toEqual(['wrong-length']);
  });

  it('accepts 2017 or 2018 prefixes for members who joined in 2017–2018', () => {
    expect(codes('201712345678', '2018-03-01')).toEqual([]);
    expect(codes('201812345678', '2017-12-01')).toEqual([]);
    expect(codes('201612345678', '2017-12-01')).toEqual(['wrong-year']);
  });

  it('requires a number from 2017 (Xinjiang 2016)', () => {
    expect(codes(undefined, '2017-01-01')).toEqual(['missing']);
    expect(codes('  ', '2024-01-01')).toEqual(['missing']);
    expect(codes(undefined, '2016-12-31')).toEqual([]);
    expect(codes(undefined, '2016-06-01', 'xinjiang')).toEqual(['missing']);
  });

  it('accepts legacy 16-digit numbers only for members who joined before 2017', () => {
    expect(codes('2015161234567890', '2016-05-01')).toEqual([]);
    expect(codes('2016171234567890', '2016-05-01')).toEqual([]);
    expect(codes('2016171234567890', '2017-05-01')).toEqual(['wrong-length']);
    expect(checkDevNumber('1234', d('2015-05-01'))[0]?.severity).toBe('warning');
  });

  it('refuses letters and normalises full-width digits and spaces', () => {
    expect(codes('2024ABCD5678', '2024-05-20')).toEqual(['bad-chars']);
    expect(codes(' ２０２４ 1234 5678 ', '2024-05-20')).toEqual([]);
    expect(normaliseDevNumber(' ２０２４ 1234 5678 ')).toBe('202412345678');
  });

  it('for any year from 2019, a number is valid exactly when it is 12 digits starting with that year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2035 }), fc.stringMatching(/^\d{4,14}$/), (year, digits) => {
        const ok = digits.length === 12 && digits.startsWith(String(year));
        expect(codes(digits, `${year}-06-15`).length === 0).toBe(ok);
      }),
    );
  });

  it('finds duplicates among the members seen', () => {
    const dups = findDuplicateDevNumbers([
      { devNumber: '202400000001' },
      { devNumber: '202400000002' },
      {},
      { devNumber: ' 202400000001' },
    ]);
    expect([...dups]).toEqual([['202400000001', [0, 3]]]);
  });

  it('compares with the number on the form’s first page (§5.8)', () => {
    expect(compareWithForm('202412345678', '202412345678')).toBeNull();
    expect(compareWithForm('202412345678', '2024 1234 5678')).toBeNull();
    expect(compareWithForm('202412345678', '202412345679')).toMatchObject({ code: 'form-mismatch', severity: 'error' });
    expect(compareWithForm(undefined, '202412345679')?.message).toContain('空');
    expect(compareWithForm('202412345678', '')).toBeNull();
  });
});
