import { Hono, type Context } from 'hono';
import { OrgImport, OrgPatch, type OrgInput, type OrgList } from '../../shared/api/orgs';
import { actorOf, covers, scopeRange, type AuthContext } from '../auth/context';
import { limitWrites, requireAuth, requireCommittee } from '../auth/middleware';
import type { AuditDraft } from '../audit/chain';
import { commitWrite, constraintFailure } from '../audit/commit';
import {
  countChildren,
  countMembersOf,
  deleteOrg,
  allocateOrgSeqs,
  orgsByIds,
  orgsInRange,
  upsertOrgs,
  type OrgRow,
} from '../db/orgs';
import type { AppEnv } from '../env';
import { errorBody, fail, summariseIssues } from '../errors';
import { idempotent } from '../lib/idempotency';
import { OrgTree } from '../lib/orgTree';
import { accepts, valid } from '../lib/validate';
import { parseOrgCsv } from '../lib/csv';

async function scopeTree(c: Context<AppEnv>): Promise<OrgTree> {
  const auth = c.get('auth');
  const { lo, hi } = scopeRange(auth.role, auth.org.path);
  return new OrgTree(await orgsInRange(c.env.DB, auth.tenantId, lo, hi));
}

/**
 * Plans an import: parents before children, every parent inside the caller's subtree, and no id
 * that belongs to an organisation outside it. Moves rewrite the paths of the whole moved subtree.
 */
async function planImport(
  c: Context<AppEnv>,
  input: OrgInput[],
): Promise<{ rows: OrgRow[]; audit: AuditDraft[]; created: number; updated: number }> {
  const auth = c.get('auth');
  const tree = await scopeTree(c);
  const ids = new Set(input.map((o) => o.id));
  if (ids.size !== input.length) fail(422, 'duplicate-id', '导入内容中有重复的组织编号');
  const outside = (await orgsByIds(c.env.DB, auth.tenantId, [...ids])).filter((o) => !tree.byId.has(o.id));
  // Ids are unique in a tenant, so this answer cannot help saying the id is used (probes are limited: auth/probes.ts).
  if (outside.length) fail(409, 'org-id-taken', `组织编号 ${outside[0]!.id} 已被本团队的其他组织使用：请换一个编号`);
  const fresh = input.filter((o) => !tree.byId.has(o.id)).length;
  let nextSeq = fresh ? await allocateOrgSeqs(c.env.DB, fresh) : 0;
  const pending = new Map(input.map((o) => [o.id, o]));
  const placed = new Map<string, OrgRow>(tree.byId);
  const out = new Map<number, OrgRow>();
  const audit: AuditDraft[] = [];
  let created = 0;
  let updated = 0;
  while (pending.size) {
    let progressed = false;
    for (const o of [...pending.values()]) {
      const parent = pending.has(o.parentId) ? undefined : placed.get(o.parentId);
      if (!parent) continue;
      if (!covers(auth, parent.path) || o.id === auth.org.id)
        fail(403, 'out-of-scope', `上级组织 ${o.parentId} 不在你的管理范围内`);
      const old = tree.byId.get(o.id);
      const seq = old?.seq ?? nextSeq++;
      const row: OrgRow = {
        seq,
        tenant_id: auth.tenantId,
        id: o.id,
        name: o.name,
        type: o.type,
        parent_seq: parent.seq,
        league_id: o.leagueId ?? null,
        path: `${parent.path}${seq}/`,
      };
      if (old && old.path !== row.path && row.path.startsWith(old.path))
        fail(422, 'cycle', `不能把组织 ${o.id} 移到它自己的下级组织下面`);
      if (!old) {
        created++;
        audit.push({ action: 'org.create', orgId: o.id, subject: o.id, payload: row });
      } else if (
        old.name !== row.name ||
        old.type !== row.type ||
        old.league_id !== row.league_id ||
        old.parent_seq !== row.parent_seq
      ) {
        updated++;
        audit.push({
          action: old.parent_seq !== row.parent_seq ? 'org.move' : 'org.update',
          orgId: o.id,
          subject: o.id,
          payload: row,
        });
      } else {
        pending.delete(o.id);
        progressed = true;
        continue;
      }
      out.set(seq, row);
      placed.set(o.id, row);
      if (old && old.path !== row.path) {
        for (const d of tree.rows)
          if (d.path.startsWith(old.path) && d.seq !== seq) {
            const moved = { ...(out.get(d.seq) ?? d), path: row.path + d.path.slice(old.path.length) };
            out.set(d.seq, moved);
            placed.set(d.id, moved);
          }
      }
      pending.delete(o.id);
      progressed = true;
    }
    if (!progressed) {
      // The same answer whether the parent lies in another branch or nowhere.
      const o = pending.values().next().value!;
      fail(
        403,
        'out-of-scope',
        `组织 ${o.id} 的上级组织 ${o.parentId} 不在你的管理范围内，或还没有导入：请先导入上级组织，或检查编号`,
      );
    }
  }
  return { rows: [...out.values()], audit, created, updated };
}

