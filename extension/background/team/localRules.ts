/**
 * Committees' local rules (shared/api/localRules.ts) in the background: read from the worker when
 * the team is connected, kept for when it is not, and handed to the upload check. Only rules come
 * from the worker; nothing read from a form goes to it.
 */
import { LocalRulesBody, LocalRulesView, type AppliedLocalRule, type LocalRule } from '../../../shared/api/localRules';
import type { LocalDb } from '../store/db';
import type { WorkerApi } from './client';

const KEPT = 'localRules';

/** The rules that apply to this admin's organisation: fresh from the worker, else as last read. */
export async function localRulesFor(db: LocalDb, call: WorkerApi | null): Promise<AppliedLocalRule[]> {
  if (call) {
    const fresh = await call('/v1/local-rules', LocalRulesView).catch(() => null);
    if (fresh) {
      await db.put('kv', fresh.rules, KEPT);
      return fresh.rules;
    }
  }
  return ((await db.get('kv', KEPT)) as AppliedLocalRule[] | undefined) ?? [];
}

/** A committee sets the rules of an organisation of its subtree (the options page). */
export async function setLocalRules(
  db: LocalDb,
  call: WorkerApi,
  orgId: string,
  rules: LocalRule[],
): Promise<AppliedLocalRule[]> {
  const reply = await call(`/v1/local-rules/${encodeURIComponent(orgId)}`, LocalRulesView, {
    method: 'PUT',
    body: LocalRulesBody.parse({ rules }),
  });
  await localRulesFor(db, call);
  return reply.rules;
}
