import { Hono } from 'hono';
import { SyncBatch } from '../../shared/api/sync';
import { actorOf, scopeRange } from '../auth/context';
import { limitWrites, requireAuth } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { writeMembers } from '../db/members';
import { upsertPreflights } from '../db/preflights';
import { orgsInRange } from '../db/orgs';
import type { AppEnv } from '../env';
import { idempotent } from '../lib/idempotency';
import { OrgTree } from '../lib/orgTree';
import { valid } from '../lib/validate';
import { planSync } from '../members/sync';

/**
 * `POST /v1/sync`: a batch of member observations and preflight results, written in one D1 batch
 * together with their audit entries and the idempotency record — all or nothing.
 */
export const sync = new Hono<AppEnv>().post(
  '/',
  requireAuth,
  limitWrites,
  idempotent(true),
  valid('json', SyncBatch),
  async (c) => {
    const auth = c.get('auth');
    const batch = c.req.valid('json');
    const range = scopeRange(auth.role, auth.org.path);
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      const tree = new OrgTree(await orgsInRange(c.env.DB, auth.tenantId, range.lo, range.hi));
      const plan = await planSync(c.env.DB, auth, tree, batch, Date.now());
      return {
        statements: [
          ...writeMembers(c.env.DB, auth.tenantId, range, plan.members),
          ...upsertPreflights(c.env.DB, auth.tenantId, range, plan.preflights),
        ],
        audit: plan.audit,
        result: plan.result,
      };
    });
    return c.json(step.result);
  },
);
