import type { z } from 'zod';
import { HotfixEnvelope, HotfixUploaded } from '../../shared/hotfix/format';
import { AuditListResponse, AuditVerifyResponse } from '../../shared/api/audit';
import {
  MemberDetail,
  MemberErased,
  MemberReply,
  ModificationList,
  ModificationReply,
  ReminderMembersResponse,
  SearchResponse,
} from '../../shared/api/members';
import { LocalRulesView } from '../../shared/api/localRules';
import { OrgDeleted, OrgImportResult, OrgList } from '../../shared/api/orgs';
import { RemindersResponse } from '../../shared/api/reminders';
import { SyncResponse } from '../../shared/api/sync';
import {
  CreateTenantResponse,
  DiagnosticsCount,
  HealthResponse,
  InviteCreated,
  InviteList,
  InviteRevoked,
  RedeemInviteResponse,
  RenewTokenResponse,
  SettingsView,
  TokenList,
  TokenRevoked,
  TokenSelf,
} from '../../shared/api/tenancy';
import {
  DeliveryList,
  DeliveryTried,
  FeedCreated,
  WebhookDeleted,
  WebhookList,
  WebhookReply,
} from '../../shared/api/webhooks';

/**
 * Who may call a route at all: nobody in particular (`public`), the operator with `ADMIN_SECRET`
 * (`operator`), an admin's bearer token (`token`), or a calendar feed token in the path (`feed`).
 */
export type RouteAuth = 'public' | 'operator' | 'token' | 'feed';

/** The role a token needs: any admin, a committee, or the tenant's top committee. */
export type RouteRole = 'any' | 'committee' | 'top';

/**
 * What the route acts on, and so which callers reach it:
 * - `none`: nothing of an organisation (health, operator routes, redemption);
 * - `list`: no one thing — the answer holds only what lies in the caller's subtree;
 * - `self`: the caller's own token;
 * - `subtree`: one thing of one organisation, which must lie in the caller's subtree. Outside it the
 *   thing is not found: 404 when the path names it, 403 `out-of-scope` when the body does (`outside`)
 *   — the same answer whether it exists elsewhere or not at all;
 * - `above`: like `subtree`, by a committee strictly above the thing's organisation (§4.5);
 * - `rows`: a batch whose rows each name an organisation; a row outside the subtree is refused on
 *   its own, in the reply, and the others are written.
 */
export type RouteTarget = 'none' | 'list' | 'self' | 'subtree' | 'above' | 'rows';

/**
 * `Idempotency-Key`:
 * - `required`: must be sent; a replay answers the first reply (status and body);
 * - `replay`: honoured when sent, the same way;
 * - `reissue`: the reply carries a secret, which is never stored: a replay with the same key and
 *   body withdraws what the first attempt issued and issues afresh (docs/security.md);
 * - `natural`: a repeat changes nothing more (revoking, deleting, settings); the key is not needed;
 * - `none`: reads.
 */
export type RouteIdempotency = 'required' | 'replay' | 'reissue' | 'natural' | 'none';

export type RouteReply = { status: 200 | 201; schema: z.ZodType } | { status: 200; type: 'text/csv' | 'text/calendar' };

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the app registers it (Hono's pattern under `/v1`). */
  path: string;
  auth: RouteAuth;
  role: RouteRole;
  target: RouteTarget;
  /** For `subtree`/`above` targets: the answer when the thing lies outside the caller's subtree. */
  outside?: 403 | 404;
  writes: boolean;
  idempotency: RouteIdempotency;
  reply: RouteReply;
}

type Spec = Omit<RouteSpec, 'method' | 'path'>;
const json = (schema: z.ZodType, status: 200 | 201 = 200): RouteReply => ({ status, schema });
const read = (target: RouteTarget, reply: RouteReply, more: Partial<Spec> = {}): Spec => ({
  auth: 'token',
  role: 'any',
  target,
  writes: false,
  idempotency: 'none',
  reply,
  ...more,
});
const write = (target: RouteTarget, idempotency: RouteIdempotency, reply: RouteReply, more: Partial<Spec> = {}) =>
  read(target, reply, { writes: true, idempotency, ...more });

/**
 * Every route the worker answers, with who may call it and what it answers: the one list the
 * adversarial matrix (route × method × caller), the idempotency and the reply-schema tests are
 * generated from, and which the app's own routes and docs/worker.md are checked against — a route
 * missing here fails the tests. A new route: its entry here, a sample request aimed at a thing of
 * organisation A in test/worker/samples.ts, and its line in docs/worker.md.
 */
