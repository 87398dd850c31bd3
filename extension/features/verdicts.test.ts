import { describe, expect, it } from 'vitest';
import type { MemberFacts } from '../messaging/members';
import type { MemberRow, RowMember } from '../core/rows';
import type { ChinaDate } from '../../shared/domain/types';
import {
  deadlineBadge,
  devNumberFindings,
  exportRecord,
  findingsMark,
  graduationMark,
  MUST_CERTIFY,
  NumbersSeen,
  statusChip,
} from './verdicts';
import { toCsv } from './list-export';
import { parseNotice } from './rejection-reasons';

const d = (s: string) => s as ChinaDate;
const TODAY = d('2024-06-10');

function row(
  member: Partial<RowMember>,
  facts: Partial<MemberFacts> | null = null,
  cells: MemberRow['cells'] = {},
): MemberRow {
  return {
    tr: null as unknown as HTMLTableRowElement,
    index: 0,
    cells,
    member: { name: '张伟', org: { name: '高二（3）班团支部' }, ...member },
    signature: JSON.stringify(member),
    facts: facts && {
      key: 'k',
      approvedOn: null,
      page1Number: null,
      rejectionReason: null,
      graduating: false,
      ...facts,
    },
  };
}

describe('the status chip', () => {
  it('says the host’s words made precise, and 无需上传 for members who joined before 2020 whatever the cell says', () => {
    expect(statusChip(row({ status: 'notUploaded', joinedOn: d('2024-05-20') }))?.text).toBe('尚未认证·未上传');
    expect(statusChip(row({ status: 'pending', joinedOn: d('2024-05-20') }))?.text).toBe('尚未认证·待审批');
    expect(statusChip(row({ status: 'certified', joinedOn: d('2024-05-20') }))?.text).toBe('团员身份已认证');
    expect(statusChip(row({ status: 'unknown', joinedOn: d('2019-12-31') }))?.text).toBe('无需上传（2020年前入团）');
    expect(statusChip(row({ status: 'unknown', joinedOn: d('2024-05-20') }))).toBeNull();
  });

  it('adds the reviewer’s reason to 认证不通过 when it is known', () => {
    const chip = statusChip(row({ status: 'rejected', joinedOn: d('2024-05-20') }, { rejectionReason: '缺少第11页' }));
    expect(chip).toMatchObject({ text: '认证不通过', note: '理由：缺少第11页', tone: 'danger' });
    expect(statusChip(row({ status: 'rejected', joinedOn: d('2024-05-20') }))?.note).toBeUndefined();
  });
});

describe('the deadline badge', () => {
  it('estimates from 入团时间 until an approval date is recorded, then counts from it', () => {
    expect(deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2024-05-20') }), TODAY)?.text).toBe(
      '剩余 9 天（估算）',
    );
    expect(
      deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2024-05-20') }, { approvedOn: d('2024-05-25') }), TODAY)
        ?.text,
    ).toBe('剩余 14 天（按批准日期）');
    expect(deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2024-05-11') }), TODAY)?.text).toBe(
      '今日截止（估算）',
    );
    expect(deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2024-04-01') }), TODAY)).toMatchObject({
      text: '可能逾期（估算）',
      tone: 'warning',
    });
    expect(
      deadlineBadge(row({ status: 'rejected', joinedOn: d('2024-04-01') }, { approvedOn: d('2024-04-02') }), TODAY),
    ).toMatchObject({ text: '已逾期 39 天（按批准日期）', tone: 'danger' });
  });

  it('shows nothing when nothing is owed or a column is missing', () => {
    for (const status of ['pending', 'certified', 'unknown'] as const)
      expect(deadlineBadge(row({ status, joinedOn: d('2024-05-20') }), TODAY)).toBeNull();
    expect(deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2019-05-20') }), TODAY)).toBeNull();
    expect(deadlineBadge(row({ joinedOn: d('2024-05-20') }), TODAY)).toBeNull();
    expect(deadlineBadge(row({ status: 'notUploaded', joinedOn: null }), TODAY)).toBeNull();
  });

  it('gives the same badge object for the same case (marks compare by identity first)', () => {
    const a = deadlineBadge(row({ status: 'notUploaded', joinedOn: d('2024-05-20') }), TODAY);
    expect(deadlineBadge(row({ name: '李娜', status: 'notUploaded', joinedOn: d('2024-05-20') }), TODAY)).toBe(a);
  });
});

