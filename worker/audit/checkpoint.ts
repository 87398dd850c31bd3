import { getSegment, listSegmentKeys, type Segment } from '../blobs/auditSegments';
import { sha256Hex } from '../lib/crypto';
import { GENESIS } from './chain';

/**
 * What a sealed segment stands for — the text its signature covers, and where sealing has got to —
 * read by sealing, by re-chaining and by verifying alike.
 */

/** What a segment's signature covers: tenant, range, both ends of the chain, and the list of hashes. */
export async function checkpointText(
  s: Pick<Segment, 'tenantId' | 'epoch' | 'from' | 'to' | 'prevHead' | 'head' | 'hashes'>,
): Promise<string> {
  // The first epoch's segments were signed before epochs existed; later ones sign their epoch too.
  const epoch = s.epoch && s.epoch > 1 ? ['laa-audit-checkpoint/2', s.epoch] : ['laa-audit-checkpoint/1'];
  return [...epoch, s.tenantId, s.from, s.to, s.prevHead, s.head, await sha256Hex(s.hashes.join(''))].join('\n');
}

/** Where sealing got to, read from R2 (the signed objects are the truth, not a row in D1). */
export async function sealedHead(
  bucket: R2Bucket,
  tenantId: string,
  epoch: number,
): Promise<{ seq: number; hash: string }> {
  const keys = await listSegmentKeys(bucket, tenantId, epoch);
  const last = keys[keys.length - 1];
  if (!last) return { seq: 0, hash: GENESIS };
  const seg = await getSegment(bucket, last.key);
  return seg ? { seq: seg.to, hash: seg.head } : { seq: last.to, hash: GENESIS };
}
