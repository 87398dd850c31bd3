import { Hono } from 'hono';
import { z } from 'zod';
import { CreateModificationRequest, DecideModificationRequest, type ModificationView } from '../../shared/api/members';
import { checkRejectionReason } from '../../shared/domain/approval';
import { actorOf, scopeRange } from '../auth/context';
import { limitWrites, requireAuth, requireCommittee } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { memberByKey } from '../db/members';
import {
  decideModification,
  insertModification,
  modificationById,
  modificationsInRange,
  type ModificationRow,
} from '../db/modifications';
import { orgsInRange } from '../db/orgs';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { randomText } from '../lib/crypto';
import { idempotent } from '../lib/idempotency';
import { cachedTree } from '../lib/orgCache';
import { OrgTree } from '../lib/orgTree';
import { valid } from '../lib/validate';

const view = (m: ModificationRow, tree: OrgTree): ModificationView => ({
  id: m.id,
  memberKey: m.member_key,
  orgId: tree.bySeq.get(m.org_seq)?.id ?? '',
  reason: m.reason,
  status: m.status,
  requestedBy: m.requested_by,
  requestedAt: m.requested_at,
  decidedBy: m.decided_by,
  decidedAt: m.decided_at,
  decisionReason: m.decision_reason,
});

/** §4.5: the member's organisation asks; the upper committee (strictly above it) decides. */
export const modifications = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  .get('/', valid('query', z.object({ status: z.enum(['open', 'approved', 'rejected']).optional() })), async (c) => {
    const auth = c.get('auth');
    const { lo, hi } = scopeRange(auth.role, auth.org.path);
    const tree = await cachedTree(c.env.DB, auth, lo, hi);
    const rows = await modificationsInRange(c.env.DB, auth.tenantId, lo, hi, c.req.valid('query').status);
    return c.json({ modifications: rows.map((r) => view(r, tree)) });
  })
  .post('/', idempotent('replay'), valid('json', CreateModificationRequest), async (c) => {
    const auth = c.get('auth');
    const body = c.req.valid('json');
    const { lo, hi } = scopeRange(auth.role, auth.org.path);
    const tree = new OrgTree(await orgsInRange(c.env.DB, auth.tenantId, lo, hi));
    const member = await memberByKey(c.env.DB, auth.tenantId, body.memberKey);
    if (!member || !tree.bySeq.has(member.org_seq))
      fail(404, 'member-not-found', '没有找到这名团员（或不在你的管理范围内）');
    const row: ModificationRow = {
      id: `mod_${randomText(9)}`,
      tenant_id: auth.tenantId,
      member_key: member.key,
      org_seq: member.org_seq,
      reason: body.reason,
      status: 'open',
      requested_by: actorOf(auth),
      requested_at: new Date().toISOString(),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
    };
    const orgId = tree.bySeq.get(member.org_seq)!.id;
    // The reply is kept with the write: a replay answers it again.
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [insertModification(c.env.DB, row)],
      audit: [
        { action: 'modification.request', orgId, subject: member.key, payload: { id: row.id, reason: row.reason } },
      ],
      result: { modification: view(row, tree) },
      status: 201,
    }));
    return c.json(step.result, 201);
  })
  .post(
    '/:id/decision',
    requireCommittee,
    idempotent('replay'),
    valid('json', DecideModificationRequest),
    async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const { lo, hi } = scopeRange(auth.role, auth.org.path);
      const tree = new OrgTree(await orgsInRange(c.env.DB, auth.tenantId, lo, hi));
      const mod = await modificationById(c.env.DB, auth.tenantId, c.req.param('id'));
      if (!mod || !tree.bySeq.has(mod.org_seq))
        fail(404, 'modification-not-found', '没有找到这条修改申请（或不在你的管理范围内）');
      if (mod.org_seq === auth.org.seq)
        fail(403, 'not-upper-committee', '修改申请须由上级团委审批，不能审批本组织自己的申请（§4.5）');
      if (mod.status !== 'open') fail(409, 'already-decided', '这条修改申请已经审批过了');
      if (body.decision === 'reject') {
        const problem = checkRejectionReason(body.reason);
        if (problem) fail(422, 'reason-required', problem);
      }
      const decided = {
        status: body.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
        by: actorOf(auth),
        at: new Date().toISOString(),
        reason: body.reason ?? null,
      };
      const decidedRow = {
        ...mod,
        status: decided.status,
        decided_by: decided.by,
        decided_at: decided.at,
        decision_reason: decided.reason,
      };
      const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
        statements: [decideModification(c.env.DB, auth.tenantId, mod.id, decided)],
        audit: [
          {
            action: `modification.${decided.status}`,
            orgId: tree.bySeq.get(mod.org_seq)!.id,
            subject: mod.member_key,
            payload: { id: mod.id, reason: decided.reason },
          },
        ],
        result: { modification: view(decidedRow, tree) },
      }));
      return c.json(step.result);
    },
  );
