/**
 * What the overlay learns beside the member lists, kept until the member shows up: the
 * reviewer's reason for a rejection (from 操作中心 feedback, which names the member) and the type
 * of an organisation (the landing page's 组织类型: a 毕业班团支部's members are graduating).
 */
import { isOrgType, membersGraduate } from '../../../shared/domain/orgTypes';
import type { OrgType } from '../../../shared/domain/types';
import { orgKey, type LocalMember, type OrgRef, type RowObservation } from '../../model/member';
import type { RejectionNotice } from '../../messaging/members';
import type { LocalDb } from './db';
import { allMembers, recordFact } from './members';
import { withoutSpaces } from '../../../shared/domain/text';

const REASONS = 'notices.rejectionReasons';
const ORG_TYPES = 'notices.orgTypes';

type Reasons = Record<string, { reason: string; at: number }>;

async function reasons(db: LocalDb): Promise<Reasons> {
  return ((await db.get('kv', REASONS)) as Reasons | undefined) ?? {};
}

/**
 * Keeps the newest reason per member name and gives it to the members of that name now known
 * as rejected (or whose status is not known). Answers how many members were updated.
 */
export async function recordRejectionNotices(db: LocalDb, items: readonly RejectionNotice[]): Promise<number> {
  const kept = await reasons(db);
  for (const it of items) {
    if (typeof it?.name !== 'string' || typeof it.reason !== 'string' || typeof it.at !== 'number') continue;
    const k = withoutSpaces(it.name);
    if (!k || !it.reason.trim()) continue;
    const before = kept[k];
    if (!before || before.at <= it.at) kept[k] = { reason: it.reason.trim().slice(0, 2000), at: it.at };
  }
  await db.put('kv', kept, REASONS);
  const concerned = (await allMembers(db)).filter(
    (m) =>
      kept[withoutSpaces(m.values.name ?? '')] && (m.values.status === 'rejected' || m.values.status === undefined),
  );
  let updated = 0;
  for (const m of concerned) {
    const r = kept[withoutSpaces(m.values.name ?? '')]!;
    updated += await recordFact(db, [m.key], 'rejectionReason', r.reason, r.at);
  }
  return updated;
}

export async function rememberOrgType(db: LocalDb, org: OrgRef, type: OrgType): Promise<void> {
  if (typeof org?.name !== 'string' || !isOrgType(type)) return;
  const known = ((await db.get('kv', ORG_TYPES)) as Record<string, OrgType> | undefined) ?? {};
  if (known[orgKey(org)] === type) return;
  known[orgKey(org)] = type;
  await db.put('kv', known, ORG_TYPES);
}

/**
 * Adds what the notices say to rows about to be kept: the graduating flag for a 毕业班团支部's
 * members, the reviewer's reason for a rejected member not yet given one.
 */
export async function withNotices(db: LocalDb, rows: RowObservation[]): Promise<RowObservation[]> {
  const types = ((await db.get('kv', ORG_TYPES)) as Record<string, OrgType> | undefined) ?? {};
  const kept = await reasons(db);
  return rows.map((row) => {
    const type = row.org.type ?? types[orgKey(row.org)];
    const reason =
      row.status === 'rejected' && row.rejectionReason === undefined
        ? kept[withoutSpaces(row.name)]?.reason
        : undefined;
    if (!membersGraduate(type) && reason === undefined) return row;
    return {
      ...row,
      ...(membersGraduate(type) ? { graduating: true } : {}),
      ...(reason !== undefined ? { rejectionReason: reason } : {}),
    };
  });
}

export type { LocalMember };
