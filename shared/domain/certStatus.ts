import type { CertStatus } from './types';

/** The words of the 团员身份认证 column (§3.4, §5.3). */
export const CERT_TEXT = {
  certified: '团员身份已认证',
  rejected: '认证不通过',
  uncertified: '尚未认证',
} as const;

/** What the host's cells say, as read from the page; either may be missing from a list. */
export interface HostStatusCells {
  /** 团员身份认证 */
  certText: string;
  /** 档案是否上传 (its text and button labels), when the page has the column. */
  uploadText?: string;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * Whether the 档案是否上传 cell says a file is on the host: `true`, `false`, or `null` when its
 * words are not ones we know. 替换档案 appears only once something was uploaded (§3.2.1).
 */
export function uploadedFromHost(uploadText: string): boolean | null {
  const t = squash(uploadText);
  if (/替换档案|已上传|审批中|待审批|查看档案|^是(\s|$)/.test(t)) return true;
  if (/上传档案|未上传|^否(\s|$)|^无$/.test(t)) return false;
  return null;
}

/** The host's words → `CertStatus`. Text we do not know gives `unknown`, never a guess. */
export function certStatusFromHost(cells: HostStatusCells): { status: CertStatus } {
  const cert = squash(cells.certText);
  if (cert === CERT_TEXT.certified || cert === '已认证') return { status: 'certified' };
  if (cert === CERT_TEXT.rejected) return { status: 'rejected' };
  if (cert !== CERT_TEXT.uncertified && cert !== '未认证') return { status: 'unknown' };
  if (cells.uploadText === undefined) return { status: 'uncertified' };
  const uploaded = uploadedFromHost(cells.uploadText);
  if (uploaded === null) return { status: 'uncertified' };
  return { status: uploaded ? 'pending' : 'notUploaded' };
}
