import type { AuditEntry } from '../audit/chain';
import { GENESIS } from '../audit/chain';

export async function auditHead(db: D1Database, tenantId: string): Promise<{ seq: number; hash: string }> {
  const row = await db
    .prepare('SELECT seq, hash FROM audit WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1')
    .bind(tenantId)
    .first<{ seq: number; hash: string }>();
  return row ?? { seq: 0, hash: GENESIS };
}

/** Appends entries; (tenant_id, seq) is the primary key, so a writer that lost the race fails whole. */
export function insertAudit(db: D1Database, tenantId: string, entries: AuditEntry[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += 2000) {
    out.push(
      db
        .prepare(
          `INSERT INTO audit (tenant_id, seq, at, actor, org_id, action, subject, digest, request_id, hash)
           SELECT ?, value ->> 'seq', value ->> 'at', value ->> 'actor', value ->> 'org_id', value ->> 'action',
                  value ->> 'subject', value ->> 'digest', value ->> 'request_id', value ->> 'hash'
             FROM json_each(?)`,
        )
        .bind(tenantId, JSON.stringify(entries.slice(i, i + 2000))),
    );
  }
  return out;
}

const ENTRY_COLS = 'seq, at, actor, org_id, action, subject, digest, request_id, hash';

export async function auditPage(db: D1Database, tenantId: string, after: number, limit: number): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(`SELECT ${ENTRY_COLS} FROM audit WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
    .bind(tenantId, after, limit)
    .all<AuditEntry>();
  return results;
}

/** Entries of the given organisations only (a committee below the top sees its own subtree's entries). */
/** Given entries by position (a spot check's sample). */
export async function auditRows(db: D1Database, tenantId: string, seqs: number[]): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT ${ENTRY_COLS} FROM audit WHERE tenant_id = ? AND seq IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .bind(tenantId, JSON.stringify(seqs))
    .all<AuditEntry>();
  return results;
}

/** How far sealing got by D1's own record: a check on R2 (a deleted last segment), as R2 is on D1. */
export const sealedUpTo = async (db: D1Database, tenantId: string) =>
  (
    await db
      .prepare('SELECT coalesce(max(last_seq), 0) AS n FROM audit_seals WHERE tenant_id = ?')
      .bind(tenantId)
      .first<{ n: number }>()
  )?.n ?? 0;

export async function auditPageForOrgs(
  db: D1Database,
  tenantId: string,
  orgIds: string[],
  after: number,
  limit: number,
): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT ${ENTRY_COLS} FROM audit WHERE tenant_id = ? AND seq > ? AND org_id IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?`,
    )
    .bind(tenantId, after, JSON.stringify(orgIds), limit)
    .all<AuditEntry>();
  return results;
}

export const recordSeal = (
  db: D1Database,
  s: { tenantId: string; lastSeq: number; headHash: string; key: string; at: string },
) =>
  db
    .prepare(
      'INSERT OR IGNORE INTO audit_seals (tenant_id, last_seq, head_hash, object_key, sealed_at) VALUES (?, ?, ?, ?, ?)',
    )
    .bind(s.tenantId, s.lastSeq, s.headHash, s.key, s.at);

export const tenantsWithAudit = async (db: D1Database) =>
  (await db.prepare('SELECT DISTINCT tenant_id FROM audit').all<{ tenant_id: string }>()).results.map(
    (r) => r.tenant_id,
  );

export interface RechainState {
  tenant_id: string;
  state: 'pending' | 'running' | 'done' | 'blocked';
  next_seq: number;
  prev_hash: string;
  note: string | null;
}

export const rechainState = (db: D1Database, tenantId: string) =>
  db.prepare('SELECT * FROM audit_rechain WHERE tenant_id = ?').bind(tenantId).first<RechainState>();

export const pendingRechains = async (db: D1Database) =>
  (
    await db
      .prepare("SELECT tenant_id FROM audit_rechain WHERE state IN ('pending', 'running')")
      .all<{ tenant_id: string }>()
  ).results.map((r) => r.tenant_id);

export const setRechain = (
  db: D1Database,
  tenantId: string,
  s: Pick<RechainState, 'state' | 'next_seq' | 'prev_hash' | 'note'>,
) =>
  db
    .prepare('UPDATE audit_rechain SET state = ?, next_seq = ?, prev_hash = ?, note = ? WHERE tenant_id = ?')
    .bind(s.state, s.next_seq, s.prev_hash, s.note, tenantId);

/** Rewrites entries in place (the re-chain only): their opaque fields and new hashes. */
export function rewriteAudit(db: D1Database, tenantId: string, entries: AuditEntry[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += 2000) {
    out.push(
      db
        .prepare(
          `UPDATE audit SET actor = j.value ->> 'actor', subject = j.value ->> 'subject', request_id = j.value ->> 'request_id',
                  hash = j.value ->> 'hash'
             FROM json_each(?) j WHERE audit.tenant_id = ? AND audit.seq = j.value ->> 'seq'`,
        )
        .bind(JSON.stringify(entries.slice(i, i + 2000)), tenantId),
    );
  }
  return out;
}

/** Where sealing got to, forgotten when a new epoch starts sealing from the first entry. */
export const forgetSeals = (db: D1Database, tenantId: string) =>
  db.prepare('DELETE FROM audit_seals WHERE tenant_id = ?').bind(tenantId);
