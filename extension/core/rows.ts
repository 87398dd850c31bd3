/**
 * A member list's rows read into what they say about each member, with the shared rules'
 * parsers. Reading touches only `textContent`: no layout, whatever the number of rows.
 */
import { parseHostDate } from '../../shared/domain/chinaDate';
import { certStatusFromHost } from '../../shared/domain/certStatus';
import { isValidIdCard, normaliseIdCard } from '../../shared/domain/idCard';
import { orgTypeInName } from '../../shared/domain/orgTypes';
import type { CertStatus, ChinaDate } from '../../shared/domain/types';
import type { MemberFacts } from '../messaging/members';
import type { OrgRef } from '../model/member';
import { cellText, type ColumnKey, type HostTable } from './table';

/** What one row says about its member. A field is undefined when its column is missing. */
export interface RowMember {
  name: string;
  devNumber?: string;
  /** null: the column is there but its text is not a date. */
  joinedOn?: ChinaDate | null;
  /** From 团员身份认证 (and 档案是否上传 when present). */
  status?: CertStatus;
  org: OrgRef;
  /** A whole, valid 身份证号 when the page shows one: in transit to the background only. */
  idCard?: string;
}

export interface MemberRow {
  readonly tr: HTMLTableRowElement;
  /** Position in the body (a re-sort moves it; the fixed copies are found by it). */
  index: number;
  /** The texts of the member columns the table has. */
  readonly cells: Readonly<Partial<Record<ColumnKey, string>>>;
  readonly member: RowMember;
  /** What the row says, as one string: equal rows are the same observation. */
  readonly signature: string;
  /** What the background knows beyond the page (approval date, page-1 number …), once answered. */
  facts: MemberFacts | null;
}

/** Lists repeat the same dates and words row after row: parse each text once. */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      if (cache.size > 4096) cache.clear();
      cache.set(text, (v = fn(text)));
    }
    return v as T;
  };
}
const dateOf = memo(parseHostDate);
const statusOf = memo((key: string) => {
  const [certText, uploadText] = key.split('\u0001') as [string, string | undefined];
  return certStatusFromHost({ certText, uploadText }).status;
});

/** The organisation a row belongs to: its 所在团组织 cell, else the page's own organisation. */
function orgOf(cell: string | undefined, pageOrg: OrgRef): OrgRef {
  if (!cell) return pageOrg;
  const type = orgTypeInName(cell);
  return type ? { name: cell, type } : { name: cell };
}

export function readRow(t: HostTable, tr: HTMLTableRowElement, index: number, pageOrg: OrgRef): MemberRow {
  const cells: Partial<Record<ColumnKey, string>> = {};
  const tds = tr.cells;
  for (const [key, i] of t.reads) cells[key] = cellText(tds[i]);
  const member: RowMember = { name: cells.name ?? '', org: orgOf(cells.org, pageOrg) };
  if (cells.devNumber !== undefined) member.devNumber = cells.devNumber === '--' ? '' : cells.devNumber;
  if (cells.joinedOn !== undefined) member.joinedOn = dateOf(cells.joinedOn);
  if (cells.certStatus !== undefined)
    member.status = statusOf(
      cells.upload === undefined ? cells.certStatus : `${cells.certStatus}\u0001${cells.upload}`,
    );
  if (cells.idCard && isValidIdCard(cells.idCard)) member.idCard = normaliseIdCard(cells.idCard);
  const signature = `${member.org.name}\u0001${member.name}\u0001${member.devNumber ?? '\u0002'}\u0001${member.joinedOn ?? '\u0002'}\u0001${cells.certStatus ?? '\u0002'}\u0001${cells.upload ?? '\u0002'}\u0001${member.idCard ? 'id' : ''}`;
  return { tr, index, cells, member, signature, facts: null };
}
