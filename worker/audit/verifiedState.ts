import type { AuditVerifyResponse } from '../../shared/api/audit';
import { getVerified, putVerified } from '../blobs/auditVerified';
import { canonicalJson } from './chain';
import { sign, verifySignature, type SigningKeys } from './signing';

export type Mismatch = { seq: number; reason: string };

/** One organisation's share of the log: entries, how many sealed, its last entry, the segments holding its sealed ones. */
export interface OrgFigures {
  e: number;
  s: number;
  m: number;
  /** A bitset of segment positions (hex): the checkpoints covering the organisation's sealed entries. */
  g: string;
}

/**
 * How far verify got, like a transparency log's monitor keeps the last tree head it checked: the
 * last entry chained and its hash, the last checkpoint checked against the entries, a digest of the
 * segment objects (key and etag) checked so far — a replaced or deleted one changes it — and each
 * organisation's figures. Kept in R2, signed by the worker: D1 cannot vouch for itself.
 */
export interface VerifiedState {
  version: 1;
  tenantId: string;
  epoch: number;
  seq: number;
  head: string;
  sealedTo: number;
  sealedHead: string;
  segments: string;
  checkpoints: number;
  orgs: Record<string, OrgFigures>;
  /** The last full verify (the daily cron's, or one asked for): its finding stands until the next one. */
  full: { at: string; mismatch: Mismatch | null } | null;
  at: string;
  signature?: string;
}

const stateText = (s: VerifiedState) => `laa-audit-verified/1\n${canonicalJson({ ...s, signature: undefined })}`;

export async function loadState(bucket: R2Bucket, tenantId: string, keys: SigningKeys): Promise<VerifiedState | null> {
  const s = await getVerified<VerifiedState>(bucket, tenantId);
  if (!s || s.version !== 1 || s.tenantId !== tenantId || !s.signature) return null;
  // Only the current key's: after a rotation, the first verify is a full one.
  return (await verifySignature(keys, stateText(s), s.signature, { currentOnly: true })) ? s : null;
}

export async function saveState(bucket: R2Bucket, keys: SigningKeys, s: VerifiedState): Promise<void> {
  await putVerified(bucket, s.tenantId, { ...s, signature: await sign(keys, stateText(s)) });
}

const bits = (hex: string) => (hex ? BigInt(`0x${hex}`) : 0n);

/** Counts an entry for its organisation: a new one (`fresh`), and/or one now sealed in segment `segment`. */
export function countEntry(
  orgs: Record<string, OrgFigures>,
  e: { seq: number; org_id: string | null },
  fresh: boolean,
  segment: number | null,
): void {
  const o = (orgs[e.org_id ?? ''] ??= { e: 0, s: 0, m: 0, g: '' });
  if (fresh) {
    o.e++;
    o.m = Math.max(o.m, e.seq);
  }
  if (segment !== null) {
    o.s++;
    o.g = (bits(o.g) | (1n << BigInt(segment))).toString(16);
  }
}

/**
 * The answer for a caller: the whole tenant's figures for the top committee; for a committee below,
 * its own organisations' — and a break in the chain counts against it only at or before its last entry.
 */
export function answer(
  run: { entries: number; sealed: number; checkpoints: number; orgs: Record<string, OrgFigures> },
  mismatch: Mismatch | null,
  scope: string[] | null,
  meta: { mode: 'full' | 'incremental'; fullVerifiedAt: string | null },
): AuditVerifyResponse {
  if (scope === null)
    return {
      ok: mismatch === null,
      entries: run.entries,
      sealed: run.sealed,
      unsealed: Math.max(0, run.entries - run.sealed),
      checkpoints: run.checkpoints,
      firstMismatch: mismatch,
      ...meta,
    };
  let entries = 0;
  let sealed = 0;
  let last = 0;
  let segments = 0n;
  for (const id of scope) {
    const o = run.orgs[id];
    if (!o) continue;
    entries += o.e;
    sealed += o.s;
    last = Math.max(last, o.m);
    segments |= bits(o.g);
  }
  const mine = mismatch && mismatch.seq <= last ? mismatch : null;
  return {
    ok: mine === null,
    entries,
    sealed,
    unsealed: entries - sealed,
    checkpoints: segments.toString(2).replace(/0/g, '').length,
    firstMismatch: mine,
    ...meta,
  };
}
