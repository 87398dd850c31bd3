/**
 * What a row means, by the shared rules: the words and colours of each mark, and the same words
 * in the export. Pure functions of a row read from the page and what the background knows.
 */
import { needsArchive } from '../../shared/domain/archive';
import {
  checkDevNumber,
  compareWithForm,
  duplicateFinding,
  normaliseDevNumber,
  type DevNumberCode,
  type DevNumberFinding,
} from '../../shared/domain/devNumber';
import { membersGraduate } from '../../shared/domain/orgTypes';
import { classify, type Bucket, type Urgency } from '../../shared/domain/urgency';
import type { CertStatus, ChinaDate } from '../../shared/domain/types';
import type { MarkSpec, Tone } from '../core/marks';
import type { MemberRow } from '../core/rows';

export const CHIPS: Record<Exclude<CertStatus, 'unknown'>, MarkSpec> = {
  notUploaded: {
    text: '尚未认证·未上传',
    tone: 'danger',
    title: '《入团志愿书》尚未上传：请尽快上传电子档案（§3.2.1、§5.3）',
  },
  pending: { text: '尚未认证·待审批', tone: 'primary', title: '已上传，等待上级团委审批（§3.2.1）' },
  uncertified: { text: '尚未认证', tone: 'warning', title: '尚未完成团员身份认证；此页未显示是否已上传档案' },
  rejected: {
    text: '认证不通过',
    tone: 'danger',
    title: '上级团委审核未通过：请根据审批意见修改后点击“替换档案”重新上传（§3.2.1、§5.3）',
  },
  certified: { text: '团员身份已认证', tone: 'success', title: '上级团委审批通过，已完成团员身份认证（§3.4）' },
};

export const EXEMPT: MarkSpec = {
  text: '无需上传（2020年前入团）',
  tone: 'info',
  title: '2020年以前入团的团员目前不需要上传电子版《入团志愿书》（§5.6）',
};

export function statusChip(row: MemberRow): MarkSpec | null {
  const { status, joinedOn } = row.member;
  if (joinedOn && !needsArchive(joinedOn)) return EXEMPT;
  if (!status || status === 'unknown') return null;
  const chip = CHIPS[status];
  const reason = row.facts?.rejectionReason;
  if (status === 'rejected' && reason)
    return { ...chip, note: `理由：${reason}`, title: `上级审批意见：${reason}\n${chip.title}` };
  return chip;
}

const TONES: Partial<Record<Bucket, Tone>> = {
  overdue: 'danger',
  maybeOverdue: 'warning',
  dueToday: 'danger',
  within3: 'danger',
  within7: 'warning',
  later: 'primary',
};

export function badgeText(u: Urgency): string | null {
  const n = u.daysLeft;
  if (n === null) return null;
  switch (u.bucket) {
    case 'overdue':
      return `已逾期 ${-n} 天`;
    case 'maybeOverdue':
      return '可能逾期';
    case 'dueToday':
      return '今日截止';
    case 'within3':
    case 'within7':
    case 'later':
      return `剩余 ${n} 天`;
    default:
      return null;
  }
}

const badges = new Map<string, MarkSpec | null>();

/** The same dates and statuses recur row after row: one badge object per distinct case. */
export function deadlineBadge(row: MemberRow, today: ChinaDate): MarkSpec | null {
  const { joinedOn, status } = row.member;
  if (!joinedOn || !status || status === 'unknown') return null;
  const approvedOn = row.facts?.approvedOn ?? undefined;
  const key = `${today}|${joinedOn}|${approvedOn ?? ''}|${status}`;
  let badge = badges.get(key);
  if (badge === undefined) {
    if (badges.size > 4096) badges.clear();
    badges.set(key, (badge = computeBadge(joinedOn, approvedOn, status, today)));
  }
  return badge;
}

function computeBadge(
  joinedOn: ChinaDate,
  approvedOn: ChinaDate | undefined,
  status: CertStatus,
  today: ChinaDate,
): MarkSpec | null {
  const u = classify({ joinedOn, approvedOn, status }, today);
  const text = badgeText(u);
  const tone = TONES[u.bucket];
  if (!text || !tone || !u.lastDay) return null;
  const basis = u.estimated
    ? `按入团时间 ${joinedOn} 起算30日估算：上级团委批准入团晚于支部大会，实际截止日可能更晚。可用“选择团员”记录上级批准日期。`
    : `按记录的上级团委批准日期 ${approvedOn} 起算30日计算。`;
  const past = u.bucket === 'maybeOverdue' ? `按入团时间估算已过截止日 ${-u.daysLeft!} 天。` : '';
  return {
    text: `${text}（${u.estimated ? '估算' : '按批准日期'}）`,
    tone,
    title: `上传截止日：${u.lastDay}。${past}${basis}\n时限：自上级团委审批同意入团后30日内上传（§2、§5.7）${u.rejected ? '\n认证不通过：须在原时限内修改并重新上传' : ''}`,
  };
}

export const FINDING_LABELS: Record<DevNumberCode, string> = {
  missing: '编号缺失',
  'bad-chars': '编号格式错误',
  'wrong-length': '编号位数错误',
  'wrong-year': '编号年份不符',
  duplicate: '编号重复',
  'form-mismatch': '与志愿书首页不一致',
};

