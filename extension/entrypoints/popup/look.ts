/** The popup's words and colours for the shared buckets (shared/domain/urgency.ts). */
import { BUCKET_LABELS, type Bucket, type Counters } from '../../../shared/domain/urgency';
import type { CertStatus } from '../../../shared/domain/types';

/** The buckets a stacked bar shows, worst first, with their colours. */
export const BAR_SEGMENTS: { bucket: Bucket; color: string; label: string }[] = [
  { bucket: 'overdue', color: '#E5484D', label: BUCKET_LABELS.overdue },
  { bucket: 'maybeOverdue', color: '#F5A3A5', label: BUCKET_LABELS.maybeOverdue },
  { bucket: 'dueToday', color: '#F08C00', label: BUCKET_LABELS.dueToday },
  { bucket: 'within3', color: '#F7B955', label: BUCKET_LABELS.within3 },
  { bucket: 'within7', color: '#FADB8F', label: BUCKET_LABELS.within7 },
  { bucket: 'later', color: '#9CC3F5', label: BUCKET_LABELS.later },
  { bucket: 'pending', color: '#4C8DDB', label: BUCKET_LABELS.pending },
  { bucket: 'certified', color: '#52B36B', label: BUCKET_LABELS.certified },
];

export const STATUS_WORDS: Record<CertStatus, string> = {
  notUploaded: '未上传',
  pending: '待审批',
  uncertified: '尚未认证',
  rejected: '认证不通过',
  certified: '已认证',
  unknown: '状态未知',
};

/** Members who need an archive (joined 2020 or later): what a bar's width stands for. */
export const needing = (c: Counters) => c.total - c.exempt;

export function daysLeftText(daysLeft: number | null, estimated: boolean): string {
  if (daysLeft === null) return '';
  const est = estimated ? '（估算）' : '';
  if (daysLeft < 0) return `${estimated ? '可能' : ''}逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return `今日截止${est}`;
  return `剩 ${daysLeft} 天${est}`;
}

export function agoText(at: number | null, now = Date.now()): string {
  if (!at) return '尚未同步';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86_400) return `${Math.floor(s / 3600)} 小时前`;
  const d = new Date(at);
  return `${d.getMonth() + 1}月${d.getDate()}日`;
}

export function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}`;
}

export const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
export function weekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}
