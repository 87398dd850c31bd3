import { linkSubjects, opaqueIds } from '../db/auditSubjects';
import { randomText } from '../lib/crypto';
import type { AuditDraft } from './chain';

/** Entries about a person: their subject is a member key or a member's identifier, never hashed as such. */
export const PERSON_ACTIONS = /^(member|preflight|modification)\./;
/** What the chain holds for a person: a random id, linked to the readable key only in `audit_subjects`. */
export const OPAQUE_SUBJECT = /^s_[A-Za-z0-9_-]{16}$/;

export const isPersonEntry = (e: { action: string; subject: string | null }) =>
  PERSON_ACTIONS.test(e.action) && e.subject !== null && !OPAQUE_SUBJECT.test(e.subject);

/**
 * Replaces the readable subject of every entry about a person by its opaque id — the one already
 * linked, or a new one, with the statement that links it (to run in the same batch as the entries).
 */
export async function opaqueSubjects<E extends Pick<AuditDraft, 'action' | 'subject'>>(
  db: D1Database,
  tenantId: string,
  entries: E[],
): Promise<{ entries: E[]; link: D1PreparedStatement[] }> {
  const readables = [...new Set(entries.filter(isPersonEntry).map((e) => e.subject!))];
  const known = await opaqueIds(db, tenantId, readables);
  const fresh: [string, string][] = [];
  for (const r of readables) {
    if (known.has(r)) continue;
    const id = `s_${randomText(12)}`;
    known.set(r, id);
    fresh.push([r, id]);
  }
  return {
    entries: entries.map((e) => (isPersonEntry(e) ? { ...e, subject: known.get(e.subject!)! } : e)),
    link: fresh.length ? [linkSubjects(db, tenantId, fresh)] : [],
  };
}
