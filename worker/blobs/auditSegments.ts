/**
 * Sealed audit segments in R2, each holding the entries' hashes and a signed checkpoint. Written with
 * `If-None-Match: *` semantics: an existing object is never replaced. A tenant's log lives in epochs:
 * the first under `audit/<tenant>/<from>-<to>.json`, a later one (after the log was re-chained, see
 * audit/rechain.ts) under `audit/<tenant>/e<epoch>/…`; the epochs themselves are signed records in
 * `audit/<tenant>/epochs/` (auditEpochs.ts).
 */
export interface Segment {
  version: 1;
  tenantId: string;
  /** Absent in the first epoch. */
  epoch?: number;
  from: number;
  to: number;
  /** The hash of entry `from - 1` (the genesis value for the first segment). */
  prevHead: string;
  /** The hash of entry `to`: with `to` as the count, the checkpoint. */
  head: string;
  hashes: string[];
  sealedAt: string;
  publicKey: string;
  signature: string;
}

export interface SegmentKey {
  key: string;
  from: number;
  to: number;
  /** R2's etag: a replaced object gets a new one, so a list tells what changed without reading it. */
  etag: string;
}

export const pad = (n: number) => String(n).padStart(12, '0');
const epochPrefix = (tenantId: string, epoch: number) =>
  epoch === 1 ? `audit/${tenantId}/` : `audit/${tenantId}/e${epoch}/`;
export const segmentKey = (tenantId: string, from: number, to: number, epoch = 1) =>
  `${epochPrefix(tenantId, epoch)}${pad(from)}-${pad(to)}.json`;

/** Returns false when an object already sits under this key (nothing is overwritten). */
export async function putSegment(bucket: R2Bucket, seg: Segment): Promise<boolean> {
  const put = await bucket.put(segmentKey(seg.tenantId, seg.from, seg.to, seg.epoch ?? 1), JSON.stringify(seg), {
    onlyIf: { etagDoesNotMatch: '*' },
    httpMetadata: { contentType: 'application/json' },
  });
  return put !== null;
}

/** Every segment key of a tenant's epoch, in order. */
export async function listSegmentKeys(bucket: R2Bucket, tenantId: string, epoch = 1): Promise<SegmentKey[]> {
  const out: SegmentKey[] = [];
  let cursor: string | undefined;
  do {
    // The first epoch's objects sit beside the later epochs' folders: list only this level.
    const page = await bucket.list({ prefix: epochPrefix(tenantId, epoch), delimiter: '/', cursor, limit: 1000 });
    for (const o of page.objects) {
      const m = /\/(\d{12})-(\d{12})\.json$/.exec(o.key);
      if (m) out.push({ key: o.key, from: Number(m[1]), to: Number(m[2]), etag: o.etag });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

export async function getSegment(bucket: R2Bucket, key: string): Promise<Segment | null> {
  const obj = await bucket.get(key);
  if (!obj) return null;
  try {
    return JSON.parse(await obj.text()) as Segment;
  } catch {
    return null;
  }
}
