import { createHmac } from 'node:crypto';
import { fromBase64 } from '../lib/crypto';

/**
 * shared/domain/idCard.ts `hashName`, synchronously (node:crypto): a 5,000-row sync hashes up to
 * 5,000 names, and one awaited WebCrypto call each costs more than the hashing. The construction is
 * the same — HMAC-SHA-256 under the tenant key over "name\0<trimmed name>" — and a test holds the
 * two equal.
 */
export function nameHasher(tenantKeyBase64: string): (name: string) => string {
  const key = fromBase64(tenantKeyBase64);
  return (name) => createHmac('sha256', key).update(`name\u0000${name.trim()}`, 'utf8').digest('hex');
}
