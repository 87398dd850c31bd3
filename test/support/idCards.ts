// 身份证号 for tests, as people type them: generated with real birth dates, right or wrong check
// characters, and the disguises a clear number arrives in (full-width, spaced, dashed, invisible characters).
import fc from 'fast-check';
import { idCardCheckDigit } from '../../shared/domain/idCard';
import { PROVINCE_CODES } from '../../shared/domain/idCardInText';

const CHECK = '10X98765432';

export const idCard = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    county: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2009-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    order: fc.integer({ min: 0, max: 999 }),
    wrongCheck: fc.boolean(),
  })
  .map(({ province, county, birth, order, wrongCheck }) => {
    const first17 = `${province}${String(county).padStart(4, '0')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(order).padStart(3, '0')}`;
    const check = idCardCheckDigit(first17);
    return first17 + (wrongCheck ? CHECK[(CHECK.indexOf(check) + 1) % 11]! : check);
  });

export const DISGUISES = 6;

export function disguise(n: string, how: number): string {
  const chars = [...n];
  switch (how % DISGUISES) {
    case 0:
      return chars.map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    case 1:
      return `${n.slice(0, 6)} ${n.slice(6, 14)} ${n.slice(14)}`;
    case 2:
      return `${n.slice(0, 6)}-${n.slice(6, 14)}—${n.slice(14)}`;
    case 3:
      return chars.join('\u200b');
    case 4:
      return `${n.slice(0, 6)}\u3000${n.slice(6, 14)}\u00a0${n.slice(14)}`.toLowerCase();
    default:
      return n;
  }
}

/** Text around a number: none, a label, a sentence. */
export const around = fc.constantFrom(['', ''], ['身份证号：', '。'], ['张三 ', ' 电话'], ['ID', ''], ['（', '）']);

/** A number as it might be sent: generated, disguised, in some text. */
export const clearIdCard = fc
  .tuple(idCard, fc.nat(), around)
  .map(([n, how, [before, after]]) => before + disguise(n, how) + after);

/** Text that looks like a number but is not one: digests, 编号 (12 and legacy 16 digits), longer runs, dates. */
export const LOOKALIKES = [
  'b3f0c1d2e4a59687110105194912310021a4b3c2d1e0f1234567890abcdef12',
  '2015161234567890',
  '201612345678',
  '1101051949123100211',
  '2024-05-20T08:00:00.000+08:00',
];
