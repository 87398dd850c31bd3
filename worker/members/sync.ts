import type { OrgRef } from '../../shared/api/common';
import type { MemberObservation, SyncBatch, SyncResponse } from '../../shared/api/sync';
import { maskName } from '../../shared/domain/idCard';
import { memberKey } from '../../shared/domain/identity';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import type { AuthContext } from '../auth/context';
import type { AuditDraft } from '../audit/chain';
import { membersForBatch, type PreflightRow } from '../db/members';
import { orgsByIds, orgsByLeagueIds, type OrgRow } from '../db/orgs';
import { fail } from '../errors';
import type { OrgTree } from '../lib/orgTree';
import { nameHasher } from './nameHash';
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
      key,
      keyWithoutHost,
      nameHash,
      values: fieldValues(o, org, nameHash, devNumber, storeNames),
      at: Math.min(Date.parse(o.observedAt), now),
    };
  });

  const existing = await membersForBatch(
    db,
    auth.tenantId,
    [...new Set(prepared.flatMap((p) => (p.keyWithoutHost ? [p.key, p.keyWithoutHost] : [p.key])))],
    [...new Set(prepared.flatMap((p) => (p.o.hostId ? [p.o.hostId] : [])))],
    [...new Set(prepared.flatMap((p) => (p.o.idHash ? [p.o.idHash] : [])))],
    prepared.flatMap((p) =>
      p.nameHash && p.o.joinedOn ? [{ org_seq: p.org.seq, joined_on: p.o.joinedOn, name_hash: p.nameHash }] : [],
    ),
  );
  const byKey = new Map(existing.map((r) => [r.key, r]));
  const byHost = new Map(existing.filter((r) => r.host_id).map((r) => [r.host_id!, r.key]));
  const byIdHash = new Map(existing.filter((r) => r.id_hash).map((r) => [r.id_hash!, r.key]));
  const orgPathOf = new Map(tree.rows.map((r) => [r.seq, r.path]));
  // Members known before this batch, by organisation, 入团时间 and name hash; and the keys rows of
  // this batch already matched: two members on one page are two members, never a correction.
  const byNameJoined = new Map<string, MemberRow[]>();
  for (const r of existing) {
    if (!r.name_hash || !r.joined_on) continue;
    const k = nameJoinedKey(r.org_seq, r.joined_on, r.name_hash);
    byNameJoined.set(k, [...(byNameJoined.get(k) ?? []), r]);
  }
  const matched = new Set<string>();
  const touched = new Map<string, { row: MemberRow; before: MemberRow | null; changed: Set<string> }>();

  const knownKey = (p: (typeof prepared)[number]) =>
    (p.o.hostId && byHost.get(p.o.hostId)) ||
    (byKey.has(p.key) ? p.key : undefined) ||
    (p.keyWithoutHost && sameHost(byKey.get(p.keyWithoutHost), p.o.hostId) ? p.keyWithoutHost : undefined) ||
    (p.o.idHash && byIdHash.get(p.o.idHash)) ||
    undefined;
  for (const p of prepared) {
    const k = knownKey(p);
    if (k) matched.add(k);
  }

  prepared.forEach((p, i) => {
    const key = knownKey(p) || correctedNumber(byNameJoined, matched, p) || p.key;
    matched.add(key);
    const prior = touched.get(key)?.row ?? byKey.get(key);
    if (prior && !orgPathOf.has(prior.org_seq)) {
      fail(403, 'out-of-scope', `第 ${i + 1} 行的团员属于你管理范围以外的组织：整批未写入`);
    }
    if (!prior && !p.o.joinedOn)
      fail(422, 'joined-on-required', `第 ${i + 1} 行是新团员，须提供入团时间（joinedOn）：整批未写入`);
    const base = prior ?? emptyRow(auth.tenantId, key, p.org.seq, now);
    const { row, changed } = mergeFields(base, p.values, p.at);
    const entry = touched.get(key) ?? { row, before: prior ?? null, changed: new Set<string>() };
    entry.row = { ...row, updated_at: changed.length ? now : row.updated_at };
    changed.forEach((f) => entry.changed.add(f));
    touched.set(key, entry);
    byKey.set(key, entry.row);
    if (row.host_id) byHost.set(row.host_id, key);
    if (row.id_hash) byIdHash.set(row.id_hash, key);
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

  const pfOrgs = await resolveOrgs(
    db,
    auth,
    tree,
    batch.preflights.map((p) => p.org),
  );
  const preflights: PreflightRow[] = batch.preflights.map((p, i) => {
    const org = pfOrgs[i]!;
    const ref = p.member.hostId
      ? `id:${p.member.hostId}`
      : p.member.idHash
        ? `ih:${p.member.idHash}`
        : `no:${org.id}:${normaliseDevNumber(p.member.devNumber!)}`;
    // 仍要上传 is a decision against the check's advice: its own entry, with the admin's reason.
    audit.push({
      action: p.decision === 'override' ? 'preflight.override' : 'preflight.record',
      orgId: org.id,
      subject: ref,
      payload: p,
    });
    return {
      tenant_id: auth.tenantId,
      file_hash: p.fileHash,
      member_ref: ref,
      org_seq: org.seq,
      size: p.size,
      pages: p.pages,
      verdict: p.verdict,
      codes: JSON.stringify(p.codes),
      page1_number: p.page1Number ?? null,
      decision: p.decision ?? null,
      override_reason: p.overrideReason ?? null,
      observed_at: Math.min(Date.parse(p.observedAt), now),
    };
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

/** A known member that may be this row's: no host id of its own, or the same one. */
function sameHost(row: MemberRow | undefined, hostId: string | undefined): boolean {
  return !!row && (!row.host_id || row.host_id === hostId);
}

const nameJoinedKey = (orgSeq: number, joinedOn: string, nameHash: string) => `${orgSeq}|${joinedOn}|${nameHash}`;

/**
 * §5.8: the same name and 入团时间 in the same organisation under another 编号 is a correction of
 * that member's number, not a new member — unless two known members fit, when it cannot be told,
 * or the member was already matched by another row of this batch.
 */
function correctedNumber(
  byNameJoined: Map<string, MemberRow[]>,
  matched: Set<string>,
  p: { org: OrgRow; nameHash: string | undefined; o: MemberObservation },
): string | undefined {
  if (!p.nameHash || !p.o.joinedOn) return undefined;
  const fits = (byNameJoined.get(nameJoinedKey(p.org.seq, p.o.joinedOn, p.nameHash)) ?? []).filter(
    (r) => sameHost(r, p.o.hostId) && (!p.o.idHash || !r.id_hash || r.id_hash === p.o.idHash),
  );
  return fits.length === 1 && !matched.has(fits[0]!.key) ? fits[0]!.key : undefined;
}