export const ROUTES: Record<`${RouteSpec['method']} ${string}`, Spec> = {
  'GET /v1/health': read('none', json(HealthResponse), { auth: 'public' }),

  'POST /v1/admin/tenants': write('none', 'reissue', json(CreateTenantResponse, 201), { auth: 'operator' }),
  'POST /v1/admin/tenants/:tenantId/invites': write('none', 'reissue', json(InviteCreated, 201), {
    auth: 'operator',
  }),
  'GET /v1/admin/diagnostics/count': read('none', json(DiagnosticsCount), { auth: 'operator' }),
  // A repeat of the same serial is refused (409 hotfix-not-newer): nothing changes twice.
  'PUT /v1/admin/hotfix': write('none', 'natural', json(HotfixUploaded, 201), { auth: 'operator' }),
  'GET /v1/hotfix': read('none', json(HotfixEnvelope), { auth: 'public' }),

  'POST /v1/invites/redeem': write('none', 'reissue', json(RedeemInviteResponse, 201), { auth: 'public' }),
  'POST /v1/invites': write('subtree', 'reissue', json(InviteCreated, 201), { role: 'committee', outside: 403 }),
  'GET /v1/invites': read('list', json(InviteList), { role: 'committee' }),
  'DELETE /v1/invites/:id': write('subtree', 'natural', json(InviteRevoked), { role: 'committee', outside: 404 }),

  'GET /v1/tokens/self': read('self', json(TokenSelf)),
  'GET /v1/tokens': read('list', json(TokenList)),
  'POST /v1/tokens/renew': write('self', 'replay', json(RenewTokenResponse)),
  // Any admin revokes its own token and the feeds of its subtree; a committee, the admin tokens of its subtree too.
  'DELETE /v1/tokens/:id': write('subtree', 'natural', json(TokenRevoked), { outside: 404 }),

  'GET /v1/settings': read('list', json(SettingsView)),
  'PATCH /v1/settings': write('none', 'natural', json(SettingsView), { role: 'top' }),

  'GET /v1/orgs': read('list', json(OrgList)),
  'POST /v1/orgs/import': write('subtree', 'replay', json(OrgImportResult), { role: 'committee', outside: 403 }),
  'PATCH /v1/orgs/:id': write('subtree', 'replay', json(OrgImportResult), { role: 'committee', outside: 404 }),
  'DELETE /v1/orgs/:id': write('subtree', 'natural', json(OrgDeleted), { role: 'committee', outside: 404 }),

  'POST /v1/sync': write('rows', 'required', json(SyncResponse)),

  'GET /v1/members/search': read('list', json(SearchResponse)),
  'GET /v1/members/export.csv': read('list', { status: 200, type: 'text/csv' }),
  'GET /v1/members/:key': read('subtree', json(MemberDetail), { outside: 404 }),
  'PUT /v1/members/:key/approval': write('subtree', 'replay', json(MemberReply), { outside: 404 }),
  'DELETE /v1/members/:key': write('subtree', 'natural', json(MemberErased), { role: 'committee', outside: 404 }),

  'GET /v1/modifications': read('list', json(ModificationList)),
  'POST /v1/modifications': write('subtree', 'replay', json(ModificationReply, 201), { outside: 404 }),
  'POST /v1/modifications/:id/decision': write('above', 'replay', json(ModificationReply), {
    role: 'committee',
    outside: 404,
  }),

  'GET /v1/reminders': read('list', json(RemindersResponse)),
  'GET /v1/reminders/:orgId': read('subtree', json(RemindersResponse), { outside: 404 }),
  'GET /v1/reminders/:orgId/members': read('subtree', json(ReminderMembersResponse), { outside: 404 }),

  // The rules of the caller's organisation and of every committee above it (they apply down).
  'GET /v1/local-rules': read('list', json(LocalRulesView)),
  'PUT /v1/local-rules/:orgId': write('subtree', 'natural', json(LocalRulesView), { role: 'committee', outside: 404 }),

  'POST /v1/webhooks': write('subtree', 'replay', json(WebhookReply, 201), { role: 'committee', outside: 403 }),
  'GET /v1/webhooks': read('list', json(WebhookList), { role: 'committee' }),
  'DELETE /v1/webhooks/:id': write('subtree', 'natural', json(WebhookDeleted), { role: 'committee', outside: 404 }),
  'POST /v1/webhooks/:id/test': write('subtree', 'replay', json(DeliveryTried), { role: 'committee', outside: 404 }),
  'GET /v1/webhooks/:id/deliveries': read('subtree', json(DeliveryList), { role: 'committee', outside: 404 }),

  'POST /v1/feeds': write('subtree', 'reissue', json(FeedCreated, 201), { outside: 403 }),
  'GET /v1/calendar/:file': read('none', { status: 200, type: 'text/calendar' }, { auth: 'feed' }),

  'GET /v1/audit': read('list', json(AuditListResponse), { role: 'committee' }),
  'GET /v1/audit/verify': read('list', json(AuditVerifyResponse), { role: 'committee' }),
};

export const routeSpecs = (): RouteSpec[] =>
  Object.entries(ROUTES).map(([k, spec]) => {
    const [method, path] = k.split(' ') as [RouteSpec['method'], string];
    return { method, path, ...spec };
  });
