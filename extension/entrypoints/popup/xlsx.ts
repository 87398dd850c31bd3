/**
 * The popup's list as an xlsx, built with the export page's workbook builder (exceljs), loaded
 * only when the admin asks: exceljs stays out of the popup's first paint. (Its module also
 * answers a parent frame's requests; the popup has no parent, so that part stays idle.)
 */
import type { MemberItem } from '../../messaging/teamViews';
import { BUCKET_LABELS } from '../../../shared/domain/urgency';
import { chinaToday } from '../../../shared/domain/chinaDate';
import { daysLeftText, STATUS_WORDS } from './look';

export const XLSX_HEADERS = [
  '姓名',
  '发展团员编号',
  '身份证号（脱敏）',
  '入团时间',
  '上级批准日期',
  '所在团组织',
  '认证状态',
  '时限',
  '截止日期',
  '审批意见',
];

export function xlsxRecord(m: MemberItem): Record<string, string> {
  return {
    姓名: m.name,
    发展团员编号: m.devNumber ?? '',
    '身份证号（脱敏）': m.idMasked ?? '',
    入团时间: m.joinedOn ?? '',
    上级批准日期: m.approvedOn ?? '',
    所在团组织: m.orgName,
    认证状态: STATUS_WORDS[m.status],
    时限: m.daysLeft === null ? BUCKET_LABELS[m.bucket] : daysLeftText(m.daysLeft, m.estimated),
    截止日期: m.lastDay ?? '',
    审批意见: m.rejectionReason ?? '',
  };
}

export async function exportXlsx(title: string, members: MemberItem[]): Promise<void> {
  const { buildWorkbook } = await import('../export/main');
  const bytes = await buildWorkbook({ headers: XLSX_HEADERS, records: members.map(xlsxRecord), sheet: title });
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[\\/:*?"<>|]/g, ' ')}-${chinaToday()}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
