import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { around, disguise, idCard } from '../../test/support/idCards';
import { containsClearIdCard } from './idCardInText';

const SAMPLE = '11010519491231002X';
const FIFTEEN = '110105491231002';

describe('a 身份证号 in clear, in any text', () => {
  it('is found whatever its check character, and however it is written', () => {
    fc.assert(
      fc.property(idCard, fc.nat(), around, (n, how, [before, after]) => {
        expect(containsClearIdCard(before + disguise(n, how) + after)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(containsClearIdCard(SAMPLE)).toBe(true);
    expect(containsClearIdCard('110105194912310021')).toBe(true); // wrong check digit: a mistyped one is still one
    expect(containsClearIdCard(`第一代身份证 ${FIFTEEN}`)).toBe(true);
    expect(containsClearIdCard('１１０１０５ １９４９１２３１ ００２ｘ')).toBe(true);
  });

  it('hashes, 16-digit legacy 编号, 12-digit 编号 and longer digit runs pass', () => {
    expect(containsClearIdCard('201516123456789012')).toBe(false); // 18 digits but no birth date at 7–14
    expect(containsClearIdCard('2015161234567890')).toBe(false);
    expect(containsClearIdCard('2015161234567890 2015161234567891')).toBe(false);
    expect(containsClearIdCard('202401000123')).toBe(false);
    expect(containsClearIdCard(`${SAMPLE.slice(0, 17)}12`)).toBe(false); // 19 digits
    expect(containsClearIdCard(`9${FIFTEEN}`)).toBe(false); // 16 digits
    expect(containsClearIdCard(`ab${SAMPLE.slice(0, 17)}1cd`.padEnd(64, 'e'))).toBe(false);
    expect(containsClearIdCard('2024-05-20T08:00:00.000+08:00')).toBe(false);
    expect(containsClearIdCard('13812345678，010-12345678')).toBe(false);
    expect(containsClearIdCard('550e8400-e29b-41d4-a716-446655440000')).toBe(false);
    // 18 digits whose 7th–14th are no date: 2099, month 13, 31 February.
    expect(containsClearIdCard('110105209912310021')).toBe(false);
    expect(containsClearIdCard('110105194913310021')).toBe(false);
    expect(containsClearIdCard('110105194902310021')).toBe(false);
    // No province starts with 17 or 00: a millisecond timestamp glued to a counter is no number.
    expect(containsClearIdCard('test-key-1796553456789-12')).toBe(false);
    expect(containsClearIdCard('170105194912310021')).toBe(false);
  });

  it('never fires on a hex digest, however many digits it holds', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 128 });
    fc.assert(
      fc.property(hex, idCard, fc.nat({ max: 20 }), (h, n, at) => {
        expect(containsClearIdCard(h)).toBe(false);
        // Even a number embedded in it, as random bytes could spell one.
        expect(containsClearIdCard(h.slice(0, at) + n.replace('X', '0') + h.slice(at))).toBe(false);
      }),
    );
  });

  it('ordinary text never fires', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        fc.pre(!/\d{15}/.test(s.normalize('NFKC').replace(/\D/g, '')));
        expect(containsClearIdCard(s)).toBe(false);
      }),
    );
  });
});