async function runImport(c: Context<AppEnv>, input: OrgInput[]) {
  const auth: AuthContext = c.get('auth');
  try {
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      const plan = await planImport(c, input);
      return {
        statements: upsertOrgs(c.env.DB, plan.rows),
        audit: plan.audit,
        result: { created: plan.created, updated: plan.updated },
      };
    });
    return c.json(step.result);
  } catch (err) {
    return constraintFailure(err);
  }
}

export const orgs = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  .get('/', async (c) => {
    const tree = await scopeTree(c);
    return c.json({ orgs: tree.rows.map((r) => tree.view(r)) } satisfies OrgList);
  })
  /** JSON `{orgs: [...]}` or CSV (text/csv) with the header id,name,type,parentId,leagueId. */
  .post('/import', requireCommittee, idempotent('replay'), accepts('json', OrgImport), async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    let raw: unknown;
    if (type.startsWith('text/csv')) raw = { orgs: parseOrgCsv(await c.req.text()) };
    else {
      try {
        raw = await c.req.json();
      } catch {
        fail(400, 'bad-json', '请求内容不是有效的 JSON，请检查后重试');
      }
    }
    const parsed = OrgImport.safeParse(raw);
    if (!parsed.success) return c.json(errorBody('invalid-request', summariseIssues(parsed.error)), 400);
    return runImport(c, parsed.data.orgs);
  })
  .patch('/:id', requireCommittee, idempotent('replay'), valid('json', OrgPatch), async (c) => {
    const auth = c.get('auth');
    const tree = await scopeTree(c);
    const org = tree.byId.get(c.req.param('id'));
    if (!org) fail(404, 'org-not-found', '没有找到这个组织（或不在你的管理范围内）');
    const patch = c.req.valid('json');
    if (org.seq === auth.org.seq && patch.parentId !== undefined) fail(403, 'out-of-scope', '不能移动你自己所在的组织');
    const parent = org.parent_seq === null ? undefined : tree.bySeq.get(org.parent_seq);
    if (org.seq === auth.org.seq) {
      // The caller's own organisation: its fields can change, not its place.
      const res = await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
        const row = {
          ...org,
          name: patch.name ?? org.name,
          type: patch.type ?? org.type,
          league_id: patch.leagueId === undefined ? org.league_id : patch.leagueId,
        };
        return {
          statements: upsertOrgs(c.env.DB, [row]),
          audit: [{ action: 'org.update', orgId: org.id, subject: org.id, payload: row }],
          result: { created: 0, updated: 1 },
        };
      }).catch(constraintFailure);
      return c.json(res.result);
    }
    return runImport(c, [
      {
        id: org.id,
        name: patch.name ?? org.name,
        type: patch.type ?? org.type,
        parentId: patch.parentId ?? parent!.id,
        leagueId: patch.leagueId === undefined ? (org.league_id ?? undefined) : (patch.leagueId ?? undefined),
      },
    ]);
  })
  .delete('/:id', requireCommittee, async (c) => {
    const auth = c.get('auth');
    const tree = await scopeTree(c);
    const org = tree.byId.get(c.req.param('id'));
    if (!org) fail(404, 'org-not-found', '没有找到这个组织（或不在你的管理范围内）');
    if (org.seq === auth.org.seq) fail(403, 'out-of-scope', '不能删除你自己所在的组织');
    if ((await countChildren(c.env.DB, org.seq))!.n > 0)
      fail(409, 'org-has-children', '该组织下还有下级组织：请先删除或移走它们');
    if ((await countMembersOf(c.env.DB, auth.tenantId, org.seq))!.n > 0)
      fail(409, 'org-has-members', '该组织下还有团员记录，不能删除');
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: deleteOrg(c.env.DB, auth.tenantId, org.seq, new Date().toISOString()),
      audit: [{ action: 'org.delete', orgId: org.id, subject: org.id, payload: { id: org.id, name: org.name } }],
      result: null,
    }));
    return c.json({ deleted: org.id });
  });