describe('编号 findings', () => {
  it('flags a wrong year, a duplicate among the members seen, and a mismatch with the form’s first page', () => {
    const seen = new NumbersSeen();
    const a = row({ name: '甲', devNumber: '202300000001', joinedOn: d('2024-05-20') });
    const b = row(
      { name: '乙', devNumber: '202400000002', joinedOn: d('2024-05-20') },
      { page1Number: '202400000009' },
    );
    const c = row({ name: '丙', devNumber: '２０２４00000002 ', joinedOn: d('2024-05-21') });
    seen.add([a, b, c]);
    expect(findingsMark(devNumberFindings(a, seen))?.text).toBe('编号年份不符');
    expect(findingsMark(devNumberFindings(b, seen))?.text).toBe('编号重复·与志愿书首页不一致');
    expect(findingsMark(devNumberFindings(c, seen))?.title).toContain(
      '团员本人、团员所在团组织及其直属上级团组织管理员均可修改',
    );
    expect(devNumberFindings(row({ devNumber: '202400000003', joinedOn: d('2024-05-20') }), seen)).toEqual([]);
    expect(devNumberFindings(row({ joinedOn: d('2024-05-20') }), seen)).toEqual([]);
  });
});

describe('graduating members', () => {
  it('must be certified before a transfer; a 毕业班 organisation or the admin’s mark makes a member graduating', () => {
    expect(
      graduationMark(
        row({ status: 'notUploaded', joinedOn: d('2024-05-20'), org: { name: '高三（1）班', type: '06BYBTZB' } }),
      ),
    ).toBe(MUST_CERTIFY);
    expect(graduationMark(row({ status: 'pending', joinedOn: d('2024-05-20') }, { graduating: true }))).toBe(
      MUST_CERTIFY,
    );
    expect(graduationMark(row({ status: 'certified', joinedOn: d('2024-05-20') }, { graduating: true }))?.text).toBe(
      '毕业年级',
    );
    expect(graduationMark(row({ status: 'notUploaded', joinedOn: d('2024-05-20') }))).toBeNull();
  });
});

describe('the export', () => {
  it('writes CSV with a BOM, Chinese headers, CRLF, quoted commas and defused formulas', () => {
    const r = exportRecord(
      row(
        {
          name: '=HYPERLINK("x")',
          devNumber: '202400000001',
          joinedOn: d('2024-05-20'),
          status: 'notUploaded',
          org: { name: '一班,二班' },
        },
        null,
        { certStatus: '尚未认证', upload: '否 上传档案' },
      ),
      TODAY,
      new NumbersSeen(),
    );
    const csv = toCsv([r]);
    expect(csv.startsWith('\ufeff姓名,发展团员编号,入团时间,')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      `"'=HYPERLINK(""x"")",202400000001,2024-05-20,"一班,二班",尚未认证,否 上传档案,尚未认证·未上传,剩余 9 天,2024-06-19,按入团时间估算,,`,
    );
  });
});

describe('操作中心 feedback', () => {
  it('reads the member and the reviewer’s reason from the host’s rejection message', () => {
    const content =
      "您提交的团员电子档案未通过上级团组织审核，理由为：'第5页介绍人意见缺少介绍人签名'。请根据上级审核意见重新修改并上传新的文件。";
    expect(parseNotice('团员电子档案审批结果：王小明', content, '2024-05-20 10:11:12')).toEqual({
      name: '王小明',
      reason: '第5页介绍人意见缺少介绍人签名',
      at: Date.UTC(2024, 4, 20, 2, 11, 12),
    });
    expect(parseNotice('团员电子档案审批结果：王小明', '您提交的团员电子档案已通过上级团组织审核。', '')).toBeNull();
  });
});
