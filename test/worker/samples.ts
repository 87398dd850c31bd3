// A request for every route of worker/routes/table.ts, aimed at a thing of organisation A's (or at
// the caller itself, for routes about the caller's own token). Whatever a request needs to exist
// first — an invite to redeem, a robot to delete — is made here by the world's setup token, before
// the cell's measurement starts: each cell acts on a fresh thing.
import { newHotfixKeyPair, signHotfix } from '../../shared/hotfix/sign';
import { SECTION_IDS } from '../../shared/pdf/content/sections';
import { ADMIN_SECRET, api, idemKey, observation } from './helpers';
import { redeem, sync, type Caller, type World } from './world';

export interface SampleRequest {
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

type Sample = (w: World, caller: Caller, receiverPort: number) => Promise<SampleRequest>;

let hotfixKeys: Awaited<ReturnType<typeof newHotfixKeyPair>> | undefined;

async function made<T = any>(what: string, p: Promise<{ status: number; body: T; text: string }>): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

const post = (token: string, path: string, body: unknown) =>
  api(path, { token, body, headers: { 'Idempotency-Key': idemKey() } });

async function inviteForA(w: World): Promise<{ id: string; code: string }> {
  return made('invite', post(w.setup, '/invites', { orgId: 'A', role: 'branch' }));
}

/** A member of A's of its own for this cell (writes that change a member change it once). */
async function memberOfA(w: World): Promise<string> {
  const host = `host-A-${w.fresh()}`;
  await sync(w.setup, [observation({ org: { id: 'A' }, hostId: host, name: '甲成员' })]);
  return `id:${host}`;
}

async function webhookOfA(w: World, port: number): Promise<string> {
  const r = await made(
    'webhook',
    post(w.setup, '/webhooks', { orgId: 'A', kind: 'json', url: `http://127.0.0.1:${port}/matrix`, label: '甲机器人' }),
  );
  return r.webhook.id;
}

export const SAMPLES: Record<string, Sample> = {
  'GET /v1/health': async () => ({ path: '/health' }),

  'POST /v1/admin/tenants': async (w) => ({
    path: '/admin/tenants',
    body: { name: '新团委', topOrg: { id: `top-${w.fresh()}`, name: '新团委', type: '03TW' } },
  }),
  'POST /v1/admin/tenants/:tenantId/invites': async (w) => ({
    path: `/admin/tenants/${w.t1.tenantId}/invites`,
    body: { orgId: 'A', role: 'branch' },
  }),
  'GET /v1/admin/diagnostics/count': async () => ({ path: '/admin/diagnostics/count' }),
  'PUT /v1/admin/hotfix': async (w) => {
    hotfixKeys ??= await newHotfixKeyPair();
    const day = 86_400_000;
    const doc = await signHotfix(
      {
        serial: 1000 + w.fresh(),
        issuedAt: new Date(Date.now() - day).toISOString(),
        expiresAt: new Date(Date.now() + 30 * day).toISOString(),
        rules: [],
      },
      hotfixKeys.privateKey,
    );
    return { path: '/admin/hotfix', raw: JSON.stringify(doc), headers: { 'Content-Type': 'application/json' } };
  },
  'GET /v1/hotfix': async (w) => {
    // There is one to read once the operator uploaded one.
    const put = await SAMPLES['PUT /v1/admin/hotfix']!(w, 'operator', 0);
    await made('hotfix', api(put.path, { method: 'PUT', token: ADMIN_SECRET, raw: put.raw, headers: put.headers }));
    return { path: '/hotfix' };
  },

  'POST /v1/invites/redeem': async (w) => ({
    path: '/invites/redeem',
    body: { code: (await inviteForA(w)).code, label: '新管理员' },
  }),
  'POST /v1/invites': async () => ({ path: '/invites', body: { orgId: 'A', role: 'branch' } }),
  'GET /v1/invites': async () => ({ path: '/invites' }),
  'DELETE /v1/invites/:id': async (w) => ({ path: `/invites/${(await inviteForA(w)).id}` }),

  'GET /v1/tokens/self': async () => ({ path: '/tokens/self' }),
  'GET /v1/tokens': async () => ({ path: '/tokens' }),
  'POST /v1/tokens/renew': async () => ({
    path: '/tokens/renew',
    body: { days: 30 + Math.floor(Math.random() * 300) },
  }),
  'DELETE /v1/tokens/:id': async (w) => ({
    path: `/tokens/${(await redeem(w.setup, 'A', 'branch', '甲另一管理员')).tokenId}`,
  }),

  'GET /v1/settings': async () => ({ path: '/settings' }),
  'PATCH /v1/settings': async () => ({ path: '/settings', body: { storeNames: true } }),

  'GET /v1/orgs': async () => ({ path: '/orgs' }),
  'POST /v1/orgs/import': async (w) => ({
    path: '/orgs/import',
    body: { orgs: [{ id: `A-new-${w.fresh()}`, name: '甲新团支部', type: '01TZB', parentId: 'A' }] },
  }),
  'PATCH /v1/orgs/:id': async (w) => ({ path: '/orgs/A', body: { name: `甲团总支${w.fresh()}` } }),
  'DELETE /v1/orgs/:id': async (w) => {
    const id = `A-del-${w.fresh()}`;
    await made(
      'org',
      post(w.setup, '/orgs/import', { orgs: [{ id, name: '甲待删团支部', type: '01TZB', parentId: 'A' }] }),
    );
    return { path: `/orgs/${id}` };
  },

  'POST /v1/sync': async (w) => ({
    path: '/sync',
    body: { observations: [observation({ org: { id: 'A' }, hostId: `host-A-s${w.fresh()}`, name: '甲成员' })] },
  }),

  'GET /v1/members/search': async () => ({ path: `/members/search?by=name&q=${encodeURIComponent('甲')}` }),
  'GET /v1/members/export.csv': async () => ({ path: '/members/export.csv' }),
  'GET /v1/members/:key': async (w) => ({ path: `/members/${encodeURIComponent(w.memberKey)}` }),
  'DELETE /v1/members/:key': async (w) => ({ path: `/members/${encodeURIComponent(await memberOfA(w))}` }),
  'PUT /v1/members/:key/approval': async (w) => ({
    path: `/members/${encodeURIComponent(await memberOfA(w))}/approval`,
    body: { approvedOn: '2024-05-10' },
  }),

  'GET /v1/modifications': async () => ({ path: '/modifications' }),
  'POST /v1/modifications': async (w) => ({
    path: '/modifications',
    body: { memberKey: w.memberKey, reason: '甲的修改申请：错传了扫描件' },
  }),
  'POST /v1/modifications/:id/decision': async (w) => {
    const m = await made(
      'modification',
      post(w.setup, '/modifications', { memberKey: await memberOfA(w), reason: '甲的修改申请：错传了扫描件' }),
    );
    return { path: `/modifications/${m.modification.id}/decision`, body: { decision: 'approve' } };
  },

  'GET /v1/reminders': async () => ({ path: '/reminders' }),
  'GET /v1/reminders/:orgId': async () => ({ path: '/reminders/A' }),
  'GET /v1/reminders/:orgId/members': async () => ({ path: '/reminders/A/members?bucket=overdue' }),

  'GET /v1/local-rules': async () => ({ path: '/local-rules' }),
  'PUT /v1/local-rules/:orgId': async (w) => ({
    path: '/local-rules/A',
    // Rules apply down (A1 reads A's): their words carry no marker of A's.
    body: { rules: [{ section: SECTION_IDS[0], phrase: `规则${w.fresh()}`, text: '这一部分须写明这句话' }] },
  }),

  'POST /v1/webhooks': async (_w, _c, port) => ({
    path: '/webhooks',
    body: { orgId: 'A', kind: 'json', url: `http://127.0.0.1:${port}/matrix`, label: '甲机器人' },
  }),
  'GET /v1/webhooks': async () => ({ path: '/webhooks' }),
  'DELETE /v1/webhooks/:id': async (w, _c, port) => ({ path: `/webhooks/${await webhookOfA(w, port)}` }),
  'POST /v1/webhooks/:id/test': async (w, _c, port) => ({ path: `/webhooks/${await webhookOfA(w, port)}/test` }),
  'GET /v1/webhooks/:id/deliveries': async (w, _c, port) => ({
    path: `/webhooks/${await webhookOfA(w, port)}/deliveries`,
  }),

  'POST /v1/feeds': async () => ({ path: '/feeds', body: { orgId: 'A', label: '甲日历' } }),
  'GET /v1/calendar/:file': async (w, caller) => ({ path: `/calendar/${w.feeds[caller]}.ics` }),

  'GET /v1/audit': async () => ({ path: '/audit' }),
  'GET /v1/audit/verify': async () => ({ path: '/audit/verify' }),
};
