/**
 * Sealed audit segments in R2: `audit/<tenant>/<from>-<to>.json`, each holding the entries' hashes
 * and a signed checkpoint. Written with `If-None-Match: *` semantics: an existing object is never replaced.
 */
export interface Segment {
  version: 1;
  tenantId: string;
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

const pad = (n: number) => String(n).padStart(12, '0');
export const segmentKey = (tenantId: string, from: number, to: number) =>
  `audit/${tenantId}/${pad(from)}-${pad(to)}.json`;

/** Returns false when an object already sits under this key (nothing is overwritten). */
export async function putSegment(bucket: R2Bucket, seg: Segment): Promise<boolean> {
  const put = await bucket.put(segmentKey(seg.tenantId, seg.from, seg.to), JSON.stringify(seg), {
    onlyIf: { etagDoesNotMatch: '*' },
    httpMetadata: { contentType: 'application/json' },
  });
  return put !== null;
}

/** Every segment key of a tenant, in order. */
export async function listSegmentKeys(
  bucket: R2Bucket,
  tenantId: string,
): Promise<{ key: string; from: number; to: number }[]> {
  const out: { key: string; from: number; to: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: `audit/${tenantId}/`, cursor, limit: 1000 });
    for (const o of page.objects) {
      const m = /\/(\d{12})-(\d{12})\.json$/.exec(o.key);
      if (m) out.push({ key: o.key, from: Number(m[1]), to: Number(m[2]) });
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
