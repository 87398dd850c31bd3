import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { auditHead, insertAudit } from '../db/audit';
import { finishIdempotency } from '../db/idempotency';
import { fail } from '../errors';
import { chainDrafts, type AuditDraft } from './chain';

export interface WriteStep<R> {
  statements: D1PreparedStatement[];
  audit: AuditDraft[];
  result: R;
  status?: 200 | 201;
}

const ATTEMPTS = 6;

/**
 * Every state change goes through here: `build` reads what it needs and says what to write; the
 * writes, their audit entries and the idempotency record commit in one D1 batch (all or nothing).
 * The audit head is read before `build`, and entries take the next sequence numbers: a concurrent
 * writer that committed in between makes this batch fail on the audit key, and it is rebuilt from
 * fresh reads, so no update is lost.
 */
export async function commitWrite<R>(
  c: Context<AppEnv>,
  tenantId: string,
  actor: string,
  build: () => Promise<WriteStep<R>>,
): Promise<WriteStep<R>> {
  for (let attempt = 1; ; attempt++) {
    const head = await auditHead(c.env.DB, tenantId);
    const step = await build();
    const at = new Date().toISOString();
    const entries = chainDrafts(head, step.audit, { actor, requestId: c.get('requestId'), at });
    const idem = c.get('idempotency');
    const finish = idem ? [finishIdempotency(c.env.DB, idem, step.status ?? 200, step.result)] : [];
    const all = [...step.statements, ...insertAudit(c.env.DB, tenantId, entries), ...finish];
    try {
      if (all.length > 0) await c.env.DB.batch(all);
      if (idem) c.set('idempotency', undefined);
      return step;
    } catch (err) {
      if (!isRaceLoss(err) || attempt >= ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

function isRaceLoss(err: unknown): boolean {
  const m = String((err as Error)?.message ?? err);
  return /UNIQUE constraint failed: (audit\.|orgs\.seq)/.test(m) || /PRIMARY KEY/.test(m);
}

/** Maps a constraint the client caused to a 409/422 instead of a 500. */
export function constraintFailure(err: unknown): never {
  const m = String((err as Error)?.message ?? err);
  if (/orgs\.tenant_id, orgs\.league_id/.test(m)) fail(422, 'league-id-taken', '该 leagueId 已属于本团队的另一个组织');
  if (/orgs\.tenant_id, orgs\.id/.test(m)) fail(409, 'org-id-taken', '该组织编号已被使用');
  throw err;
}
