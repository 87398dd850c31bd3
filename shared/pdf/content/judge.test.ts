import { describe, expect, it } from 'vitest';
import { CLEAN_MEMBER, cleanFacts, field, spoiled } from '../../../test/support/contentFacts';
import type { Issue } from '../types';
import { FIELD_KINDS, type ContentFacts } from './facts';
import { judgeContent } from './judge';

const codes = (issues: Issue[]) => issues.map((i) => `${i.code}:${i.severity}`);
const judge = (f: ContentFacts, member = CLEAN_MEMBER) => judgeContent(f, member);

describe('a clean form', () => {
  it('has no content finding at all', () => {
    expect(judge(cleanFacts())).toEqual([]);
  });

  it('has none either when the system knows nothing about the member', () => {
    expect(judgeContent(cleanFacts(), {})).toEqual([]);
  });

  // Generated from the facts' own table: any one reading made unsure never fails a clean form,
  // nor adds anything but `content-unreadable`.
  it.each(FIELD_KINDS.filter((k) => cleanFacts().fields.some((f) => f.kind === k)))(
    'stays clean when its %s readings are unsure or unparsed',
    (kind) => {
      for (const change of [{ confidence: 0.4 }, { value: null }])
        for (const issue of judge(spoiled((f) => f.kind === kind, change)))
          expect(issue.code).toBe('content-unreadable');
    },
  );
});

describe('name-mismatch', () => {
  it('fails when two sure readings agree with each other and not with the system', () => {
    const f = spoiled((x) => x.kind === 'name', { value: '李小明', text: '李小明' });
    const [i] = judge(f);
    expect(codes(judge(f))).toEqual(['name-mismatch:fail']);
    expect(i!.message).toContain('李小明');
    expect(i!.evidence!.map((e) => e.read)).toEqual(['李小明', '李小明', '李小明']);
  });

  it('does not fail on one misread character in one place', () => {
    const f = spoiled((x) => x.kind === 'name' && x.page === 3, { value: '李晓朋' });
    expect(judge(f)).toEqual([]);
  });

  it('only warns when the one differing reading is the only one', () => {
    const f = cleanFacts();
    f.fields = f.fields.filter((x) => x.kind !== 'name');
    f.fields.push(field('name', '王刚', 3, { role: 'basicInfo' }));
    expect(codes(judge(f))).toEqual(['name-mismatch:warn']);
  });

  it('only warns when the agreeing readings are unsure', () => {
    const f = spoiled((x) => x.kind === 'name', { value: '王刚', confidence: 0.6 });
    expect(codes(judge(f))).toEqual(['name-mismatch:warn']);
  });

  it('says it could not read the name when none was read', () => {
    const f = cleanFacts();
    f.fields = f.fields.filter((x) => x.kind !== 'name');
    expect(codes(judge(f))).toEqual(['content-unreadable:info']);
  });
});

describe('joined-mismatch', () => {
  it('fails on a sure 支部大会 date that fits its neighbours but not the system', () => {
    const i = judge(cleanFacts(), { ...CLEAN_MEMBER, joinedOn: '2024-05-28' });
    expect(codes(i)).toEqual(['joined-mismatch:fail']);
    expect(i[0]!.message).toContain('入团时间与支部大会通过时间不一致');
    expect(i[0]!.page).toBe(10);
  });

  it('warns when the date read does not fit its neighbours (a misread is likelier)', () => {
    const f = spoiled((x) => x.kind === 'meetingDate', { value: '2024-03-20' });
    expect(codes(judge(f)).filter((c) => c.startsWith('joined'))).toEqual(['joined-mismatch:warn']);
  });

  it('warns on an unsure reading', () => {
    const f = spoiled((x) => x.kind === 'meetingDate', { value: '2024-05-26', confidence: 0.7 });
    expect(codes(judge(f))).toEqual(['joined-mismatch:warn']);
  });
});

