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

/** Which known member a newly seen row is, or null for a new member. */
export function findSameMember(known: readonly IdentityFields[], seen: IdentityFields): Match | null {
  if (seen.hostId) {
    const i = known.findIndex((k) => k.hostId === seen.hostId);
    if (i >= 0) return { index: i, correction: numberOf(known[i]!) !== numberOf(seen) };
  }
  const n = numberOf(seen);
  const sameOrg = (k: IdentityFields) => k.orgId === seen.orgId && !(k.hostId && seen.hostId && k.hostId !== seen.hostId);
  if (n) {
    const i = known.findIndex((k) => sameOrg(k) && numberOf(k) === n);
    if (i >= 0) return { index: i, correction: false };
  }
  // Same name and 入团时间 in the same organisation under another number: a corrected 编号 —
  // unless two known members fit, when it cannot be told which one it is.
  const candidates = known.flatMap((k, i) => (sameOrg(k) && k.name.trim() === seen.name.trim() && k.joinedOn === seen.joinedOn ? [i] : []));
  if (candidates.length !== 1) return null;
  return { index: candidates[0]!, correction: numberOf(known[candidates[0]!]!) !== n };
}

const numberOf = (m: IdentityFields) => normaliseDevNumber(m.devNumber ?? '');
