import { describe, expect, it } from 'vitest';
import { courseCells, mayContinue, rowStarts, valueCells } from './cells';
import type { Line } from './lines';
import type { Rect } from './ocr/grey';

const box = (x: number, y: number, w: number, h = 40): Rect => ({ x, y, w, h });
const line = (text: string, r: Rect): Line => ({ text, probs: [...text].map(() => 1), at: [], box: r });

/** The 团课 table as printed: 时间 | 学习内容 | 学时 | 证明人, ruled at x = 320, 820, 940. */
const HEADER = [
  line('时间', box(200, 280, 60)),
  line('学习内容', box(530, 280, 100)),
  line('学时', box(860, 280, 60)),
  line('证明人', box(990, 280, 80)),
];
const RULES = [320, 820, 940];

describe('the 团课 cells worth reading', () => {
  const date = box(140, 370, 180);
  const topic = box(340, 370, 300);
  const hours = box(845, 372, 25);
  const witness = box(955, 370, 110);
  const topicAlone = box(340, 450, 200);
  const total = box(350, 1370, 80);
  const totalHours = box(850, 1380, 30);
  const yearHalf = box(140, 530, 70);
  const dayHalf = box(215, 530, 80);
  const all = [date, topic, hours, witness, topicAlone, total, totalHours, yearHalf, dayHalf];

  it('leaves a lesson row’s topic and witness unread, and reads everything else', () => {
    expect(courseCells(HEADER, RULES, all)).toEqual([date, hours, topicAlone, total, totalHours, yearHalf, dayHalf]);
  });

  it('takes a topic written close to the 时间 rule as a topic (by its centre, not the nearest header)', () => {
    const shortTopic = box(335, 372, 100);
    expect(courseCells(HEADER, RULES, [date, shortTopic])).toEqual([date]);
  });

  it('reads every box when a rule between two header cells was not found', () => {
    expect(courseCells(HEADER, [320, undefined, 940], all)).toEqual(all);
  });

  it('reads every box when a rule was found past the next header cell (the one between them missed)', () => {
    expect(courseCells(HEADER, [320, 940, 940], all)).toEqual(all);
  });

  it('reads every box when the header row names no date column or no unread column', () => {
    const noDate = [line('序号', box(200, 280, 60)), ...HEADER.slice(1)];
    expect(courseCells(noDate, RULES, all)).toEqual(all);
    const noTopic = [HEADER[0]!, line('课程', box(530, 280, 100)), HEADER[2]!, line('签名', box(990, 280, 80))];
    expect(courseCells(noTopic, RULES, all)).toEqual(all);
  });

  it('reads the header row’s own boxes and anything above it', () => {
    const above = box(600, 100, 300);
    expect(courseCells(HEADER, RULES, [above, date, topic])).toEqual([above, date]);
  });
});

describe('基本情况 labels and values', () => {
  const xing = box(136, 278, 36);
  const ming = box(202, 278, 37);
  const name = box(347, 279, 109);
  const birthLabel = box(135, 510, 102, 43);
  const birth = box(344, 513, 150, 45);
  const photo = box(976, 393, 58, 42);

  it('takes the first box of each row as its label', () => {
    expect(rowStarts([xing, ming, name, birthLabel, birth, photo], [])).toEqual([xing, birthLabel, photo]);
  });

  it('counts a box already read as the row’s start', () => {
    expect(rowStarts([ming, name], [xing])).toEqual([]);
  });

  it('knows which readings may go on into the next box', () => {
    const labels = ['姓名', '出生年月', '居民身份证号码'];
    expect(mayContinue('姓', labels)).toBe(true);
    expect(mayContinue('居民', labels)).toBe(true);
    expect(mayContinue('：', labels)).toBe(true);
    expect(mayContinue('性', labels)).toBe(false);
    expect(mayContinue('出生年月', labels)).toBe(false);
    expect(mayContinue('民', labels)).toBe(false);
  });

  it('reads a value on its label’s row, within reach', () => {
    const farAway = box(239 + 40 * 12 + 10, 278, 50);
    expect(valueCells(box(136, 278, 103), [name, birth, photo, farAway], 12)).toEqual([name]);
  });
});