/** Who carries which number, among every member seen on this list during the visit. */
export class NumbersSeen {
  private byNumber = new Map<string, Set<string>>();

  private added = new WeakSet<MemberRow>();

  add(rows: readonly MemberRow[]): void {
    for (const r of rows) {
      // A row read before is the same object: its number is counted already.
      if (this.added.has(r)) continue;
      this.added.add(r);
      const n = normaliseDevNumber(r.member.devNumber ?? '');
      if (!n) continue;
      let who = this.byNumber.get(n);
      if (!who) this.byNumber.set(n, (who = new Set()));
      who.add(`${r.member.org.name}\u0001${r.member.name}\u0001${r.member.joinedOn ?? ''}`);
    }
  }

  holders(devNumber: string | undefined): number {
    return this.byNumber.get(normaliseDevNumber(devNumber ?? ''))?.size ?? 0;
  }
}

const formats = new Map<string, readonly DevNumberFinding[]>();

/** The format check depends on the number and the year alone: once per distinct pair. */
function formatFindings(devNumber: string, joinedOn: ChinaDate): readonly DevNumberFinding[] {
  const key = `${devNumber}|${joinedOn}`;
  let found = formats.get(key);
  if (!found) {
    if (formats.size > 8192) formats.clear();
    formats.set(key, (found = checkDevNumber(devNumber, joinedOn)));
  }
  return found;
}

export function devNumberFindings(row: MemberRow, seen: NumbersSeen): DevNumberFinding[] {
  const { devNumber, joinedOn } = row.member;
  if (devNumber === undefined) return [];
  const found = joinedOn ? [...formatFindings(devNumber, joinedOn)] : [];
  const holders = seen.holders(devNumber);
  if (holders > 1) found.push(duplicateFinding(holders));
  const page1 = row.facts?.page1Number;
  const mismatch = page1 ? compareWithForm(devNumber, page1) : null;
  if (mismatch) found.push(mismatch);
  return found;
}

export function findingsMark(found: DevNumberFinding[]): MarkSpec | null {
  if (!found.length) return null;
  const error = found.some((f) => f.severity === 'error');
  return {
    text: found.map((f) => FINDING_LABELS[f.code]).join('·'),
    tone: error ? 'danger' : 'warning',
    title: `${found.map((f) => f.message).join('\n')}\n可修改人：${found[0]!.whoMayCorrect}`,
  };
}

export const MUST_CERTIFY: MarkSpec = {
  text: '毕业前须完成认证',
  tone: 'danger',
  title:
    '毕业年级的新发展团员，须完成团员身份认证后再开展团组织关系转接（§4.4）；未认证的团员无法发起转接，且不计入新发展团员统计（§5.4）',
};
const GRADUATING: MarkSpec = { text: '毕业年级', tone: 'info', title: '毕业班团支部团员或已标记为毕业年级' };

export function isGraduating(row: MemberRow): boolean {
  return row.facts?.graduating === true || membersGraduate(row.member.org.type);
}

export function graduationMark(row: MemberRow): MarkSpec | null {
  if (!isGraduating(row)) return null;
  const { joinedOn, status } = row.member;
  if (status === 'certified' || (joinedOn && !needsArchive(joinedOn))) return GRADUATING;
  if (!status || status === 'unknown') return GRADUATING;
  return MUST_CERTIFY;
}

/** The export's columns: the row as seen, then what the marks mean. */
export const EXPORT_HEADERS = [
  '姓名',
  '发展团员编号',
  '入团时间',
  '所在团组织',
  '团员身份认证',
  '档案是否上传',
  '认证状态',
  '上传时限',
  '截止日期',
  '时限依据',
  '编号问题',
  '毕业年级',
] as const;
export type ExportRecord = Record<(typeof EXPORT_HEADERS)[number], string>;

export function exportRecord(row: MemberRow, today: ChinaDate, seen: NumbersSeen): ExportRecord {
  const { joinedOn, status } = row.member;
  const u =
    joinedOn && status && status !== 'unknown'
      ? classify({ joinedOn, status, approvedOn: row.facts?.approvedOn ?? undefined }, today)
      : null;
  const chip = statusChip(row);
  const findings = devNumberFindings(row, seen);
  return {
    姓名: row.member.name,
    发展团员编号: row.member.devNumber ?? '',
    入团时间: joinedOn ?? row.cells.joinedOn ?? '',
    所在团组织: row.member.org.name,
    团员身份认证: row.cells.certStatus ?? '',
    档案是否上传: row.cells.upload ?? '',
    认证状态: chip ? chip.text + (chip.note ? `（${chip.note}）` : '') : '',
    上传时限: (u && badgeText(u)) ?? '',
    截止日期: u?.lastDay && u.daysLeft !== null ? u.lastDay : '',
    时限依据: u?.lastDay && u.daysLeft !== null ? (u.estimated ? '按入团时间估算' : '按上级团委批准日期') : '',
    编号问题: findings.map((f) => f.message).join('；'),
    毕业年级: graduationMark(row) ? (graduationMark(row) === MUST_CERTIFY ? '是（毕业前须完成认证）' : '是') : '',
  };
}
