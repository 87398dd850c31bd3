import { isCalendarDate } from '../../domain/calendar';

/**
 * Dates as people write them on the form, as the recogniser returns them: 2024年5月18日,
 * 2024.5.18, 2024-05-18, 2024/5/18, 二〇二四年五月十八日, 2008年5月 (出生年月), with the usual
 * confusions of handwriting OCR (O/o/〇 for 0, l/I/| for 1 …). What does not make a real calendar
 * date is no date: null, never a guess.
 */
export interface WrittenDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` where only the month is written. */
  value: string;
  /** Where in the text the date was found (the characters it rests on). */
  start: number;
  end: number;
}

/** Letters the recogniser gives for digits in handwriting, only ever read between digits and date marks. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  〇: '0',
  '○': '0',
  l: '1',
  I: '1',
  '|': '1',
  i: '1',
  丨: '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  g: '9',
};

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  '○': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const FULL_WIDTH = /[０-９]/g;
const ARABIC =
  /(\d{4})\s*(?:年|[-./·,，、])\s*(\d{1,2})\s*(?:月|[-./·,，、])\s*(?:(\d{1,2})\s*日?|(?=\D|$))|(\d{4})\s*年\s*(\d{1,2})\s*月?/;
const CHINESE =
  /([〇零一二三四五六七八九○Oo]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*(?:([一二三四五六七八九十]{1,4})\s*日)?/;

/** Lookalike letters become digits only where a digit or a date mark is beside them. */
function digitsOf(text: string): string {
  const t = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const near = (c: string | undefined) => c !== undefined && /[\d年月日.\-/]/.test(c);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    const d = DIGIT_LOOKALIKES[c];
    out += d && (near(t[i - 1]) || near(t[i + 1]) || /\d/.test(out.slice(-1))) ? d : c;
  }
  return out;
}

function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (!s.includes('十')) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const [tens, ones] = s.split('十');
  if (s.split('十').length > 2) return null;
  const t = tens ? CN_DIGITS[tens] : 1;
  const o = ones ? CN_DIGITS[ones] : 0;
  if (t === undefined || o === undefined || (tens && tens.length > 1) || (ones && ones.length > 1)) return null;
  return t * 10 + o;
}

function make(y: number, m: number, d: number | null): string | null {
  if (y < 1950 || y > 2100 || m < 1 || m > 12) return null;
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  if (d === null) return ym;
  const iso = `${ym}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** The first date written in `text`, or null. */
export function parseWrittenDate(text: string): WrittenDate | null {
  const t = digitsOf(text);
  const a = ARABIC.exec(t);
  if (a) {
    const value = a[1]
      ? make(Number(a[1]), Number(a[2]), a[3] ? Number(a[3]) : null)
      : make(Number(a[4]), Number(a[5]), null);
    if (value) return { value, start: a.index, end: a.index + a[0].length };
  }
  const c = CHINESE.exec(text);
  if (c) {
    const y = Number([...c[1]!].map((ch) => CN_DIGITS[ch]).join(''));
    const m = chineseNumber(c[2]!);
    const d = c[3] ? chineseNumber(c[3]) : null;
    if (m !== null && (d !== null || !c[3])) {
      const value = make(y, m, d);
      if (value) return { value, start: c.index, end: c.index + c[0].length };
    }
  }
  return null;
}

/**
 * Whole years of age on `on` for a birth written `YYYY-MM-DD` or `YYYY-MM`. A month alone leaves
 * the day open: `min` takes it at the month's end (the youngest reading), `max` at its start.
 */
export function ageOn(birth: string, on: string): { min: number; max: number } {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number?];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const years = (day: number) => y - by - (m < bm || (m === bm && d < day) ? 1 : 0);
  return bd === undefined ? { min: years(32), max: years(1) } : { min: years(bd), max: years(bd) };
}

/** The first day of the month in which someone born on `birth` turns `age`. */
export function monthTurning(birth: string, age: number): string {
  const [by, bm] = birth.split('-').map(Number) as [number, number];
  return `${by + age}-${String(bm).padStart(2, '0')}-01`;
}
