import { Hono } from 'hono';
import { SyncBatch, SyncEnvelope } from '../../shared/api/sync';
import { actorOf, scopeRange } from '../auth/context';
import { limitWrites, requireAuth } from '../auth/middleware';
import { countMisses } from '../auth/probes';
import { commitWrite } from '../audit/commit';
import { writeMembers } from '../db/members';
import { upsertPreflights } from '../db/preflights';
import { orgsInRange } from '../db/orgs';
import type { AppEnv } from '../env';
import { idempotent } from '../lib/idempotency';
import { OrgTree } from '../lib/orgTree';
import { accepts, valid } from '../lib/validate';
import { planSync } from '../members/sync';

/**
 * `POST /v1/sync`: a batch of member observations and preflight results. Each row is answered on
 * its own (a refused row is listed with its reason in the reply); the rows accepted are written in
 * one D1 batch together with their audit entries and the idempotency record.
 */
export const sync = new Hono<AppEnv>().post(
  '/',
  requireAuth,
  limitWrites,
  idempotent('required'),
  accepts('json', SyncBatch),
  valid('json', SyncEnvelope),
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
    // Rows naming an organisation not in the subtree are guesses too (auth/probes.ts).
    await countMisses(c, step.result.refused.filter((r) => r.code === 'unknown-org').length);
    return c.json(step.result);
  },
);
