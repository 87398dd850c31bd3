import { normaliseDevNumber } from './devNumber';
import type { Member } from './types';

export type IdentityFields = Pick<Member, 'hostId' | 'orgId' | 'devNumber' | 'name' | 'joinedOn'>;

/**
 * A stable key for a member: the host's id when a page exposes it, otherwise the organisation and
 * the 发展团员编号, otherwise the organisation, name and 入团时间.
 */
export function memberKey(m: IdentityFields): string {
  if (m.hostId) return `id:${m.hostId}`;
  const n = normaliseDevNumber(m.devNumber ?? '');
  if (n) return `no:${m.orgId}:${n}`;
  return `nj:${m.orgId}:${m.name.trim()}:${m.joinedOn}`;
}

export interface Match {
  index: number;
  /** The member was known under another 编号: the new one corrects it (§5.8), it is not a new member. */
  correction: boolean;
}

/**
 * The known member a row names by its own identity: the host's id, or the organisation and the
 * 编号 (or, for a row without a 编号, its name and 入团时间 when only one known member fits). -1 if none.
 */
export function findDirect(known: readonly IdentityFields[], seen: IdentityFields): number {
  if (seen.hostId) {
    const i = known.findIndex((k) => k.hostId === seen.hostId);
    if (i >= 0) return i;
  }
  const n = numberOf(seen);
  if (n) return known.findIndex((k) => sameOrg(k, seen) && numberOf(k) === n);
  const fits = nameJoinedFits(known, seen);
  return fits.length === 1 ? fits[0]! : -1;
}

/**
 * §5.8: the same name and 入团时间 in the same organisation under another 编号 is a corrected
 * number, not a new member — unless two known members fit (it cannot be told which), or the one
 * that fits was already named by another row (`taken`): two rows on one page are two members.
 */
export function findCorrection(
  known: readonly IdentityFields[],
  seen: IdentityFields,
  taken: ReadonlySet<number> = new Set(),
): number {
  if (!numberOf(seen)) return -1;
  const fits = nameJoinedFits(known, seen);
  return fits.length === 1 && !taken.has(fits[0]!) ? fits[0]! : -1;
}

/** Which known member a newly seen row is, or null for a new member. */
export function findSameMember(
  known: readonly IdentityFields[],
  seen: IdentityFields,
  taken: ReadonlySet<number> = new Set(),
): Match | null {
  const direct = findDirect(known, seen);
  if (direct >= 0)
    return { index: direct, correction: !!numberOf(seen) && numberOf(known[direct]!) !== numberOf(seen) };
  const corrected = findCorrection(known, seen, taken);
  return corrected >= 0 ? { index: corrected, correction: true } : null;
}

const sameOrg = (k: IdentityFields, seen: IdentityFields) =>
  k.orgId === seen.orgId && !(k.hostId && seen.hostId && k.hostId !== seen.hostId);

function nameJoinedFits(known: readonly IdentityFields[], seen: IdentityFields): number[] {
  return known.flatMap((k, i) =>
    sameOrg(k, seen) && k.name.trim() === seen.name.trim() && k.joinedOn === seen.joinedOn ? [i] : [],
  );
}

const numberOf = (m: IdentityFields) => normaliseDevNumber(m.devNumber ?? '');
