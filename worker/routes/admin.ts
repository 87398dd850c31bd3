import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { CreateTenantRequest, type CreateTenantResponse } from '../../shared/api/tenancy';
import { OrgId, Role } from '../../shared/api/common';
import { guardAuthFailures, refuseAuth } from '../auth/middleware';
import { storedTenantKey } from '../auth/tenantKey';
import { DAY_MS, iso, newInviteCode } from '../auth/tokens';
import { commitWrite } from '../audit/commit';
import { countAllMembers } from '../db/health';
import { insertInvite, inviteId } from '../db/invites';
import { allocateOrgSeqs, orgBySeq, orgsByIds, upsertOrgs } from '../db/orgs';
import { insertTenant, tenantById } from '../db/tenants';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { uploadHotfix } from './hotfix';
import { base64, randomBytes, randomText, timingSafeEqual } from '../lib/crypto';
import { idempotent, type KeyScope } from '../lib/idempotency';
import { valid } from '../lib/validate';
import { issueInvite } from '../auth/issueInvite';
import { issuedBefore, type Issued } from '../auth/reissue';

/** `Authorization: Bearer <ADMIN_SECRET>`: only the operator's CLI (npm run worker:admin) gets in. */
const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = c.env.ADMIN_SECRET;
  if (!secret || secret.length < 16)
    fail(503, 'admin-disabled', '未配置 ADMIN_SECRET（至少 16 个字符），管理接口已关闭');
  await guardAuthFailures(c);
  const given = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
  if (!timingSafeEqual(given, secret)) await refuseAuth(c, 'admin-secret-invalid', '管理密钥不正确');
  await next();
};

/** The operator's Idempotency-Keys are its own. */
const operator: KeyScope = async () => ({ tenantId: '(operator)', prefix: 'operator' });

const InviteForTenant = z.object({
  orgId: OrgId,
  role: Role.default('committee'),
  ttlDays: z.number().int().min(1).max(90).default(14),
});

export const admin = new Hono<AppEnv>()
  .use(requireAdmin)
  .route('/hotfix', uploadHotfix)
  .post('/tenants', idempotent('reissue', operator), valid('json', CreateTenantRequest), async (c) => {
    const body = c.req.valid('json');
    // A retry of a creation whose reply was lost: the tenant stands; its first invite is replaced.
    const created = issuedBefore(c)?.tenantId;
    const tenant = created ? await tenantById(c.env.DB, created) : null;
    const top = tenant ? await orgBySeq(c.env.DB, tenant.id, tenant.root_seq) : null;
    if (tenant && top) {
      const invite = await issueInvite(c, {
        tenantId: tenant.id,
        actor: 'admin',
        org: top,
        role: 'committee',
        ttlDays: body.inviteTtlDays,
        createdBy: 'admin',
        remember: { tenantId: tenant.id },
      });
      return c.json({ tenantId: tenant.id, invite } satisfies CreateTenantResponse, 201);
    }
    const tenantId = `tn_${randomText(9)}`;
    const invite = await newInviteCode();
    const hashKey = await storedTenantKey(c.env, tenantId, base64(randomBytes(32)));
    const now = Date.now();
    const expiresAt = iso(now + body.inviteTtlDays * DAY_MS);
    let reply: CreateTenantResponse | undefined;
    await commitWrite(c, tenantId, 'admin', async () => {
      const seq = await allocateOrgSeqs(c.env.DB, 1);
      const root = {
        seq,
        tenant_id: tenantId,
        id: body.topOrg.id,
        name: body.topOrg.name,
        type: body.topOrg.type,
        parent_seq: null,
        league_id: body.topOrg.leagueId ?? null,
        path: `/${seq}/`,
      };
      reply = {
        tenantId,
        invite: { id: inviteId(invite.hash), code: invite.code, orgId: root.id, role: 'committee', expiresAt },
      };
      return {
        statements: [
          insertTenant(c.env.DB, {
            id: tenantId,
            name: body.name,
            storeNames: body.storeNames,
            hashKey,
            rootSeq: seq,
            createdAt: iso(now),
          }),
          ...upsertOrgs(c.env.DB, [root]),
          insertInvite(c.env.DB, {
            codeHash: invite.hash,
            tenantId,
            orgSeq: seq,
            role: 'committee',
            createdBy: 'admin',
            createdAt: iso(now),
            expiresAt,
          }),
        ],
        audit: [
          {
            action: 'tenant.create',
            orgId: root.id,
            subject: tenantId,
            payload: { name: body.name, storeNames: body.storeNames },
          },
          { action: 'org.create', orgId: root.id, subject: root.id, payload: root },
          {
            action: 'invite.create',
            orgId: root.id,
            subject: inviteId(invite.hash),
            payload: { role: 'committee', expiresAt },
          },
        ],
        // Kept for a retry: ids, never the code.
        result: { tenantId, inviteId: inviteId(invite.hash) } satisfies Issued,
        status: 201,
      };
    });
    return c.json(reply!, 201);
  })
  .post('/tenants/:tenantId/invites', idempotent('reissue', operator), valid('json', InviteForTenant), async (c) => {
    const tenantId = c.req.param('tenantId');
    if (!(await tenantById(c.env.DB, tenantId))) fail(404, 'tenant-not-found', '没有这个团队');
    const body = c.req.valid('json');
    const [org] = await orgsByIds(c.env.DB, tenantId, [body.orgId]);
    if (!org) fail(404, 'org-not-found', '该团队中没有这个组织');
    const invite = await issueInvite(c, { tenantId, actor: 'admin', org, ...body, createdBy: 'admin' });
    return c.json(invite, 201);
  })
  /** For the benchmark's scale figure: a bare count over all members, timed inside the worker. */
  .get('/diagnostics/count', async (c) => {
    const t0 = performance.now();
    const { members, meta } = await countAllMembers(c.env.DB);
    return c.json({ members, ms: performance.now() - t0, d1DurationMs: meta.duration, rowsRead: meta.rows_read });
  });
