import { Hono } from 'hono';
import { CreateWebhookRequest, type DeliveryView, type WebhookView } from '../../shared/api/webhooks';
import { actorOf, covers, scopeRange } from '../auth/context';
import { limitWrites, requireAuth, requireCommittee } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { orgsByIds } from '../db/orgs';
import { deleteWebhook, deliveriesOf, insertWebhook, webhooksInRange, type WebhookRow } from '../db/webhooks';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { sendDigest } from '../jobs/digest';
import { randomText } from '../lib/crypto';
import { idempotent } from '../lib/idempotency';
import { keyring, sealRobot } from '../lib/secrets';
import { valid } from '../lib/validate';

const view = (w: WebhookRow & { org_id: string }): WebhookView => ({
  id: w.id,
  orgId: w.org_id,
  kind: w.kind,
  label: w.label,
  urlHost: w.url_host,
  createdAt: w.created_at,
});

async function findHook(c: import('hono').Context<AppEnv>, id: string) {
  const auth = c.get('auth');
  const { lo, hi } = scopeRange(auth.role, auth.org.path);
  const hook = (await webhooksInRange(c.env.DB, auth.tenantId, lo, hi)).find((w) => w.id === id);
  if (!hook) fail(404, 'webhook-not-found', '没有找到这个群机器人（或不在你的管理范围内）');
  return hook;
}

/** Group-chat robots for the morning digest; the URL (a secret itself) is never shown again. */
export const webhooks = new Hono<AppEnv>()
  .use(requireAuth, requireCommittee, limitWrites)
  .get('/', async (c) => {
    const auth = c.get('auth');
    const { lo, hi } = scopeRange(auth.role, auth.org.path);
    return c.json({ webhooks: (await webhooksInRange(c.env.DB, auth.tenantId, lo, hi)).map(view) });
  })
  .post('/', idempotent('replay'), valid('json', CreateWebhookRequest), async (c) => {
    const auth = c.get('auth');
    const body = c.req.valid('json');
    const [org] = await orgsByIds(c.env.DB, auth.tenantId, [body.orgId]);
    if (!org || !covers(auth, org.path)) fail(403, 'out-of-scope', '只能为本组织及下级组织设置群机器人');
    const id = `wh_${randomText(9)}`;
    const ring = await keyring(c.env).catch(() =>
      fail(
        503,
        'secrets-unavailable',
        '同步服务未配置加密密钥（WEBHOOK_KEY），暂不能保存群机器人：请联系部署同步服务的管理员',
      ),
    );
    // The URL (it carries the robot's access token) and the 加签 secret are stored encrypted only.
    const row: WebhookRow = {
      id,
      tenant_id: auth.tenantId,
      org_seq: org.seq,
      kind: body.kind,
      ...(await sealRobot(ring, id, { url: body.url, secret: body.secret ?? null })),
      url_host: new URL(body.url).host,
      label: body.label,
      created_at: new Date().toISOString(),
    };
    // The reply names the robot by id and host only (the URL carries its access token): kept for replays.
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [insertWebhook(c.env.DB, row)],
      audit: [
        {
          action: 'setting.webhook.create',
          orgId: org.id,
          subject: row.id,
          payload: { kind: row.kind, label: row.label, host: row.url_host },
        },
      ],
      result: { webhook: view({ ...row, org_id: org.id }) },
      status: 201,
    }));
    return c.json(step.result, 201);
  })
  .delete('/:id', async (c) => {
    const auth = c.get('auth');
    const hook = await findHook(c, c.req.param('id'));
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [deleteWebhook(c.env.DB, auth.tenantId, hook.id)],
      audit: [
        { action: 'setting.webhook.delete', orgId: hook.org_id, subject: hook.id, payload: { label: hook.label } },
      ],
      result: null,
    }));
    return c.json({ deleted: hook.id });
  })
  /** Sends today's digest now (to check a new robot), recorded like the morning's. */
  .post('/:id/test', idempotent('replay'), async (c) => {
    const hook = await findHook(c, c.req.param('id'));
    const by = { actor: actorOf(c.get('auth')), requestId: c.get('requestId') };
    const result = await sendDigest(c.env, hook, { force: true, by });
    return c.json({ delivery: result });
  })
  .get('/:id/deliveries', async (c) => {
    const hook = await findHook(c, c.req.param('id'));
    const rows = await deliveriesOf(c.env.DB, c.get('auth').tenantId, hook.id);
    return c.json({
      deliveries: rows.map((d): DeliveryView => ({
        id: d.id,
        webhookId: d.webhook_id,
        day: d.day,
        attempts: d.attempts,
        ok: d.ok === 1,
        status: d.status,
        parts: d.parts,
        error: d.error,
        at: d.at,
      })),
    });
  });
