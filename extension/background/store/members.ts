import { findCorrection, findDirect, memberKey, type IdentityFields } from '../../../shared/domain/identity';
import { hashIdCard, isValidIdCard, maskIdCard } from '../../../shared/domain/idCard';
import { mergeObservation } from '../../../shared/domain/observation';
import type { ChinaDate } from '../../../shared/domain/types';
import { orgKey, type LocalMember, type MemberFields, type RowObservation } from '../../model/member';
import type { MemberFacts, ObserveResult } from '../../messaging/members';
import type { LocalDb } from './db';
import { currentHashKey } from './hashKey';

type Seen = Partial<MemberFields>;

/** The row as it may be kept: the clear 身份证号 replaced by its masked form and keyed hash. */
async function scrub(row: RowObservation, key: Uint8Array): Promise<Seen> {
  const seen: Seen = {
    hostId: row.hostId,
    name: row.name.trim(),
    devNumber: row.devNumber,
    joinedOn: row.joinedOn,
    status: row.status,
    rejectionReason: row.rejectionReason,
    graduating: row.graduating,
    isCadre: row.isCadre,
  };
  if (row.idCard && isValidIdCard(row.idCard)) {
    seen.idMasked = maskIdCard(row.idCard);
    seen.idHash = await hashIdCard(row.idCard, key);
  }
  return seen;
}

function identity(org: string, v: Seen): IdentityFields | null {
  if (!v.name || !v.joinedOn)
    return v.hostId
      ? {
          hostId: v.hostId,
          orgId: org,
          devNumber: v.devNumber,
          name: v.name ?? '',
          joinedOn: v.joinedOn ?? ('' as ChinaDate),
        }
      : null;
  return { hostId: v.hostId, orgId: org, devNumber: v.devNumber, name: v.name, joinedOn: v.joinedOn };
}

const identityOf = (m: LocalMember): IdentityFields => ({
  hostId: m.values.hostId,
  orgId: m.orgKey,
  devNumber: m.values.devNumber,
  name: m.values.name ?? '',
  joinedOn: m.values.joinedOn ?? ('' as ChinaDate),
});

export function factsOf(m: LocalMember): MemberFacts {
  return {
    key: m.key,
    approvedOn: m.values.approvedOn ?? null,
    page1Number: m.values.page1Number ?? null,
    rejectionReason: m.values.rejectionReason ?? null,
    graduating: m.values.graduating ?? false,
  };
}

/**
 * Keeps what rows of a host list said, newest observation winning field by field, and answers
 * with what is known of each row's member. A row seen with a corrected 编号 (same name and
 * 入团时间 in the same organisation) updates that member rather than adding one (§5.8).
 */
export async function recordObservations(
  db: LocalDb,
  rows: RowObservation[],
  observedAt: number,
): Promise<ObserveResult> {
  const { key: hashKey } = await currentHashKey(db);
  // Hash before the transaction: IndexedDB transactions end at the first non-database await.
  const scrubbed = await Promise.all(rows.map((r) => scrub(r, hashKey)));
  const tx = db.transaction('members', 'readwrite');
  const result: ObserveResult = { facts: [], created: 0, updated: 0, corrected: 0 };
  const ids = rows.map((row, i) => identity(orgKey(row.org), scrubbed[i]!));

  // The members of each organisation as they were before this batch, and which of them rows of
  // this batch name by their own identity: those are never taken for a corrected 编号 (§5.8).
  const before = new Map<string, LocalMember[]>();
  const taken = new Map<string, Set<number>>();
  for (const id of ids) {
    if (!id) continue;
    let known = before.get(id.orgId);
    if (!known) before.set(id.orgId, (known = await tx.store.index('byOrg').getAll(id.orgId)));
    const direct = findDirect(known.map(identityOf), id);
    if (direct >= 0) (taken.get(id.orgId) ?? taken.set(id.orgId, new Set()).get(id.orgId)!).add(direct);
  }
  // The same lists as this batch writes them: a member may appear twice in one batch.
  const live = new Map([...before].map(([org, list]) => [org, [...list]]));

  for (const [i, row] of rows.entries()) {
    const seen = scrubbed[i]!;
    const id = ids[i];
    if (!id) {
      result.facts.push({ key: '', approvedOn: null, page1Number: null, rejectionReason: null, graduating: false });
      continue;
    }
    const org = id.orgId;
    const now = live.get(org)!;
    let current: LocalMember | undefined = seen.hostId ? await tx.store.index('byHostId').get(seen.hostId) : undefined;
    if (!current) {
      const direct = findDirect(now.map(identityOf), id);
      current = direct >= 0 ? now[direct] : undefined;
    }
    if (!current) {
      const known = before.get(org)!;
      const corrected = findCorrection(known.map(identityOf), id, taken.get(org));
      if (corrected >= 0) {
        taken.get(org)?.add(corrected) ?? taken.set(org, new Set([corrected]));
        current = now.find((m) => m.key === known[corrected]!.key);
      }
    }
    const base: LocalMember = current ?? {
      key: '',
      orgKey: org,
      org: row.org,
      values: {},
      at: {},
      firstSeenAt: observedAt,
      lastSeenAt: observedAt,
    };
    const { next, changed } = mergeObservation(base, seen, observedAt);
    // Keyed by what is now known, so a host id seen once keeps naming the member.
    const key = memberKey(identity(org, next.values) ?? id);
    const member: LocalMember = {
      ...base,
      key,
      orgKey: org,
      org: row.org,
      values: next.values,
      at: next.at,
      lastSeenAt: Math.max(base.lastSeenAt, observedAt),
    };
    if (current && current.key !== key) {
      await tx.store.delete(current.key);
      result.corrected++;
    }
    if (!current) result.created++;
    else if (changed.length) result.updated++;
    await tx.store.put(member);
    const at = current ? now.findIndex((m) => m.key === current.key) : -1;
    if (at >= 0) now[at] = member;
    else now.push(member);
    result.facts.push(factsOf(member));
  }
  await tx.done;
  return result;
}

/** Records a value the admin entered (approval date, graduating) or a check or notice produced (page-1 number, reviewer's reason). */
export async function recordFact<F extends 'approvedOn' | 'page1Number' | 'graduating' | 'rejectionReason'>(
  db: LocalDb,
  keys: string[],
  field: F,
  value: MemberFields[F],
  at: number,
): Promise<number> {
  const tx = db.transaction('members', 'readwrite');
  let updated = 0;
  for (const key of keys) {
    const m = await tx.store.get(key);
    if (!m) continue;
    const { next, changed } = mergeObservation<MemberFields>(m, { [field]: value } as Partial<MemberFields>, at);
    if (!changed.length) continue;
    await tx.store.put({ ...m, values: next.values, at: next.at });
    updated++;
  }
  await tx.done;
  return updated;
}

export function allMembers(db: LocalDb): Promise<LocalMember[]> {
  return db.getAll('members');
}
