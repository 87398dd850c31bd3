import { createHash } from 'node:crypto';

/** Synchronous SHA-256 (node:crypto under nodejs_compat): a 5,000-row sync chains 10,000 hashes. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a state change says about itself before it gets a place in the chain. */
export interface AuditDraft {
  action: string;
  orgId: string | null;
  subject: string | null;
  /** Hashed into `digest`: the entry proves what was written without repeating it. */
  payload: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  org_id: string | null;
  action: string;
  subject: string | null;
  digest: string;
  request_id: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** Sorted key order per object shape: a sync's 5,000 rows share one shape, so they sort once. */
const keyOrders = new Map<string, [string, string][]>();

/** Stable JSON: keys sorted, undefined left out, so the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const own = Object.keys(value);
  const shape = own.join(',');
  let order = keyOrders.get(shape);
  if (!order) {
    if (keyOrders.size > 1000) keyOrders.clear();
    order = own.sort().map((k) => [k, `${JSON.stringify(k)}:`]);
    keyOrders.set(shape, order);
  }
  let out = '{';
  let first = true;
  for (const [k, prefix] of order) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + prefix + canonicalJson(v);
    first = false;
  }
  return `${out}}`;
}

/** The bytes an entry's hash covers: its position, content and the previous entry's hash. */
export function entryText(prevHash: string, e: Omit<AuditEntry, 'hash'>): string {
  return [prevHash, e.seq, e.at, e.actor, e.org_id ?? '', e.action, e.subject ?? '', e.digest, e.request_id].join('\n');
}

export const hashEntry = (prevHash: string, e: Omit<AuditEntry, 'hash'>) => sha256(entryText(prevHash, e));

/** A token's id without its label (`tok_…:张老师的电脑` → `tok_…`): labels are readable, never hashed. */
export const opaqueActor = (actor: string) => actor.split(':', 1)[0]!;

/** A request's id as the chain keeps it: a digest, since a client chooses the id it sends. */
export const requestDigest = (requestId: string) => sha256(`request\u0000${requestId}`).slice(0, 32);

/**
 * Places drafts after `head`. Only opaque values are hashed: the actor's token id, the request id's
 * digest, and subjects as given — a person's subject is replaced by its opaque id before this
 * (subjects.ts), so readable data can be erased from D1 without touching the chain.
 */
export function chainDrafts(
  head: { seq: number; hash: string },
  drafts: AuditDraft[],
  meta: { actor: string; requestId: string; at: string },
): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = head.hash;
  let seq = head.seq;
  for (const d of drafts) {
    const digest = sha256(canonicalJson(d.payload));
    const e = {
      seq: ++seq,
      at: meta.at,
      actor: opaqueActor(meta.actor),
      org_id: d.orgId,
      action: d.action,
      subject: d.subject,
      digest,
      request_id: requestDigest(meta.requestId),
    };
    const hash = hashEntry(prev, e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}
