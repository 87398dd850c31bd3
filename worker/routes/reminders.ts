import { Hono, type Context } from 'hono';
import { ReminderMembersQuery } from '../../shared/api/reminders';
import { chinaToday } from '../../shared/domain/chinaDate';
import { scopeRange, type AuthContext } from '../auth/context';
import { requireAuth } from '../auth/middleware';
import { orgsInRange } from '../db/orgs';
import { membersInBucket, windowFor } from '../db/reminders';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { cachedTree } from '../lib/orgCache';
import { OrgTree } from '../lib/orgTree';
import { valid } from '../lib/validate';
import { memberView } from '../members/view';
import { summarise } from '../members/reminders';

/** The organisation asked about, inside the caller's subtree, and its own subtree's range. */
export async function targetOrg(c: Context<AppEnv>, auth: AuthContext, orgId: string | undefined, fresh = false) {
  const { lo, hi } = scopeRange(auth.role, auth.org.path);
  const tree = fresh
    ? new OrgTree(await orgsInRange(c.env.DB, auth.tenantId, lo, hi))
    : await cachedTree(c.env.DB, auth, lo, hi);
  const org = tree.byId.get(orgId ?? auth.org.id);
  if (!org) fail(404, 'org-not-found', '没有找到这个组织（或不在你的管理范围内）');
  const range = org.seq === auth.org.seq ? { lo, hi } : scopeRange('committee', org.path);
  return { tree, org, range };
}

export async function remindersFor(c: Context<AppEnv>, auth: AuthContext, orgId: string | undefined) {
  const { tree, org, range } = await targetOrg(c, auth, orgId);
  const body = await summarise(
    c.env.DB,
    auth.tenantId,
    tree,
    org,
    range,
    chinaToday(),
    org.seq === auth.tenant.rootSeq,
  );
  return { body };
}

export const reminders = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', async (c) => {
    const { body } = await remindersFor(c, c.get('auth'), undefined);
    return c.json(body);
  })
  .get('/:orgId', async (c) => {
    const { body } = await remindersFor(c, c.get('auth'), c.req.param('orgId'));
    return c.json(body);
  })
  .get('/:orgId/members', valid('query', ReminderMembersQuery), async (c) => {
    const auth = c.get('auth');
    const q = c.req.valid('query');
    const { tree, range } = await targetOrg(c, auth, c.req.param('orgId'));
    const today = chinaToday();
    const rows = await membersInBucket(
      c.env.DB,
      auth.tenantId,
      range.lo,
      range.hi,
      windowFor(today),
      q.bucket,
      q.limit + 1,
      q.offset,
    );
    return c.json({
      today,
      bucket: q.bucket,
      members: rows.slice(0, q.limit).map((r) => memberView(r, tree, today)),
      nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
    });
  });
