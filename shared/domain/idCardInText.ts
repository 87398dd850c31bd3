/**
 * Whether a text carries a 身份证号 in clear: what the worker refuses in every field, header and
 * path, and what the extension can check before anything leaves the browser. A mistyped number is
 * still one, so the check character is not required to be right; a false alarm costs more than a
 * miss, so the number must stand alone, start with a province's code and carry a real birth date.
 */

/** Spaces of every kind, invisible format characters (zero-width space …), dashes, underscores, middle dots. */
const SEPARATORS = /[\s\p{Z}\p{Cf}\p{Pd}_·・]/gu;
/** 18 characters (17 digits and a digit or X) or the older 15 digits, not inside a longer run of digits. */
const CANDIDATE = /(?<!\d)(?:\d{17}[\dX]|\d{15})(?!\d)/g;
const HEX = /[0-9A-Fa-f]/;
/**
 * The province a number starts with (GB/T 2260, and 71/81/82/83 for Taiwan, Hong Kong, Macao; 91 on
 * foreigners' permanent residence cards): a millisecond timestamp glued to a counter, say, does not.
 */
export const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
]);
/** A run of hex this long is a digest (MD5 and longer): digits inside it are not a number. */
const DIGEST_RUN = 32;

/**
 * The characters outside ASCII that NFKC turns into digits (full-width, super- and subscript,
 * circled, squared, mathematical …), listed from the Unicode data: a cheap count before normalising.
 */
const DIGIT_LIKE =
  /[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u215f\u2189\u2460-\u249b\u24ea\u3251-\u325f\u32b1-\u32cb\u3358-\u3370\u3378\u3379\u339f-\u33a6\u33a8\u33af\u33e0-\u33fe\uff10-\uff19\u{1ccf0}-\u{1ccf9}\u{1d7ce}-\u{1d7ff}\u{1f100}-\u{1f10a}\u{1fbf0}-\u{1fbf9}]/gu;

/** Fewer than 15 characters that could become digits: no number can hide here (most strings stop at this). */
function tooFewDigits(text: string): boolean {
  let digits = 0;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 128) other = true;
  }
  if (other && digits < 15) digits += text.match(DIGIT_LIKE)?.length ?? 0;
  return digits < 15;
}

export function containsClearIdCard(text: string, now = new Date()): boolean {
  if (tooFewDigits(text)) return false;
  const s = text.normalize('NFKC').replace(SEPARATORS, '').replace(/x/g, 'X');
  for (const m of s.matchAll(CANDIDATE)) {
    const digitsEnd = m.index + m[0].replace(/X$/, '').length;
    if (insideDigest(s, m.index, digitsEnd) || !PROVINCE_CODES.has(Number(m[0].slice(0, 2)))) continue;
    if (hasBirthDate(m[0], now.getUTCFullYear())) return true;
  }
  return false;
}

/** Whether [from, to) lies in a run of hex digits long enough to be a digest. */
function insideDigest(s: string, from: number, to: number): boolean {
  let lo = from;
  let hi = to;
  while (lo > 0 && HEX.test(s[lo - 1]!)) lo--;
  while (hi < s.length && HEX.test(s[hi]!)) hi++;
  return hi - lo >= DIGEST_RUN;
}

/** The birth date a number carries (7th–14th of 18, or 7th–12th of 15 in the 1900s) is a real day, not in the future. */
function hasBirthDate(n: string, thisYear: number): boolean {
  const [y, m, d] =
    n.length === 18
      ? [Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14))]
      : [1900 + Number(n.slice(6, 8)), Number(n.slice(8, 10)), Number(n.slice(10, 12))];
  if (y < 1900 || y > thisYear || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
