import type { OrgRef } from '../../shared/api/common';
import type { MemberObservation, SyncBatch, SyncResponse } from '../../shared/api/sync';
import { maskName } from '../../shared/domain/idCard';
import { memberKey } from '../../shared/domain/identity';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import type { AuthContext } from '../auth/context';
import type { AuditDraft } from '../audit/chain';
import { membersForBatch } from '../db/members';
import type { PreflightRow } from '../db/preflights';
import { orgsByIds, orgsByLeagueIds, type OrgRow } from '../db/orgs';
import { fail } from '../errors';
import type { OrgTree } from '../lib/orgTree';
import { nameHasher } from './nameHash';
import { planPreflight, preflightRefs } from './preflights';
import { Reach, sameHost } from './reach';
import { emptyRow, mergeFields, type FieldValues, type MemberRow } from './row';

export interface SyncPlan {
  /** Each written member with the row it replaces (null when new). */
  members: { before: MemberRow | null; after: MemberRow }[];
  preflights: PreflightRow[];
  audit: AuditDraft[];
  result: SyncResponse;
}

/** Resolves every organisation a batch names, refusing the whole batch on the first one outside the scope. */
async function resolveOrgs(db: D1Database, auth: AuthContext, tree: OrgTree, refs: OrgRef[]): Promise<OrgRow[]> {
  const out: OrgRow[] = [];
  const missing: { i: number; ref: OrgRef }[] = [];
  refs.forEach((ref, i) => {
    const o =
      (ref.id && tree.byId.get(ref.id)) ||
      (ref.leagueId && tree.byLeagueId.get(ref.leagueId)) ||
      (ref.path && tree.byPath(ref.path)) ||
      undefined;
    if (o) out[i] = o;
    else missing.push({ i, ref });
  });
  if (missing.length) {
    const ids = missing.flatMap((m) => (m.ref.id ? [m.ref.id] : []));
    const leagueIds = missing.flatMap((m) => (m.ref.leagueId ? [m.ref.leagueId] : []));
    const elsewhere = [
      ...(await orgsByIds(db, auth.tenantId, ids)),
      ...(await orgsByLeagueIds(db, auth.tenantId, leagueIds)),
    ];
    const first = missing[0]!;
    const name = first.ref.id ?? first.ref.leagueId ?? first.ref.path?.join('/');
    if (elsewhere.length)
      fail(403, 'out-of-scope', `第 ${first.i + 1} 行的组织（${name}）不在你的管理范围内：整批未写入`);
    fail(
      422,
      'unknown-org',
      `第 ${first.i + 1} 行的组织（${name}）在团队组织树中找不到：请先导入组织树或核对 leagueId，整批未写入`,
    );
  }
  return out;
}

