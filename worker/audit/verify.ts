import type { AuditVerifyResponse } from '../../shared/api/audit';
import { getSegment, listSegmentKeys } from '../blobs/auditSegments';
import { auditPage } from '../db/audit';
import type { Bindings } from '../env';
import { GENESIS, hashEntry, type AuditEntry } from './chain';
import { currentEpoch } from './epoch';
import { checkpointText } from './seal';
import { signingKeys, verifySignature } from './signing';

const PAGE = 10_000;

/**
 * Re-checks the tenant's chain: every signed checkpoint in R2, then every entry in D1 — its place,
 * its hash from the previous one, and (once sealed) the hash the segment recorded for it. Names the
 * first entry that does not match, and how many recent entries are not sealed yet.
 */
export async function verifyChain(env: Bindings, tenantId: string): Promise<AuditVerifyResponse> {
  const keys = await signingKeys(env.AUDIT_SIGNING_KEY);
  const sealedHashes: string[] = [];
  let checkpoints = 0;
  let prevHead = GENESIS;
  let mismatch: { seq: number; reason: string } | null = null;
  // D1's first page is on its way while R2's segments are checked.
  let next: Promise<Awaited<ReturnType<typeof auditPage>>> | null = auditPage(env.DB, tenantId, 0, PAGE);
  const { epoch, problem } = await currentEpoch(env.AUDIT, tenantId, keys);
  if (problem) mismatch = { seq: 1, reason: problem };
  const keyList = mismatch ? [] : await listSegmentKeys(env.AUDIT, tenantId, epoch);
  const segments = await Promise.all(keyList.map((k) => getSegment(env.AUDIT, k.key)));
  for (const [i, s] of keyList.entries()) {
    const seg = segments[i];
    const from = sealedHashes.length + 1;
    const valid =
      seg &&
      (seg.epoch ?? 1) === epoch &&
      seg.from === from &&
      seg.to === s.to &&
      seg.prevHead === prevHead &&
      seg.hashes.length === seg.to - seg.from + 1 &&
      seg.hashes[seg.hashes.length - 1] === seg.head &&
      (await verifySignature(keys, await checkpointText(seg), seg.signature));
    if (!valid) {
      mismatch = { seq: from, reason: `封存段 ${s.key} 的签名或衔接无效` };
      break;
    }
    sealedHashes.push(...seg.hashes);
    prevHead = seg.head;
    checkpoints++;
  }
  const sealed = sealedHashes.length;
  let prev = GENESIS;
  let expected = 1;
  // The next page is read while this one is hashed.
  while (next && !mismatch) {
    const page: AuditEntry[] = await next;
    next = page.length === PAGE ? auditPage(env.DB, tenantId, page[page.length - 1]!.seq, PAGE) : null;
    for (const e of page) {
      if (e.seq !== expected) {
        mismatch = {
          seq: expected,
          reason: expected <= sealed ? `已封存的第 ${expected} 条记录缺失或顺序被改动` : `第 ${expected} 条记录缺失`,
        };
        break;
      }
      if (hashEntry(prev, e) !== e.hash) {
        mismatch = { seq: e.seq, reason: '记录内容与其哈希不符（被改动）' };
        break;
      }
      if (e.seq <= sealed && sealedHashes[e.seq - 1] !== e.hash) {
        mismatch = { seq: e.seq, reason: '记录与已封存的检查点不一致（被改动或重排）' };
        break;
      }
      prev = e.hash;
      expected++;
    }
  }
  if (next) await next.catch(() => undefined);
  const entries = expected - 1;
  if (!mismatch && entries < sealed)
    mismatch = { seq: entries + 1, reason: `已封存的第 ${entries + 1}–${sealed} 条记录被删除` };
  return {
    ok: mismatch === null,
    entries,
    sealed,
    unsealed: Math.max(0, entries - sealed),
    checkpoints,
    firstMismatch: mismatch,
  };
}
