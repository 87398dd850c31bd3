import {
  MemberObservation,
  PreflightResult,
  type RowRefusal,
  type SyncEnvelope,
  type SyncResponse,
} from '../../shared/api/sync';
import { maskName } from '../../shared/domain/idCard';
import { memberKey } from '../../shared/domain/identity';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import type { AuthContext } from '../auth/context';
import type { AuditDraft } from '../audit/chain';
import { membersForBatch } from '../db/members';
import type { PreflightRow } from '../db/preflights';
import type { OrgRow } from '../db/orgs';
import type { OrgTree } from '../lib/orgTree';
import { nameHasher } from './nameHash';
import { planPreflight, preflightRefs } from './preflights';
import { Reach, sameHost } from './reach';
import { emptyRow, mergeFields, type FieldValues, type MemberRow } from './row';
import { parseRows, placeRows, type Refuse } from './syncRows';

export interface SyncPlan {
  /** Each written member with the row it replaces (null when new). */
  members: { before: MemberRow | null; after: MemberRow }[];
  preflights: PreflightRow[];
  audit: AuditDraft[];
  result: SyncResponse;
}

type Observed = ReturnType<typeof prepare>;

/**
 * Plans a batch row by row: a row that is malformed, names an organisation outside the caller's
 * subtree (or none), or would leave a member inconsistent is refused on its own, with its reason in
 * the reply; every other row is written. Members are looked for only in the caller's subtree.
 */
export async function planSync(
  db: D1Database,
  auth: AuthContext,
  tree: OrgTree,
  batch: SyncEnvelope,
  now: number,
): Promise<SyncPlan> {
  const refused: RowRefusal[] = [];
  const refuse: Refuse = (list, index, code, message) => refused.push({ list, index, code, message });
  const obs = placeRows(
    'observations',
    parseRows('observations', batch.observations, MemberObservation, refuse),
    tree,
    refuse,
  );
  const pfs = placeRows('preflights', parseRows('preflights', batch.preflights, PreflightResult, refuse), tree, refuse);
  const hashName = nameHasher(auth.tenant.hashKey);
  const prepared = obs.map((r) => prepare(r.index, r.row, r.org, hashName, auth.tenant.storeNames, now));

  const pfRefs = preflightRefs(pfs.map((p) => p.row));
  const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const reach = new Reach(
    await membersForBatch(db, auth.tenantId, {
      keys: unique(prepared.flatMap((p) => [p.key, p.keyWithoutHost])),
      hostIds: unique([...prepared.map((p) => p.o.hostId), ...pfRefs.hostIds]),
      idHashes: unique([...prepared.map((p) => p.o.idHash), ...pfRefs.idHashes]),
      devNumbers: unique([...prepared.map((p) => p.devNumber), ...pfRefs.devNumbers]),
      nameJoined: prepared.flatMap((p) =>
        p.nameHash && p.o.joinedOn ? [{ org_seq: p.org.seq, joined_on: p.o.joinedOn, name_hash: p.nameHash }] : [],
      ),
    }),
    (seq) => tree.bySeq.has(seq),
  );
  const touched = observe(reach, prepared, auth.tenantId, now, refuse);

  const members: SyncPlan['members'] = [];
  const audit: AuditDraft[] = [];
  let created = 0;
  let updated = 0;
  for (const [key, t] of touched) {
    const isNew = t.before === null;
    if (!isNew && t.changed.size === 0) continue;
    members.push({ before: t.before, after: t.row });
    isNew ? created++ : updated++;
    audit.push({
      action: isNew ? 'member.create' : 'member.update',
      orgId: tree.bySeq.get(t.row.org_seq)?.id ?? null,
      subject: key,
      payload: { fields: [...t.changed].sort(), row: t.row },
    });
  }

  const preflights: PreflightRow[] = [];
  for (const p of pfs) {
    const planned = planPreflight(p.row, p.org, reach, auth.tenantId, now);
    preflights.push(planned.row);
    audit.push(planned.audit);
  }

  refused.sort((a, b) => (a.list === b.list ? a.index - b.index : a.list < b.list ? -1 : 1));
  return {
    members,
    preflights,
    audit,
    result: {
      members: { created, updated, unchanged: touched.size - created - updated },
      preflights: { recorded: preflights.length },
      refused,
      auditEntries: audit.length,
      serverTime: new Date(now).toISOString(),
    },
  };
}