export async function planSync(
  db: D1Database,
  auth: AuthContext,
  tree: OrgTree,
  batch: SyncBatch,
  now: number,
): Promise<SyncPlan> {
  const { storeNames } = auth.tenant;
  const obs = batch.observations;
  const obsOrgs = await resolveOrgs(
    db,
    auth,
    tree,
    obs.map((o) => o.org),
  );
  const pfOrgs = await resolveOrgs(
    db,
    auth,
    tree,
    batch.preflights.map((p) => p.org),
  );
  const pfRefs = preflightRefs(batch.preflights);
  const hashName = nameHasher(auth.tenant.hashKey);
  const prepared = obs.map((o, i) => {
    const org = obsOrgs[i]!;
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
    const key = memberKey({ ...identity, hostId: o.hostId });
    // The key the member had before the page showed its host id.
    const keyWithoutHost = o.hostId ? memberKey(identity) : null;
    return {
      o,
      org,
      devNumber,
      key,
      keyWithoutHost,
      nameHash,
      values: fieldValues(o, org, nameHash, devNumber, storeNames),
      at: Math.min(Date.parse(o.observedAt), now),
    };
  });

  const reach = new Reach(
    await membersForBatch(db, auth.tenantId, {
      keys: [...new Set(prepared.flatMap((p) => (p.keyWithoutHost ? [p.key, p.keyWithoutHost] : [p.key])))],
      hostIds: [...new Set([...prepared.flatMap((p) => (p.o.hostId ? [p.o.hostId] : [])), ...pfRefs.hostIds])],
      idHashes: [...new Set([...prepared.flatMap((p) => (p.o.idHash ? [p.o.idHash] : [])), ...pfRefs.idHashes])],
      devNumbers: [...new Set([...prepared.flatMap((p) => (p.devNumber ? [p.devNumber] : [])), ...pfRefs.devNumbers])],
      nameJoined: prepared.flatMap((p) =>
        p.nameHash && p.o.joinedOn ? [{ org_seq: p.org.seq, joined_on: p.o.joinedOn, name_hash: p.nameHash }] : [],
      ),
    }),
    (seq) => tree.bySeq.has(seq),
  );
  const matched = new Set<string>();
  const touched = new Map<string, { row: MemberRow; before: MemberRow | null; changed: Set<string> }>();

  const knownKey = (p: (typeof prepared)[number]) =>
    (p.o.hostId && reach.withHost(p.o.hostId, p.org.seq)?.key) ||
    reach.get(p.key)?.key ||
    (p.keyWithoutHost && sameHost(reach.get(p.keyWithoutHost), p.o.hostId)
      ? reach.get(p.keyWithoutHost)!.key
      : undefined) ||
    (p.o.idHash && reach.withIdHash(p.o.idHash, p.org.seq)?.key) ||
    (p.devNumber && reach.withDevNumber(p.org.seq, p.devNumber, p.o.hostId)?.key) ||
    undefined;
  for (const p of prepared) {
    const k = knownKey(p);
    if (k) matched.add(k);
  }

  prepared.forEach((p, i) => {
    const known = knownKey(p) || correctedNumber(reach, matched, p);
    if (!known && !p.o.joinedOn)
      fail(422, 'joined-on-required', `第 ${i + 1} 行是新团员，须提供入团时间（joinedOn）：整批未写入`);
    const key = known || reach.newKey(p.key);
    matched.add(key);
    const prior = touched.get(key)?.row ?? reach.get(key) ?? null;
    const base = prior ?? emptyRow(auth.tenantId, key, p.org.seq, now);
    const { row, changed } = mergeFields(base, p.values, p.at);
    const entry = touched.get(key) ?? { row, before: prior, changed: new Set<string>() };
    entry.row = { ...row, updated_at: changed.length ? now : row.updated_at };
    changed.forEach((f) => entry.changed.add(f));
    touched.set(key, entry);
    reach.put(entry.row);
  });

  const members: SyncPlan['members'] = [];
  const audit: AuditDraft[] = [];
  let created = 0;
  let updated = 0;
  for (const [key, t] of touched) {
    const isNew = t.before === null;
    if (!isNew && t.changed.size === 0) continue;
    members.push({ before: t.before, after: t.row });
    isNew ? created++ : updated++;
    const org = tree.bySeq.get(t.row.org_seq);
    audit.push({
      action: isNew ? 'member.create' : 'member.update',
      orgId: org?.id ?? null,
      subject: key,
      payload: { fields: [...t.changed].sort(), row: t.row },
    });
  }

  const preflights: PreflightRow[] = [];
  batch.preflights.forEach((p, i) => {
    const planned = planPreflight(p, pfOrgs[i]!, reach, auth.tenantId, now);
    preflights.push(planned.row);
    audit.push(planned.audit);
  });

  return {
    members,
    preflights,
    audit,
    result: {
      members: { created, updated, unchanged: touched.size - created - updated },
      preflights: { recorded: preflights.length },
      auditEntries: audit.length,
      serverTime: new Date(now).toISOString(),
    },
  };
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
function correctedNumber(
  reach: Reach,
  matched: Set<string>,
  p: { org: OrgRow; nameHash: string | undefined; o: MemberObservation },
): string | undefined {
  if (!p.nameHash || !p.o.joinedOn) return undefined;
  const fits = reach
    .knownBefore(p.org.seq, p.o.joinedOn, p.nameHash)
    .filter((r) => sameHost(r, p.o.hostId) && (!p.o.idHash || !r.id_hash || r.id_hash === p.o.idHash));
  return fits.length === 1 && !matched.has(fits[0]!.key) ? fits[0]!.key : undefined;
}