describe('age', () => {
  const born = (birth: string, idBirth: string) =>
    spoiled((x) => x.kind === 'birth' || x.kind === 'idBirth', {}).fields.map((x) =>
      x.kind === 'birth' ? { ...x, value: birth } : x.kind === 'idBirth' ? { ...x, value: idBirth } : x,
    );

  it('fails a member under 14 on the 支部大会 day, by 出生年月 and 身份证号 alike', () => {
    const f = cleanFacts();
    f.fields = born('2010-06', '2010-06-02');
    const c = codes(judgeContent(f, {}));
    expect(c).toContain('underage:fail');
  });

  it('takes the birthday itself as turning 14', () => {
    const f = cleanFacts();
    f.fields = born('2010-05', '2010-05-20');
    const i = judgeContent(f, {});
    // 14 on the day: no underage by the 支部大会; only the 团课 of 2023 came before the birthday month.
    expect(codes(i)).toEqual(['underage:warn']);
    expect(i[0]!.message).toContain('第一次团课');
  });

  it('only warns when 出生年月 and the 身份证号 disagree', () => {
    const f = cleanFacts();
    f.fields = born('2010-06', '2008-03-12');
    expect(codes(judgeContent(f, {}))).toEqual(['underage:warn']);
  });

  it('warns when the first 团课 came before the month of the 14th birthday', () => {
    const f = cleanFacts();
    f.fields = born('2009-12', '2009-12-05');
    expect(codes(judgeContent(f, {}))).toEqual(['underage:warn']);
  });

  it('warns (never fails) past 28', () => {
    const f = cleanFacts();
    f.fields = born('1994-01', '1994-01-02');
    expect(codes(judgeContent(f, {}))).toEqual(['overage:warn']);
  });

  it('compares the birth date the caller knows', () => {
    expect(codes(judge(cleanFacts(), { ...CLEAN_MEMBER, birthDate: '2007-03-12' }))).toEqual(['birth-mismatch:warn']);
  });
});

describe('course-hours', () => {
  it('fails when rows and 合计 agree on less than 8', () => {
    const f = spoiled((x) => x.kind === 'courseTotal', { value: 6 });
    f.fields = f.fields.filter((x) => !(x.kind === 'courseHours' && x.role === '4'));
    expect(codes(judge(f))).toEqual(['course-hours:fail']);
    expect(judge(f)[0]!.message).toContain('团课学习记录不足8学时');
  });

  it('names both figures when rows and 合计 disagree', () => {
    const f = spoiled((x) => x.kind === 'courseTotal', { value: 6 });
    const [i] = judge(f);
    expect(codes(judge(f))).toEqual(['course-hours:warn']);
    expect(i!.message).toContain('8');
    expect(i!.message).toContain('6');
  });

  it('says nothing from rows alone when a dated row’s hours were not read', () => {
    const f = spoiled((x) => x.kind === 'courseTotal', { value: null });
    f.fields = f.fields.filter((x) => !(x.kind === 'courseHours' && x.role === '4'));
    expect(judge(f)).toEqual([]);
    f.fields = f.fields.filter((x) => !(x.kind === 'courseDate' && x.role === '4'));
    expect(codes(judge(f))).toEqual(['course-hours:fail']);
  });

  it('stays quiet when a 合计 of 8, sure or not, stands over rows that add up to less (a row not read)', () => {
    // The unread row's hours are writing left in the 学时 column: the column is not complete.
    const f = spoiled((x) => x.kind === 'courseTotal', { confidence: 0.7 });
    f.fields = f.fields.map((x) => (x.kind === 'courseColumn' ? { ...x, value: null } : x));
    f.fields = f.fields.filter((x) => !(x.kind === 'courseHours' || x.kind === 'courseDate') || x.role !== '4');
    expect(judge(f)).toEqual([]);
    f.fields = f.fields.map((x) => (x.kind === 'courseTotal' ? { ...x, confidence: 0.97 } : x));
    expect(judge(f)).toEqual([]);
    // Every cell written in the column read: the rows' sum stands against the sure 合计.
    f.fields = f.fields.map((x) => (x.kind === 'courseColumn' ? { ...x, value: 'complete' } : x));
    expect(codes(judge(f))).toEqual(['course-hours:warn']);
  });

  it('warns on an unsure 合计 of 8 copied over sure rows that add up to less, none left unread', () => {
    const f = spoiled((x) => x.kind === 'courseTotal', { confidence: 0.68 });
    f.fields = f.fields.filter((x) => !(x.kind === 'courseHours' || x.kind === 'courseDate') || x.role !== '4');
    const [i] = judge(f);
    expect(codes(judge(f))).toEqual(['course-hours:warn']);
    expect(i!.message).toContain('相加为 6');
    expect(i!.evidence).toHaveLength(4);
    // An unsure row as well: still a warning (every cell written was read; both figures are shown).
    f.fields = f.fields.map((x) => (x.kind === 'courseHours' && x.role === '2' ? { ...x, confidence: 0.6 } : x));
    expect(codes(judge(f))).toEqual(['course-hours:warn']);
    // Writing left unread in the column: the rows' sum may be the reader's miss.
    f.fields = f.fields.map((x) => (x.kind === 'courseColumn' ? { ...x, value: null } : x));
    expect(judge(f)).toEqual([]);
  });

  it('stays quiet when both figures reach 8', () => {
    expect(judge(spoiled((x) => x.kind === 'courseTotal', { value: 10 }))).toEqual([]);
  });

  it('warns when a row it rests on is unsure', () => {
    const f = spoiled((x) => x.kind === 'courseTotal', { value: 6 });
    f.fields = f.fields.filter((x) => !(x.kind === 'courseHours' && x.role === '4'));
    f.fields = f.fields.map((x) => (x.kind === 'courseHours' && x.role === '1' ? { ...x, confidence: 0.5 } : x));
    expect(codes(judge(f))).toEqual(['course-hours:warn']);
  });
});

