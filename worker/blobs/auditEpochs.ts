import { pad } from './auditSegments';

/**
 * A signed record that a tenant's log starts a new epoch: its entries were hashed anew (from the
 * first) and are sealed under `audit/<tenant>/e<epoch>/`. It names where the previous epoch's sealed
 * part ended, so that part stays checkable against the segments it left behind.
 */
export interface EpochRecord {
  version: 1;
  tenantId: string;
  epoch: number;
  previous: { epoch: number; sealedTo: number; head: string };
  reason: string;
  at: string;
  publicKey: string;
  signature: string;
}

const epochKey = (tenantId: string, epoch: number) => `audit/${tenantId}/epochs/${pad(epoch)}.json`;

/** False when the record already exists (a re-chain that resumed): it is never replaced. */
export async function putEpoch(bucket: R2Bucket, r: EpochRecord): Promise<boolean> {
  const put = await bucket.put(epochKey(r.tenantId, r.epoch), JSON.stringify(r), {
    onlyIf: { etagDoesNotMatch: '*' },
    httpMetadata: { contentType: 'application/json' },
  });
  return put !== null;
}

/** Every epoch record of a tenant, in order (none for a log still in its first epoch). */
export async function listEpochs(bucket: R2Bucket, tenantId: string): Promise<(EpochRecord | null)[]> {
  const page = await bucket.list({ prefix: `audit/${tenantId}/epochs/`, limit: 1000 });
  const keys = page.objects.map((o) => o.key).sort();
  return Promise.all(
    keys.map(async (k) => {
      const obj = await bucket.get(k);
      try {
        return obj ? (JSON.parse(await obj.text()) as EpochRecord) : null;
      } catch {
        return null;
      }
    }),
  );
}
