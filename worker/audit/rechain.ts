import { putEpoch } from '../blobs/auditEpochs';
import {
  auditPage,
  forgetSeals,
  insertAudit,
  pendingRechains,
  rechainState,
  rewriteAudit,
  setRechain,
} from '../db/audit';
import { releaseLease, takeLease } from '../db/writeLeases';
import type { Bindings } from '../env';
import { randomText } from '../lib/crypto';
import { chainDrafts, hashEntry, opaqueActor, requestDigest, type AuditEntry } from './chain';
import { currentEpoch, signEpoch } from './epoch';
import { sealedHead } from './checkpoint';
import { envSigningKeys, type SigningKeys } from './signing';
import { opaqueSubjects } from './subjects';
import { verifyAudit } from './verify';

const PAGE = 2000;
/** Writers wait for a page to be re-chained (or come back after their Retry-After). */
const LEASE_MS = 5 * 60_000;

type Step = 'running' | 'done' | 'blocked' | 'busy' | 'none';

/**
 * Entries written before the chain held only opaque values (migration 0018) hashed the token's
 * label, member keys and the client's request id. This re-chains a tenant's log once: it checks the
 * old chain against its signed checkpoints first (never re-hashing over a change: that would launder
 * it), replaces those values by the token id, the person's opaque id and the request id's digest,
 * hashes every entry anew, records a signed new epoch in R2 and appends an `audit.rechain` entry; the
 * cron then seals the new epoch from the first entry. The old epoch's segments stay untouched. Page
 * by page, each its own D1 batch with the progress: an interrupted re-chain resumes where it stopped.
 */
export async function rechainStep(
  env: Bindings,
  tenantId: string,
  opts: { pageSize?: number; keys?: SigningKeys } = {},
): Promise<Step> {
  const st = await rechainState(env.DB, tenantId);
  if (!st) return 'none';
  if (st.state === 'done' || st.state === 'blocked') return st.state;
  const keys = opts.keys ?? (await envSigningKeys(env));
  const holder = `rechain-${randomText(9)}`;
  const now = Date.now();
  if (!(await takeLease(env.DB, tenantId, holder, now, now + LEASE_MS))) return 'busy';
  let held = true;
  try {
    if (st.state === 'pending') {
      const v = await verifyAudit(env, tenantId, { full: true, scope: null });
      if (v.firstMismatch) {
        const note = `第 ${v.firstMismatch.seq} 条：${v.firstMismatch.reason}`;
        await setRechain(env.DB, tenantId, { ...st, state: 'blocked', note }).run();
        console.error(`audit log of ${tenantId} does not verify, not re-chaining: ${note}`);
        return 'blocked';
      }
    }
    const page = await auditPage(env.DB, tenantId, st.next_seq - 1, opts.pageSize ?? PAGE);
    if (page.length === 0) {
      await finish(env, tenantId, st.prev_hash, st.next_seq - 1, holder, keys);
      held = false;
      return 'done';
    }
    const opaque = await opaqueSubjects(env.DB, tenantId, page);
    let prev = st.prev_hash;
    const rewritten = opaque.entries.map((e): AuditEntry => {
      const next = { ...e, actor: opaqueActor(e.actor), request_id: opaqueRequest(e.request_id) };
      prev = hashEntry(prev, next);
      return { ...next, hash: prev };
    });
    await env.DB.batch([
      ...opaque.link,
      ...rewriteAudit(env.DB, tenantId, rewritten),
      setRechain(env.DB, tenantId, {
        state: 'running',
        next_seq: page[page.length - 1]!.seq + 1,
        prev_hash: prev,
        note: null,
      }),
      releaseLease(env.DB, tenantId, holder),
    ]);
    held = false;
    return 'running';
  } finally {
    if (held) await releaseLease(env.DB, tenantId, holder).run();
  }
}

/** A request id already kept as a digest stays as it is: a resumed re-chain changes nothing twice. */
const opaqueRequest = (id: string) => (/^[0-9a-f]{32}$/.test(id) ? id : requestDigest(id));

/** The new epoch, signed in R2 first (an existing record is kept), then the closing entry. */
async function finish(env: Bindings, tenantId: string, head: string, last: number, holder: string, keys: SigningKeys) {
  const { epoch } = await currentEpoch(env.AUDIT, tenantId, keys);
  const sealed = await sealedHead(env.AUDIT, tenantId, epoch);
  const at = new Date().toISOString();
  await putEpoch(
    env.AUDIT,
    await signEpoch(keys, {
      tenantId,
      epoch: epoch + 1,
      previous: { epoch, sealedTo: sealed.seq, head: sealed.hash },
      reason: 'opaque-subjects',
      at,
    }),
  );
  const entries = chainDrafts(
    { seq: last, hash: head },
    [
      {
        action: 'audit.rechain',
        orgId: null,
        subject: null,
        payload: { epoch: epoch + 1, previous: { epoch, sealedTo: sealed.seq, head: sealed.hash }, entries: last },
      },
    ],
    { actor: 'system', requestId: `rechain-${tenantId}`, at },
  );
  await env.DB.batch([
    ...insertAudit(env.DB, tenantId, entries),
    forgetSeals(env.DB, tenantId),
    setRechain(env.DB, tenantId, { state: 'done', next_seq: last + 2, prev_hash: entries[0]!.hash, note: null }),
    releaseLease(env.DB, tenantId, holder),
  ]);
}

/** The cron's part: every tenant waiting for its re-chain, to the end (a busy tenant waits for the next run). */
export async function rechainPending(env: Bindings, keys: SigningKeys): Promise<void> {
  for (const tenantId of await pendingRechains(env.DB)) {
    try {
      while ((await rechainStep(env, tenantId, { keys })) === 'running');
    } catch (err) {
      console.error('re-chain failed', tenantId, err);
    }
  }
}
