import { randomText } from '../lib/crypto';
import type { MemberRow } from './row';

const orgDev = (orgSeq: number, devNumber: string) => `${orgSeq}|${devNumber}`;
const nameJoined = (orgSeq: number, joinedOn: string, nameHash: string) => `${orgSeq}|${joinedOn}|${nameHash}`;

/**
 * The members one write can reach: those of the caller's subtree, found by key, host id, 身份证号
 * hash or 编号. Members outside it are known only by their keys, so that a new member is never
 * given a key that is taken; nothing of theirs is matched, read into an answer or written. A
 * person seen in two organisations (a 组织关系转接) is matched across them only for a caller
 * whose subtree holds both.
 */
export class Reach {
  private readonly rows = new Map<string, MemberRow>();
  private readonly taken = new Set<string>();
  /** Natural key → the key a member of this write was given instead (the natural one was taken). */
  private readonly given = new Map<string, string>();
  private readonly byHost = new Map<string, Set<string>>();
  private readonly byIdHash = new Map<string, Set<string>>();
  private readonly byOrgDev = new Map<string, Set<string>>();
  /** Only members known before this write: two rows of one page are two members, never a correction. */
  private readonly byNameJoined = new Map<string, MemberRow[]>();

  constructor(existing: MemberRow[], inScope: (orgSeq: number) => boolean) {
    for (const r of existing) {
      if (!inScope(r.org_seq)) {
        this.taken.add(r.key);
        continue;
      }
      this.put(r);
      if (r.name_hash && r.joined_on) {
        const k = nameJoined(r.org_seq, r.joined_on, r.name_hash);
        this.byNameJoined.set(k, [...(this.byNameJoined.get(k) ?? []), r]);
      }
    }
  }

  /** Records a member's newest state (after a row of this write changed or created it). */
  put(r: MemberRow): void {
    this.rows.set(r.key, r);
    const add = (index: Map<string, Set<string>>, k: string) => index.set(k, (index.get(k) ?? new Set()).add(r.key));
    if (r.host_id) add(this.byHost, r.host_id);
    if (r.id_hash) add(this.byIdHash, r.id_hash);
    if (r.dev_number) add(this.byOrgDev, orgDev(r.org_seq, r.dev_number));
  }

  /** The member under a natural key (or the key given in its place). */
  get(naturalKey: string): MemberRow | undefined {
    return this.rows.get(this.given.get(naturalKey) ?? naturalKey);
  }

  withHost(hostId: string, orgSeq: number): MemberRow | undefined {
    return this.pick(this.byHost.get(hostId), orgSeq, (r) => r.host_id === hostId);
  }

  withIdHash(idHash: string, orgSeq: number): MemberRow | undefined {
    return this.pick(this.byIdHash.get(idHash), orgSeq, (r) => r.id_hash === idHash);
  }

  /** A member of this organisation under this 编号, unless it has another host id than the row's. */
  withDevNumber(orgSeq: number, devNumber: string, hostId: string | undefined): MemberRow | undefined {
    return this.pick(
      this.byOrgDev.get(orgDev(orgSeq, devNumber)),
      orgSeq,
      (r) => r.org_seq === orgSeq && r.dev_number === devNumber && (!hostId || !r.host_id || r.host_id === hostId),
    );
  }

  knownBefore(orgSeq: number, joinedOn: string, nameHash: string): MemberRow[] {
    return this.byNameJoined.get(nameJoined(orgSeq, joinedOn, nameHash)) ?? [];
  }

  /**
   * The key for a new member: its natural key, unless a member anywhere in the tenant has it (an
   * organisation id used again, the same host id on both sides of a transfer); then the natural
   * key behind a random prefix, which the indexes on host id, hash and 编号 still find.
   */
  newKey(naturalKey: string): string {
    const free = !this.taken.has(naturalKey) && !this.rows.has(naturalKey);
    const key = free ? naturalKey : `~${randomText(6)}:${naturalKey}`;
    if (!free) this.given.set(naturalKey, key);
    return key;
  }

  /** Of the members an index names, those still fitting; the one in the row's organisation first. */
  private pick(keys: Set<string> | undefined, orgSeq: number, fits: (r: MemberRow) => boolean) {
    let found: MemberRow | undefined;
    for (const k of keys ?? []) {
      const r = this.rows.get(k);
      if (!r || !fits(r)) continue;
      if (r.org_seq === orgSeq) return r;
      found ??= r;
    }
    return found;
  }
}

/** A known member that may be this row's: no host id of its own, or the same one. */
export function sameHost(row: MemberRow | undefined, hostId: string | undefined): boolean {
  return !!row && (!row.host_id || row.host_id === hostId);
}
