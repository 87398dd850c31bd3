import { describe, expect, it } from 'vitest';
import { ageOn, monthTurning, parseWrittenDate } from './dates';

describe('dates as people write them', () => {
  it.each([
    ['2024年5月18日', '2024-05-18'],
    ['2024 年 05 月 18 日', '2024-05-18'],
    ['2024.5.18', '2024-05-18'],
    ['2024-05-18', '2024-05-18'],
    ['2024/5/18', '2024-05-18'],
    ['２０２４年５月１８日', '2024-05-18'],
    ['二〇二四年五月十八日', '2024-05-18'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['二〇二四年十月二十日', '2024-10-20'],
    ['出生年月2008年5月', '2008-05'],
    ['2008.05', null],
    ['2008年5月', '2008-05'],
    ['签名：李明 2024年5月18日', '2024-05-18'],
  ])('%s → %s', (text, value) => {
    expect(parseWrittenDate(text)?.value ?? null).toBe(value);
  });

  it.each([
    ['2O24年5月l8日', '2024-05-18'],
    ['2024年O5月18日', '2024-05-18'],
    ['20Z4.5.1B', '2024-05-18'],
    ['二O二四年五月十八日', '2024-05-18'],
  ])('reads OCR lookalikes in digit context: %s', (text, value) => {
    expect(parseWrittenDate(text)?.value).toBe(value);
  });

  it('leaves letters alone away from digits', () => {
    expect(parseWrittenDate('Oslo')).toBeNull();
  });

  it.each(['2024年2月30日', '2024年13月1日', '1890年1月1日', '年 月 日', '', '团课学习'])(
    'is no date when the calendar has none: %s',
    (text) => {
      expect(parseWrittenDate(text)).toBeNull();
    },
  );

  it('says where the date was found', () => {
    const d = parseWrittenDate('日期：2024.5.18')!;
    expect('日期：2024.5.18'.slice(d.start, d.end)).toBe('2024.5.18');
  });
});

describe('age', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-05-18', '2024-05-17')).toEqual({ min: 13, max: 13 });
    expect(ageOn('2010-05-18', '2024-05-18')).toEqual({ min: 14, max: 14 });
  });

  it('leaves a month-only birth open within the month', () => {
    expect(ageOn('2010-05', '2024-05-18')).toEqual({ min: 13, max: 14 });
    expect(ageOn('2010-05', '2024-06-01')).toEqual({ min: 14, max: 14 });
  });

  it('knows the month a birthday falls in', () => {
    expect(monthTurning('2010-05-18', 14)).toBe('2024-05-01');
  });
});
