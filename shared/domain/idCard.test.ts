import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashIdCard, hashName, idCardCheckDigit, isValidIdCard, maskIdCard, maskName, normaliseIdCard } from './idCard';

// The GB 11643-1999 worked example: 11010519491231002X.
const SAMPLE = '11010519491231002X';
const key = new Uint8Array(32).fill(7);

describe('身份证号', () => {
  it('computes the GB 11643 check character', () => {
    expect(idCardCheckDigit('11010519491231002')).toBe('X');
    expect(idCardCheckDigit('44052418800101001')).toBe('4');
  });

  it('accepts valid numbers, lower-case x and stray spaces', () => {
    expect(isValidIdCard(SAMPLE)).toBe(true);
    expect(isValidIdCard(' 110105 19491231 002x ')).toBe(true);
    expect(normaliseIdCard(' 110105 19491231 002x ')).toBe(SAMPLE);
  });

  it('refuses a wrong check character, a bad birth date, a wrong length', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('110105194902300024')).toBe(false); // 30 February
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(isValidIdCard('011010519491231002')).toBe(false);
  });

  it('detects every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = SAMPLE.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(isValidIdCard(digits.join(''))).toBe(false);
      }),
    );
  });

  it('masks for display without the birth date', () => {
    expect(maskIdCard(SAMPLE)).toBe('110105********002X');
    expect(maskIdCard('110105199001011234')).toBe('110105********1234');
    expect(maskIdCard('12')).toBe('**');
  });

  it('masks names keeping the first and last character', () => {
    expect(maskName('张三伟')).toBe('张*伟');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
  });

  it('hashes with the key, so the same number under another key gives another hash', async () => {
    const a = await hashIdCard(SAMPLE, key);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashIdCard(' 11010519491231002x', key)).toBe(a);
    expect(await hashIdCard(SAMPLE, new Uint8Array(32).fill(8))).not.toBe(a);
    const plain = Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(SAMPLE))),
      (b) => b.toString(16).padStart(2, '0'),
    ).join('');
    expect(a).not.toBe(plain);
  });

  it('keeps name hashes and number hashes apart', async () => {
    expect(await hashName(SAMPLE, key)).not.toBe(await hashIdCard(SAMPLE, key));
    await expect(hashIdCard(SAMPLE, new Uint8Array(4))).rejects.toThrow('密钥');
  });
});
