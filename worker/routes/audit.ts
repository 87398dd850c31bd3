import { Hono } from 'hono';
import { AuditListQuery, type AuditListResponse } from '../../shared/api/audit';
import { scopeRange } from '../auth/context';
import { requireAuth, requireCommittee } from '../auth/middleware';
import { verifyChain } from '../audit/verify';
import { PERSON_ACTIONS } from '../audit/subjects';
import { auditPage, auditPageForOrgs } from '../db/audit';
import { readableSubjects } from '../db/auditSubjects';
import { cachedTree } from '../lib/orgCache';
import type { AppEnv } from '../env';
import { valid } from '../lib/validate';

export const audit = new Hono<AppEnv>()
  .use(requireAuth, requireCommittee)
  /** The top committee reads the whole log; a committee below reads its subtree's entries. */
  .get('/', valid('query', AuditListQuery), async (c) => {
    const auth = c.get('auth');
    const { after, limit } = c.req.valid('query');
    let entries;
    if (auth.org.seq === auth.tenant.rootSeq) entries = await auditPage(c.env.DB, auth.tenantId, after, limit);
    else {
      const { lo, hi } = scopeRange(auth.role, auth.org.path);
      const ids = (await cachedTree(c.env.DB, auth, lo, hi)).rows.map((o) => o.id);
      entries = await auditPageForOrgs(c.env.DB, auth.tenantId, ids, after, limit);
    }
    // Who a person's entry is about, while the member exists: the chain itself names only an opaque id.
    const people = await readableSubjects(
      c.env.DB,
      auth.tenantId,
      entries.flatMap((e) => (PERSON_ACTIONS.test(e.action) && e.subject ? [e.subject] : [])),
    );
    const body: AuditListResponse = {
      entries: entries.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        orgId: e.org_id,
        action: e.action,
        subject: e.subject,
        ...(PERSON_ACTIONS.test(e.action) ? { member: people.get(e.subject ?? '') ?? null } : {}),
        digest: e.digest,
        requestId: e.request_id,
        hash: e.hash,
      })),
      next: entries.length === limit ? entries[entries.length - 1]!.seq : null,
    };
    return c.json(body);
  })
  .get('/verify', async (c) => c.json(await verifyChain(c.env, c.get('auth').tenantId)));
