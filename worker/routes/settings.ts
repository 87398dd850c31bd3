import { Hono } from 'hono';
import { TenantSettings } from '../../shared/api/tenancy';
import { actorOf } from '../auth/context';
import { limitWrites, requireAuth } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { scrubNames, tenantById, updateSettings } from '../db/tenants';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { valid } from '../lib/validate';

const view = (t: { store_names: number; allowed_origins: string }) => ({
  storeNames: t.store_names === 1,
  allowedOrigins: JSON.parse(t.allowed_origins) as string[],
});

export const settings = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  .get('/', async (c) => c.json(view((await tenantById(c.env.DB, c.get('auth').tenantId))!)))
  /** Only the top committee's admins change tenant-wide settings. */
  .patch('/', valid('json', TenantSettings), async (c) => {
    const auth = c.get('auth');
    if (auth.role !== 'committee' || auth.org.seq !== auth.tenant.rootSeq)
      fail(403, 'top-committee-only', '只有最上级团委的管理员可以修改团队设置');
    const patch = c.req.valid('json');
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      const current = view((await tenantById(c.env.DB, auth.tenantId))!);
      const next = {
        storeNames: patch.storeNames ?? current.storeNames,
        allowedOrigins: patch.allowedOrigins ?? current.allowedOrigins,
      };
      return {
        statements: [
          updateSettings(c.env.DB, auth.tenantId, next),
          ...(next.storeNames ? [] : [scrubNames(c.env.DB, auth.tenantId)]),
        ],
        audit: [{ action: 'setting.update', orgId: auth.org.id, subject: 'tenant', payload: next }],
        result: next,
      };
    });
    return c.json(step.result);
  });
