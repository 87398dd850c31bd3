import { describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../shared/domain/types';
import { checklist, rejectionReason, type CheckResult } from './approval-checklist';

const basics = { name: '张三伟', devNumber: '202412345678', joinedOn: '2024-05-20' as ChinaDate };
const clean: CheckResult = { pages: 12, verdict: 'pass', codes: [], page1Number: '202412345678' };
const byId = (items: ReturnType<typeof checklist>) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('the §4.2 checklist', () => {
  it('leaves everything to the reviewer before the file is checked', () => {
    const items = checklist(basics, null);
    expect(items.map((i) => i.id)).toEqual([
      'name',
      'devNumber',
      'joinedOn',
      'seal',
      'pages',
      'clarity',
      'dates',
      'filled',
    ]);
    expect(items.every((i) => i.auto === 'unknown')).toBe(true);
    expect(byId(items).name!.detail).toBe('系统内：张三伟');
  });

  it('fills in what a clean check saw; without the content read, the name, 入团时间 and the dates stay for the reviewer', () => {
    const i = byId(checklist(basics, clean));
    expect([i.devNumber!.auto, i.seal!.auto, i.pages!.auto, i.clarity!.auto]).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect([i.name!.auto, i.joinedOn!.auto, i.dates!.auto]).toEqual(['unknown', 'unknown', 'unknown']);
    expect(rejectionReason(checklist(basics, clean), {})).toBe('');
  });

  it('names the pages where the seal was seen, and leaves the seal to the reviewer when no page could be looked at', () => {
    const seal = (c: CheckResult) => byId(checklist(basics, c)).seal!;
    expect(seal({ ...clean, sealPages: [12] })).toMatchObject({ auto: 'ok', detail: '第 12 页找到公章' });
    expect(seal({ ...clean, sealPages: [9, 12] }).detail).toBe('第 9、12 页找到公章');
    // Every page typed, say: nothing was found missing, but nothing was seen either.
    expect(seal({ ...clean, verdict: 'fail', codes: ['not-scanned'], sealPages: [] })).toMatchObject({
      auto: 'unknown',
      detail: '没有可检查的扫描页面，请人工核对',
    });
    expect(seal({ ...clean, verdict: 'fail', codes: ['no-seal'], sealPages: [] })).toMatchObject({
      auto: 'problem',
      detail: '未找到红色圆形公章',
    });
  });

  it('turns findings into problems with reasons in the guide’s words', () => {
    const items = checklist(basics, {
      pages: 11,
      verdict: 'fail',
      codes: ['page-count', 'no-seal', 'number-mismatch', 'blurry-page'],
      page1Number: '202412345679',
    });
    const i = byId(items);
    expect([i.devNumber!.auto, i.seal!.auto, i.pages!.auto, i.clarity!.auto]).toEqual([
      'problem',
      'problem',
      'problem',
      'problem',
    ]);
    expect(i.devNumber!.detail).toBe('系统内：202412345678；首页：202412345679');
    const reason = rejectionReason(items, {});
    expect(reason.split('\n')).toEqual([
      '1. 《入团志愿书》首页的发展团员编号（202412345679）与系统内编号（202412345678）不一致，请核对后修改系统内编号或上传本人的《入团志愿书》（§5.8）。',
      '2. 上级团委审批意见未盖章：《入团志愿书》未见上级团委审批公章，请盖章后彩色扫描、重新上传（§4.2）。',
      '3. 《入团志愿书》不完整（共 11 页，应为 12 页），请补齐并按顺序扫描后重新上传（§4.1）。',
      '4. 《入团志愿书》有页面模糊，请扫描纸质原件（300dpi）后重新上传（§4.1）。',
    ]);
  });

  it('names the pages of each finding as the report groups them', () => {
    const i = byId(
      checklist(basics, {
        ...clean,
        verdict: 'fail',
        codes: ['stained-page', 'low-resolution', 'duplicate-page'],
        findings: [
          { code: 'duplicate-page', severity: 'fail', pages: [9] },
          { code: 'stained-page', severity: 'fail', pages: [3, 5] },
          { code: 'low-resolution', severity: 'warn', pages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
          { code: 'no-seal', severity: 'info', pages: [] },
        ],
      }),
    );
    expect(i.clarity!.detail).toBe('第 3、5 页污损、第 1–12 页分辨率过低');
    expect(i.clarity!.reason).toContain('《入团志愿书》第 3、5 页污损、第 1–12 页分辨率过低，请扫描纸质原件');
    expect(i.pages!.detail).toBe('共 12 页，第 9 页重复页');
  });

  it('lets the reviewer overrule the check and add what only a person can see', () => {
    const items = checklist(basics, { ...clean, codes: ['no-seal'], verdict: 'fail' });
    expect(rejectionReason(items, { seal: 'ok', dates: 'problem' })).toBe(
      '时间顺序不一致：《入团志愿书》中各环节的日期顺序有误（应依次为团课学习、本人志愿、介绍人意见、支部大会、上级团委审批），请核实后重新上传。',
    );
    expect(rejectionReason(items, { name: 'problem', seal: 'ok' })).toBe(
      '《入团志愿书》上的姓名与系统内姓名（张三伟）不一致，请核对后重新上传。',
    );
  });

  it('flags a system 编号 that breaks the format rules, and a file that cannot be read', () => {
    const wrongYear = byId(checklist({ ...basics, devNumber: '202312345678' }, null));
    expect(wrongYear.devNumber!.auto).toBe('problem');
    expect(wrongYear.devNumber!.detail).toContain('前四位');
    const broken = byId(checklist(basics, { pages: null, verdict: 'fail', codes: ['corrupt'], page1Number: null }));
    expect([broken.pages!.auto, broken.seal!.auto, broken.clarity!.auto]).toEqual(['problem', 'problem', 'problem']);
    expect(broken.pages!.reason).toContain('无法打开');
  });

  it('fills the name, 入团时间, dates and entries from the form’s content, sure findings as problems', () => {
    const read: CheckResult = { ...clean, contentRead: true, findings: [] };
    const ok = byId(checklist(basics, read));
    expect([ok.name!.auto, ok.joinedOn!.auto, ok.dates!.auto, ok.filled!.auto]).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(ok.name!.detail).toBe('系统内：张三伟；与表上所写一致');
    const bad = checklist(basics, {
      ...read,
      verdict: 'fail',
      codes: ['joined-mismatch', 'date-order', 'course-hours', 'blank-field', 'unsigned'],
      findings: [
        { code: 'joined-mismatch', severity: 'fail', pages: [10], phrase: '入团时间与支部大会通过时间不一致' },
        { code: 'date-order', severity: 'fail', pages: [9], phrase: '时间顺序不一致' },
        { code: 'course-hours', severity: 'fail', pages: [6], phrase: '团课学习记录不足8学时' },
        { code: 'blank-field', severity: 'fail', pages: [4], phrase: '本人经历填写不完整' },
        { code: 'unsigned', severity: 'warn', pages: [9] },
      ],
    });
    const i = byId(bad);
    expect([i.name!.auto, i.joinedOn!.auto, i.dates!.auto, i.filled!.auto]).toEqual([
      'ok',
      'problem',
      'problem',
      'problem',
    ]);
    expect(i.joinedOn!.detail).toBe('系统内：2024-05-20；第 10 页入团时间不一致');
    expect(rejectionReason(bad, {}).split('\n')).toEqual([
      '1. 入团时间与支部大会通过时间不一致：《入团志愿书》中支部大会通过的日期与系统内入团时间（2024-05-20）不一致，请核对。',
      '2. 时间顺序不一致：《入团志愿书》中各环节的日期顺序有误（应依次为团课学习、本人志愿、介绍人意见、支部大会、上级团委审批），请核实后重新上传。',
      '3. 团课学习记录不足8学时；本人经历填写不完整；第 9 页签名不全：请补填、补签后重新扫描上传。',
    ]);
  });

  it('leaves to the reviewer what the reading was unsure of or could not read', () => {
    const unsure = byId(
      checklist(basics, {
        ...clean,
        verdict: 'warn',
        contentRead: true,
        codes: ['name-mismatch'],
        findings: [{ code: 'name-mismatch', severity: 'warn', pages: [3] }],
      }),
    );
    expect(unsure.name!.auto).toBe('unknown');
    expect(unsure.name!.detail).toContain('未能确定，请人工核对');
    const unread = byId(
      checklist(basics, { ...clean, contentRead: true, codes: ['content-unreadable'], findings: [] }),
    );
    expect([unread.name!.auto, unread.dates!.auto]).toEqual(['unknown', 'unknown']);
  });
});
