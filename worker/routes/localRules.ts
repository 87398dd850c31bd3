import { Hono } from 'hono';
import { LocalRulesBody, type AppliedLocalRule, type LocalRule } from '../../shared/api/localRules';
import { actorOf } from '../auth/context';
import { limitWrites, requireAuth, requireCommittee } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { putRules, rulesAbove } from '../db/localRules';
import type { AppEnv } from '../env';
import { valid } from '../lib/validate';
import { targetOrg } from './reminders';

async function applied(db: D1Database, tenantId: string, path: string): Promise<AppliedLocalRule[]> {
  return (await rulesAbove(db, tenantId, path)).flatMap((row) =>
    (JSON.parse(row.rules) as LocalRule[]).map((r) => ({ ...r, orgId: row.org_id, orgName: row.org_name })),
  );
}

/**
 * Committees' local rules (shared/api/localRules.ts). Every admin reads the rules that apply to
 * its organisation (its own and those of every committee above it); a committee sets the rules of
 * an organisation in its subtree, which then apply to everything below that organisation.
 */
export const localRules = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  .get('/', async (c) => {
    const auth = c.get('auth');
    return c.json({ rules: await applied(c.env.DB, auth.tenantId, auth.org.path) });
  })
  .put('/:orgId', requireCommittee, valid('json', LocalRulesBody), async (c) => {
    const auth = c.get('auth');
    const { org } = await targetOrg(c, auth, c.req.param('orgId'), true);
    const { rules } = c.req.valid('json');
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [putRules(c.env.DB, auth.tenantId, org.seq, rules, new Date().toISOString())],
      audit: [{ action: 'setting.local-rules', orgId: org.id, subject: org.id, payload: { rules } }],
      result: null,
    }));
    return c.json({ rules: rules.map((r) => ({ ...r, orgId: org.id, orgName: org.name })) });
  });
