import { listEpochs, type EpochRecord } from '../blobs/auditEpochs';
import { sign, verifySignature, type SigningKeys } from './signing';

export const epochText = (r: Omit<EpochRecord, 'version' | 'publicKey' | 'signature'>) =>
  [
    'laa-audit-epoch/1',
    r.tenantId,
    r.epoch,
    r.previous.epoch,
    r.previous.sealedTo,
    r.previous.head,
    r.reason,
    r.at,
  ].join('\n');

export async function signEpoch(
  keys: SigningKeys,
  r: Omit<EpochRecord, 'version' | 'publicKey' | 'signature'>,
): Promise<EpochRecord> {
  return { version: 1, ...r, publicKey: keys.publicX, signature: await sign(keys, epochText(r)) };
}

/**
 * The tenant's current epoch, from the signed records in R2 (never from D1): 1 when there are none.
 * Records must follow each other (2, 3, …) and carry the worker's signature; the first one that does
 * not is reported, and the epoch before it is taken.
 */
export async function currentEpoch(
  bucket: R2Bucket,
  tenantId: string,
  keys: SigningKeys,
): Promise<{ epoch: number; problem: string | null }> {
  let epoch = 1;
  for (const r of await listEpochs(bucket, tenantId)) {
    const valid =
      r &&
      r.tenantId === tenantId &&
      r.epoch === epoch + 1 &&
      r.previous.epoch === epoch &&
      (await verifySignature(keys, epochText(r), r.signature));
    if (!valid) return { epoch, problem: `第 ${epoch + 1} 个纪元记录的签名或衔接无效` };
    epoch = r.epoch;
  }
  return { epoch, problem: null };
}
