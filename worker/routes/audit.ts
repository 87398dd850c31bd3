import { Hono } from 'hono';
import { AuditListQuery, AuditVerifyQuery, type AuditListResponse } from '../../shared/api/audit';
import { scopeRange, type AuthContext } from '../auth/context';
import { requireAuth, requireCommittee } from '../auth/middleware';
import { verifyAudit } from '../audit/verify';
import { PERSON_ACTIONS } from '../audit/subjects';
import { auditPage, auditPageForOrgs } from '../db/audit';
import { readableSubjects } from '../db/auditSubjects';
import { cachedTree } from '../lib/orgCache';
import type { AppEnv } from '../env';
import { valid } from '../lib/validate';

const subtreeTree = (db: D1Database, auth: AuthContext) => {
  const { lo, hi } = scopeRange(auth.role, auth.org.path);
  return cachedTree(db, auth, lo, hi);
};

export const audit = new Hono<AppEnv>()
  .use(requireAuth, requireCommittee)
  /** The top committee reads the whole log; a committee below reads its subtree's entries. */
  .get('/', valid('query', AuditListQuery), async (c) => {
    const auth = c.get('auth');
    const { after, limit } = c.req.valid('query');
    let entries;
    if (auth.org.seq === auth.tenant.rootSeq) entries = await auditPage(c.env.DB, auth.tenantId, after, limit);
    else {
      const ids = (await subtreeTree(c.env.DB, auth)).rows.map((o) => o.id);
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
  /** The top committee gets the tenant's figures; a committee below, its own subtree's. */
  .get('/verify', valid('query', AuditVerifyQuery), async (c) => {
    const auth = c.get('auth');
    const scope =
      auth.org.seq === auth.tenant.rootSeq ? null : (await subtreeTree(c.env.DB, auth)).rows.map((o) => o.id);
    return c.json(await verifyAudit(c.env, auth.tenantId, { full: c.req.valid('query').full === '1', scope }));
  });
