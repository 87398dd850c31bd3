/** Where verify got to for a tenant (audit/verify.ts): one signed object, rewritten as verify moves on. */
const key = (tenantId: string) => `audit/${tenantId}/verified.json`;

export async function getVerified<T>(bucket: R2Bucket, tenantId: string): Promise<T | null> {
  const obj = await bucket.get(key(tenantId));
  if (!obj) return null;
  try {
    return JSON.parse(await obj.text()) as T;
  } catch {
    return null;
  }
}

export async function putVerified(bucket: R2Bucket, tenantId: string, state: unknown): Promise<void> {
  await bucket.put(key(tenantId), JSON.stringify(state), { httpMetadata: { contentType: 'application/json' } });
}
