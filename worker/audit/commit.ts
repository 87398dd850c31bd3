import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { auditHead, insertAudit } from '../db/audit';
import { finishIdempotency } from '../db/idempotency';
import { releaseLease, takeLease } from '../db/writeLeases';
import { randomText } from '../lib/crypto';
import { fail } from '../errors';
import { chainDrafts, type AuditDraft } from './chain';
import { opaqueSubjects } from './subjects';

export interface WriteStep<R> {
  statements: D1PreparedStatement[];
  audit: AuditDraft[];
  result: R;
  status?: 200 | 201;
}

/** Who writes, and where the reply of an idempotent request is to be kept. */
export interface Writer {
  db: D1Database;
  tenantId: string;
  actor: string;
  requestId: string;
  idempotency?: { tenantId: string; key: string };
}

const ATTEMPTS = 6;
/** A lease outlives any real write (a 5,000-row batch takes well under a second); a writer that died frees it then. */
const LEASE_MS = 30_000;
/** How long a writer queues for its turn before it is told to come back (429, Retry-After). */
const WAIT_MS = 8_000;
const RETRY_AFTER_S = '2';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const busy = (): never =>
  fail(429, 'busy', '团队的其他写入正在进行：请稍后重试（扩展会按 Retry-After 自动重试，不会丢失）', {
    'Retry-After': RETRY_AFTER_S,
  });

/**
 * Queues for the tenant's write lease: polls with a growing, jittered pause; 429 after WAIT_MS. The
 * pause grows to 250 ms: 50 waiters polling every 120 ms made local D1 drop its connections (503s in
 * bench:worker under load), while a turn still comes round well within WAIT_MS.
 */
async function takeTurn(db: D1Database, tenantId: string, holder: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 1.5, 250)) {
    const now = Date.now();
    if (await takeLease(db, tenantId, holder, now, now + LEASE_MS)) return;
    if (Date.now() >= deadline) busy();
    await sleep(pause * (0.5 + Math.random()));
  }
}

/**
 * Every state change goes through here: `build` reads what it needs and says what to write; the
 * writes, their audit entries, the idempotency record and the lease's release commit in one D1 batch
 * (all or nothing). Writers of one tenant take turns through a lease, so the audit head read before
 * `build` is still the head when the batch commits; the audit key (tenant, seq) remains the
 * safeguard — a batch that lost a race anyway (a lease that expired) fails whole and is rebuilt from
 * fresh reads. A writer that cannot get its turn in time is refused with 429 and nothing written.
 */
export async function appendWrite<R>(w: Writer, build: () => Promise<WriteStep<R>>): Promise<WriteStep<R>> {
  const holder = randomText(12);
  for (let attempt = 1; ; attempt++) {
    await takeTurn(w.db, w.tenantId, holder);
    let released = false;
    try {
      const head = await auditHead(w.db, w.tenantId);
      const step = await build();
      const at = new Date().toISOString();
      const opaque = await opaqueSubjects(w.db, w.tenantId, step.audit);
      const entries = chainDrafts(head, opaque.entries, { actor: w.actor, requestId: w.requestId, at });
      const finish = w.idempotency ? [finishIdempotency(w.db, w.idempotency, step.status ?? 200, step.result)] : [];
      // Links first: a write that erases a person unlinks it after.
      await w.db.batch([
        ...opaque.link,
        ...step.statements,
        ...insertAudit(w.db, w.tenantId, entries),
        ...finish,
        releaseLease(w.db, w.tenantId, holder),
      ]);
      released = true;
      return step;
    } catch (err) {
      if (!isRaceLoss(err)) throw err;
      if (attempt >= ATTEMPTS) busy();
    } finally {
      if (!released) await releaseLease(w.db, w.tenantId, holder).run();
    }
    await sleep(Math.random() * 20 * attempt);
  }
}

/** appendWrite for a request: its id, and its idempotency record, which is then settled. */
export async function commitWrite<R>(
  c: Context<AppEnv>,
  tenantId: string,
  actor: string,
  build: () => Promise<WriteStep<R>>,
): Promise<WriteStep<R>> {
  const idempotency = c.get('idempotency');
  const step = await appendWrite({ db: c.env.DB, tenantId, actor, requestId: c.get('requestId'), idempotency }, build);
  if (idempotency) c.set('idempotency', undefined);
  return step;
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