/** An observation with its organisation, the keys it would give its member, and the values it sets. */
function prepare(
  index: number,
  o: MemberObservation,
  org: OrgRow,
  hashName: (name: string) => string,
  storeNames: boolean,
  now: number,
) {
  const nameHash = o.nameHash ?? (o.name ? hashName(o.name) : undefined);
  const devNumber =
    o.devNumber === null ? null : o.devNumber === undefined ? undefined : normaliseDevNumber(o.devNumber) || null;
  // The key never holds a clear name: the name's keyed hash stands in for it.
  const identity = {
    orgId: org.id,
    devNumber: devNumber ?? undefined,
    name: `#${nameHash ?? ''}`,
    joinedOn: o.joinedOn!,
  };
  return {
    index,
    o,
    org,
    devNumber,
    key: memberKey({ ...identity, hostId: o.hostId }),
    // The key the member had before the page showed its host id.
    keyWithoutHost: o.hostId ? memberKey(identity) : null,
    nameHash,
    values: fieldValues(o, org, nameHash, devNumber, storeNames),
    at: Math.min(Date.parse(o.observedAt), now),
  };
}

/**
 * Merges each observation into the member it names in the caller's subtree (or a new one), in the
 * batch's order. A row that cannot stand — a new member without 入团时间, an approval date before
 * 入团时间 — is refused and changes nothing.
 */
function observe(reach: Reach, prepared: Observed[], tenantId: string, now: number, refuse: Refuse) {
  const touched = new Map<string, { row: MemberRow; before: MemberRow | null; changed: Set<string> }>();
  const knownKey = (p: Observed) =>
    (p.o.hostId && reach.withHost(p.o.hostId, p.org.seq)?.key) ||
    reach.get(p.key)?.key ||
    (p.keyWithoutHost && sameHost(reach.get(p.keyWithoutHost), p.o.hostId)
      ? reach.get(p.keyWithoutHost)!.key
      : undefined) ||
    (p.o.idHash && reach.withIdHash(p.o.idHash, p.org.seq)?.key) ||
    (p.devNumber && reach.withDevNumber(p.org.seq, p.devNumber, p.o.hostId)?.key) ||
    undefined;
  // Members some row names directly: another row's corrected 编号 never takes them (§5.8).
  const matched = new Set(prepared.flatMap((p) => knownKey(p) ?? []));

  for (const p of prepared) {
    const known = knownKey(p) || correctedNumber(reach, matched, p);
    if (!known && !p.o.joinedOn) {
      refuse(
        'observations',
        p.index,
        'joined-on-required',
        '这是同步服务还不知道的团员，须带入团时间（joinedOn）：请在团员列表中读取该团员后再同步',
      );
      continue;
    }
    const prior = known ? (touched.get(known)?.row ?? reach.get(known) ?? null) : null;
    const key = known || reach.newKey(p.key);
    const base = prior ?? emptyRow(tenantId, key, p.org.seq, now);
    const { row, changed } = mergeFields(base, p.values, p.at);
    if (
      row.approved_on &&
      row.joined_on &&
      row.approved_on < row.joined_on &&
      (changed.includes('approvedOn') || changed.includes('joinedOn'))
    ) {
      refuse(
        'observations',
        p.index,
        'approval-before-joining',
        `上级批准日期（${row.approved_on}）早于入团时间（${row.joined_on}）：请在智慧团建中核对这两个日期`,
      );
      continue;
    }
    matched.add(key);
    const entry = touched.get(key) ?? { row, before: prior, changed: new Set<string>() };
    entry.row = { ...row, updated_at: changed.length ? now : row.updated_at };
    changed.forEach((f) => entry.changed.add(f));
    touched.set(key, entry);
    reach.put(entry.row);
  }
  return touched;
}

function fieldValues(
  o: MemberObservation,
  org: OrgRow,
  nameHash: string | undefined,
  devNumber: string | null | undefined,
  storeNames: boolean,
): FieldValues {
  const nameMasked = o.nameMasked ?? (o.name ? maskName(o.name) : undefined);
  return {
    org: org.seq,
    hostId: o.hostId,
    name: storeNames ? o.name : undefined,
    nameMasked,
    nameHash,
    idHash: o.idHash,
    idMasked: o.idMasked,
    devNumber,
    joinedOn: o.joinedOn,
    approvedOn: o.approvedOn,
    status: o.status,
    rejectionReason: o.rejectionReason,
    graduating: o.graduating === undefined ? undefined : o.graduating ? 1 : 0,
    isCadre: o.isCadre === undefined ? undefined : o.isCadre ? 1 : 0,
  };
}

/**
 * §5.8: the same name and 入团时间 in the same organisation under another 编号 is a correction of
 * that member's number, not a new member — unless two known members fit, when it cannot be told,
 * or the member was already matched by another row of this batch.
 */
function correctedNumber(reach: Reach, matched: Set<string>, p: Observed): string | undefined {
  if (!p.nameHash || !p.o.joinedOn) return undefined;
  const fits = reach
    .knownBefore(p.org.seq, p.o.joinedOn, p.nameHash)
    .filter((r) => sameHost(r, p.o.hostId) && (!p.o.idHash || !r.id_hash || r.id_hash === p.o.idHash));
  return fits.length === 1 && !matched.has(fits[0]!.key) ? fits[0]!.key : undefined;
}
