import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIssues, pageList, summaryLine } from './grouping';
import { judge } from './judge';
import { ISSUE_LABELS, MESSAGES } from './messages';
import { cleanFacts, cleanPixels, scannedPage } from '../../test/support/pdfFacts';
import { ISSUE_CODES, type Issue, type Severity } from './types';

const onPages = (pages: number[], make: (p: number) => Omit<Issue, 'page'>): Issue[] =>
  pages.map((page) => ({ ...make(page), page }));

describe('grouping a report', () => {
  it('names pages as runs', () => {
    expect(pageList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe('1–12');
    expect(pageList([3, 1, 2, 5, 7, 8, 9])).toBe('1–3、5、7–9');
    expect(pageList([4, 5])).toBe('4、5');
    expect(pageList([6])).toBe('6');
  });

  it('says a finding once for the twelve pages it is on (a phone-photo file)', () => {
    const issues = [
      ...onPages([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], () => ({
        code: 'low-resolution',
        severity: 'warn',
        message: MESSAGES.lowResolutionWarn(150),
      })),
      ...onPages([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], () => ({
        code: 'background-border',
        severity: 'warn',
        message: MESSAGES.backgroundBorder(),
      })),
      { code: 'no-seal', severity: 'fail', message: MESSAGES.noSeal() } satisfies Issue,
    ];
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.code, g.severity, g.pages.length])).toEqual([
      ['no-seal', 'fail', 0],
      ['background-border', 'warn', 12],
      ['low-resolution', 'warn', 12],
    ]);
    expect(groups[2]!.text).toMatch(/^第 1–12 页：分辨率约 150dpi/);
    expect(groups[0]!.text).toBe(MESSAGES.noSeal());
    expect(summaryLine(groups)).toBe('1 个问题会被退回：未找到公章；2 个提醒');
  });

  it('shows measurements that differ a little as a range, and keeps different findings apart', () => {
    const groups = groupIssues([
      { code: 'skew', severity: 'warn', page: 2, message: MESSAGES.skew(3.4) },
      { code: 'skew', severity: 'warn', page: 5, message: MESSAGES.skew(4.1) },
      { code: 'duplicate-page', severity: 'fail', page: 9, message: MESSAGES.duplicatePage(4) },
      { code: 'duplicate-page', severity: 'fail', page: 11, message: MESSAGES.duplicatePage(3) },
      { code: 'low-resolution', severity: 'fail', page: 12, message: MESSAGES.lowResolutionFail(72) },
      { code: 'low-resolution', severity: 'warn', page: 2, message: MESSAGES.lowResolutionWarn(150) },
    ]);
    expect(groups.map((g) => g.text.split(/[，。]/)[0])).toEqual([
      '第 9 页：与第 4 页是同一页纸',
      '第 11 页：与第 3 页是同一页纸',
      '第 12 页：分辨率只有约 72dpi',
      '第 2 页：分辨率约 150dpi',
      '第 2、5 页：歪斜约 3.4–4.1°',
    ]);
    expect(summaryLine(groups)).toBe('3 个问题会被退回：重复页、分辨率过低；2 个提醒');
  });

  it('reads well for every per-page message said of several pages', () => {
    const samples: Record<string, string> = {
      corruptPage: MESSAGES.corruptPage(),
      notScanned: MESSAGES.notScanned(),
      blankPage: MESSAGES.blankPage(),
      blurryWarn: MESSAGES.blurryWarn(),
      blurryFail: MESSAGES.blurryFail(),
      sideways: MESSAGES.sideways(),
      upsideDown: MESSAGES.upsideDown(),
      backgroundBorder: MESSAGES.backgroundBorder(),
      hugeImage: MESSAGES.hugeImage(40000, 20000),
    };
    for (const [name, message] of Object.entries(samples)) {
      const [g] = groupIssues(onPages([3, 4], () => ({ code: 'corrupt', severity: 'fail', message })));
      expect(g!.text, name).toMatch(/^第 3、4 页：/);
      expect(g!.text, name).not.toContain('本页');
    }
  });

  it('puts 不通过 before 提醒 before 说明, and names the findings that decide the verdict', () => {
    const r = judge(
      cleanFacts({
        structure: Array.from({ length: 12 }, (_, k) =>
          scannedPage(k + 1, {
            images: [{ kind: 'jpeg', width: 1240, height: 1754, components: 3, coverage: 1, dpi: 150 }],
          }),
        ),
        pixels: Array.from({ length: 12 }, (_, k) => cleanPixels(k + 1, k === 6 ? { edgeWidthMm: 2.2 } : {})),
      }),
    );
    const groups = groupIssues(r.issues);
    expect(groups.map((g) => `${g.code}:${g.severity}:${pageList(g.pages)}`)).toEqual([
      'blurry-page:fail:7',
      'low-resolution:warn:1–12',
    ]);
    expect(summaryLine(groups)).toBe('1 个问题会被退回：模糊；1 个提醒');
    expect(summaryLine(groupIssues([]))).toBe('未发现会被退回的问题');
    expect(summaryLine(groups.slice(1))).toBe('没有会被退回的问题；1 个提醒：分辨率过低');
  });

  it('has a short name for every code', () => {
    for (const c of ISSUE_CODES) expect(ISSUE_LABELS[c], c).toMatch(/[\u4e00-\u9fff]/);
  });

  it('places every finding in exactly one group, worst first', () => {
    const issue = fc.record({
      code: fc.constantFrom(...ISSUE_CODES),
      severity: fc.constantFrom<Severity>('fail', 'warn', 'info'),
      page: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
      message: fc.constantFrom('本页有些模糊。', '本页歪斜约 3.5°。', '本页歪斜约 4.2°。', '文件过大。'),
    });
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 40 }), (raw) => {
        const issues = raw.map(({ page, ...i }) => (page === undefined ? i : { ...i, page })) as Issue[];
        const groups = groupIssues(issues);
        const rank = { fail: 0, warn: 1, info: 2 };
        for (let k = 1; k < groups.length; k++)
          expect(rank[groups[k - 1]!.severity]).toBeLessThanOrEqual(rank[groups[k]!.severity]);
        for (const i of issues) {
          const holding = groups.filter(
            (g) =>
              g.code === i.code &&
              g.severity === i.severity &&
              (i.page === undefined ? g.pages.length === 0 : g.pages.includes(i.page)),
          );
          expect(holding.length).toBeGreaterThanOrEqual(1);
        }
        const distinctPageFindings = new Set(
          issues.filter((i) => i.page !== undefined).map((i) => `${i.code}|${i.severity}|${i.page}|${i.message}`),
        );
        const placed = groups.reduce((n, g) => n + g.pages.length, 0);
        expect(placed).toBeLessThanOrEqual(distinctPageFindings.size);
      }),
    );
  });
});
