import { putSegment, segmentKey, type Segment } from '../blobs/auditSegments';
import { auditPage, rechainState, recordSeal, tenantsWithAudit } from '../db/audit';
import { currentEpoch } from './epoch';
import { rechainPending } from './rechain';
import type { Bindings } from '../env';
import { checkpointText, sealedHead } from './checkpoint';
import { hashEntry } from './chain';
import { sign, envSigningKeys, type SigningKeys } from './signing';

export const SEGMENT_MAX = 10_000;

/** Seals every entry not sealed yet into segments of at most SEGMENT_MAX entries. */
export async function sealTenant(
  env: Bindings,
  tenantId: string,
  keys?: SigningKeys,
): Promise<{ sealed: number; segments: number }> {
  const k = keys ?? (await envSigningKeys(env));
  // A log being re-chained is half old, half new: it is sealed once the re-chain is done.
  if ((await rechainState(env.DB, tenantId))?.state === 'running') return { sealed: 0, segments: 0 };
  const { epoch } = await currentEpoch(env.AUDIT, tenantId, k);
  let head = await sealedHead(env.AUDIT, tenantId, epoch);
  let sealed = 0;
  let segments = 0;
  for (;;) {
    const entries = await auditPage(env.DB, tenantId, head.seq, SEGMENT_MAX);
    if (entries.length === 0) break;
    // Seal only a chain that holds together from the last checkpoint: never sign over a break.
    let prev = head.hash;
    const hashes: string[] = [];
    for (const [i, e] of entries.entries()) {
      if (e.seq !== head.seq + i + 1 || hashEntry(prev, e) !== e.hash) break;
      hashes.push(e.hash);
      prev = e.hash;
    }
    if (hashes.length === 0) {
      console.error(`audit chain of ${tenantId} breaks after ${head.seq}: not sealing`);
      break;
    }
    const body = {
      tenantId,
      ...(epoch > 1 ? { epoch } : {}),
      from: head.seq + 1,
      to: head.seq + hashes.length,
      prevHead: head.hash,
      head: prev,
      hashes,
    };
    const seg: Segment = {
      version: 1,
      ...body,
      sealedAt: new Date().toISOString(),
      publicKey: k.publicX,
      signature: await sign(k, await checkpointText(body)),
    };
    if (!(await putSegment(env.AUDIT, seg))) break; // another sealer got there first
    await recordSeal(env.DB, {
      tenantId,
      lastSeq: seg.to,
      headHash: seg.head,
      key: segmentKey(tenantId, seg.from, seg.to, epoch),
      at: seg.sealedAt,
    }).run();
    sealed += hashes.length;
    segments++;
    head = { seq: seg.to, hash: seg.head };
    if (hashes.length < entries.length) break;
  }
  return { sealed, segments };
}

export async function sealAll(env: Bindings): Promise<void> {
  const keys = await envSigningKeys(env);
  await rechainPending(env, keys);
  for (const t of await tenantsWithAudit(env.DB)) await sealTenant(env, t, keys);
}
