import { getSegment, type Segment, type SegmentKey } from '../blobs/auditSegments';

const MAX = 64;
/** Segments already fetched, by key and etag: an object is immutable, a replaced one has a new etag. */
const cache = new Map<string, Segment | null>();

/** A segment from R2, or from this isolate's copy while its etag is the same. */
export async function cachedSegment(bucket: R2Bucket, k: SegmentKey): Promise<Segment | null> {
  const id = `${k.key}\u0000${k.etag}`;
  if (cache.has(id)) {
    const hit = cache.get(id)!;
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const seg = await getSegment(bucket, k.key);
  cache.set(id, seg);
  if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return seg;
}
