import type { PreflightResult } from '../../shared/api/sync';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import type { AuditDraft } from '../audit/chain';
import type { OrgRow } from '../db/orgs';
import type { PreflightRow } from '../db/preflights';
import type { Reach } from './reach';

/** The identifiers preflight rows name their members by, for the one read of a batch's members. */
export function preflightRefs(rows: PreflightResult[]) {
  return {
    hostIds: rows.flatMap((p) => (p.member.hostId ? [p.member.hostId] : [])),
    idHashes: rows.flatMap((p) => (p.member.idHash ? [p.member.idHash] : [])),
    devNumbers: rows.flatMap((p) => (p.member.devNumber ? [normaliseDevNumber(p.member.devNumber)] : [])),
  };
}

/**
 * One file check, recorded against the member it names as found in the writer's subtree — by host
 * id, 身份证号 hash or 编号 in the row's organisation. A member not (yet) known there is recorded
 * under the identifier the row gave, tied to the row's organisation: a member elsewhere with that
 * identifier never sees it.
 */
export function planPreflight(
  p: PreflightResult,
  org: OrgRow,
  reach: Reach,
  tenantId: string,
  now: number,
): { row: PreflightRow; audit: AuditDraft } {
  const dev = p.member.devNumber ? normaliseDevNumber(p.member.devNumber) : undefined;
  const member =
    (p.member.hostId && reach.withHost(p.member.hostId, org.seq)) ||
    (p.member.idHash && reach.withIdHash(p.member.idHash, org.seq)) ||
    (dev && (reach.withDevNumber(org.seq, dev, undefined) ?? reach.get(`no:${org.id}:${dev}`))) ||
    undefined;
  const named = p.member.hostId
    ? `id:${p.member.hostId}`
    : p.member.idHash
      ? `ih:${p.member.idHash}`
      : `no:${org.id}:${dev}`;
  const row: PreflightRow = {
    tenant_id: tenantId,
    file_hash: p.fileHash,
    member_ref: member ? `m:${member.key}` : `${named}@${org.seq}`,
    org_seq: member ? member.org_seq : org.seq,
    size: p.size,
    pages: p.pages,
    verdict: p.verdict,
    codes: JSON.stringify(p.codes),
    page1_number: p.page1Number ?? null,
    decision: p.decision ?? null,
    override_reason: p.overrideReason ?? null,
    observed_at: Math.min(Date.parse(p.observedAt), now),
  };
  // 仍要上传 is a decision against the check's advice: its own entry, with the admin's reason.
  const audit: AuditDraft = {
    action: p.decision === 'override' ? 'preflight.override' : 'preflight.record',
    orgId: org.id,
    subject: member ? member.key : named,
    payload: p,
  };
  return { row, audit };
}

/** The identifiers a member's file checks may have been recorded under before it was known. */
export function identifiersOf(
  m: { host_id: string | null; id_hash: string | null; dev_number: string | null; key: string },
  orgId: string,
): string[] {
  return [
    ...(m.host_id ? [`id:${m.host_id}`] : []),
    ...(m.id_hash ? [`ih:${m.id_hash}`] : []),
    ...(m.dev_number ? [`no:${orgId}:${m.dev_number}`] : []),
    ...(m.key.startsWith('no:') ? [m.key] : []),
  ];
}