describe('date-order', () => {
  it('fails when a sure date comes before the step it follows', () => {
    const f = spoiled((x) => x.kind === 'approvalDate', { value: '2024-05-10' });
    const i = judge(f);
    expect(codes(i)).toEqual(['date-order:fail']);
    expect(i[0]!.message).toContain('时间顺序不一致');
    expect(i[0]!.evidence).toHaveLength(2);
  });

  it('warns when one of the two is unsure', () => {
    const f = spoiled((x) => x.kind === 'applicationDate', { value: '2024-06-01', confidence: 0.5 });
    expect(codes(judge(f))).toEqual(['date-order:warn']);
  });
});

describe('blank-field and unsigned', () => {
  it.each([
    ['entry', '本人经历', 'blank-field', '本人经历填写不完整'],
    ['entry', '入团志愿', 'blank-field', '基本信息未填写完整'],
    ['signature', '介绍人2', 'unsigned', '介绍人2签名处为空'],
    ['signature', '团支部书记', 'unsigned', '团支部书记签名处为空'],
  ] as const)('%s %s empty → %s', (kind, role, code, words) => {
    const f = spoiled((x) => x.kind === kind && x.role === role, { value: 'empty' });
    const i = judge(f);
    expect(codes(i)).toEqual([`${code}:fail`]);
    expect(i[0]!.message).toContain(words);
  });

  it('warns when the reader was unsure the line is empty', () => {
    const f = spoiled((x) => x.kind === 'signature' && x.role === '申请人', { value: 'empty', confidence: 0.5 });
    expect(codes(judge(f))).toEqual(['unsigned:warn']);
  });
});

describe('page-order and page-missing', () => {
  it('accepts every known printing', async () => {
    const { PRINTINGS } = await import('./sections');
    for (const p of PRINTINGS) {
      const f = cleanFacts();
      f.pages = p.order.map((section, i) => ({ page: i + 1, section, confidence: 0.9, rotation: 0, marks: [] }));
      expect(judge(f).filter((i) => i.code.startsWith('page-'))).toEqual([]);
    }
  });

  it('names the page out of place and where it belongs', () => {
    const f = cleanFacts();
    const [a, b] = [f.pages[9]!, f.pages[10]!];
    [a.section, b.section] = [b.section, a.section];
    const i = judge(f).filter((x) => x.code === 'page-order');
    expect(i).toHaveLength(1);
    expect(i[0]!.severity).toBe('fail');
    expect(i[0]!.message).toMatch(/第 1[01] 页是/);
  });

  it('reports a section found on no page when a page was scanned twice in its place', () => {
    const f = cleanFacts();
    f.pages[4]!.section = 'resume';
    expect(codes(judge(f).filter((x) => x.code.startsWith('page-')))).toEqual(['page-missing:fail']);
    expect(judge(f).find((x) => x.code === 'page-missing')!.message).toContain('家庭主要成员');
  });

  it('does not report a missing section that may sit on an unread page', () => {
    const f = cleanFacts();
    f.pages[4]!.section = null;
    expect(codes(judge(f))).toEqual(['content-unreadable:info']);
  });
});
