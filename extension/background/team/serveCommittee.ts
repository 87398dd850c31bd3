/**
 * The committee admin's team messages, each a call to the worker: the organisation tree, invites,
 * tokens, §4.5 modification requests, the tenant's settings and the committee's local rules.
 */
import { z } from 'zod';
import { DecideModificationRequest, MemberView, ModificationView } from '../../../shared/api/members';
import { OrgImportResult } from '../../../shared/api/orgs';
import { CreateInviteRequest, InviteCreated, InviteList, TenantSettings, TokenInfo } from '../../../shared/api/tenancy';
import type { Handlers } from '../../messaging/router';
import { readSyncState } from '../sync/drain';
import { placeWith } from '../sync/forward';
import { OrgMatcher } from '../sync/orgMatch';
import { TeamError } from './client';
import { refreshSelf } from './connection';
import { attempt, type TeamContext } from './context';
import { queueModificationDecision } from './decisions';
import { setLocalRules } from './localRules';
import { keptOrgs, orgsFor } from './orgs';
import { itemOf } from './workerView';

const Revoked = z.object({ id: z.string(), revokedAt: z.string() });
const TokenRevoked = z.object({ tokenId: z.string(), revokedAt: z.string() });
const TenantReply = z.object({ storeNames: z.boolean(), allowedOrigins: z.array(z.string()) });

export function committeeHandlers(ctx: TeamContext) {
  const { connected, scheduler } = ctx;
  return {
    teamOrgs: ({ refresh }) =>
      attempt(async () => {
        const { db, conn, call } = await connected();
        return orgsFor(db, conn, call, refresh ? 0 : 60_000);
      }),
    teamImportOrgs: ({ csv }) =>
      attempt(async () => {
        const { db, conn, call } = await connected();
        const r = await call('/v1/orgs/import', OrgImportResult, { csv });
        await orgsFor(db, conn, call, 0);
        // Rows that waited for these organisations can go now.
        void scheduler.run(true);
        return r;
      }),
    teamCreateInvite: (req) =>
      attempt(async () => {
        const body = CreateInviteRequest.parse(req);
        return (await connected()).call('/v1/invites', InviteCreated, { body });
      }),
    teamInvites: () => attempt(async () => (await (await connected()).call('/v1/invites', InviteList)).invites),
    teamRevokeInvite: ({ id }) =>
      attempt(async () =>
        (await connected()).call(`/v1/invites/${encodeURIComponent(id)}`, Revoked, { method: 'DELETE' }),
      ),
    teamTokens: () =>
      attempt(
        async () => (await (await connected()).call('/v1/tokens', z.object({ tokens: z.array(TokenInfo) }))).tokens,
      ),
    teamRevokeToken: ({ id }) =>
      attempt(async () => {
        const { conn, call } = await connected();
        if (id === conn.tokenId) throw new TeamError('这是本机正在使用的令牌：请用“断开连接”', 'own-token', 0);
        return call(`/v1/tokens/${encodeURIComponent(id)}`, TokenRevoked, { method: 'DELETE' });
      }),
    teamModifications: ({ status }) =>
      attempt(async () => {
        const { conn, call } = await connected();
        const { modifications } = await call(
          `/v1/modifications${status ? `?status=${status}` : ''}`,
          z.object({ modifications: z.array(ModificationView) }),
        );
        // Each request names the member by key: the member's name and 编号 come with it.
        return Promise.all(
          modifications.map(async (m) => {
            const view = await call(
              `/v1/members/${encodeURIComponent(m.memberKey)}`,
              z.object({ member: MemberView }),
            ).catch(() => null);
            return { ...m, member: view ? itemOf(view.member, conn) : null };
          }),
        );
      }),
    teamRequestModification: (req) =>
      attempt(async () => {
        const { call } = await connected();
        const body = { memberKey: req.memberKey, reason: req.reason };
        return (await call('/v1/modifications', z.object({ modification: ModificationView }), { body })).modification;
      }),
    teamDecideModification: ({ id, ...rest }) =>
      attempt(async () => {
        const { db, conn } = await connected();
        const body = DecideModificationRequest.parse(rest);
        if (body.decision === 'reject' && !body.reason?.trim())
          throw new TeamError('驳回修改申请须写明理由（§3.3.1）', 'reason-required', 0);
        const orgs = await keptOrgs(db, conn);
        const seq = await queueModificationDecision(
          db,
          id,
          body,
          orgs ? placeWith(new OrgMatcher(orgs.orgs)) : undefined,
        );
        await scheduler.run(true).catch(() => null);
        const refused = await db.get('rejected', seq);
        if (refused) return { state: 'refused' as const, message: refused.message };
        if (await db.get('outbox', seq))
          return { state: 'queued' as const, message: (await readSyncState(db)).lastError ?? undefined };
        return { state: 'sent' as const };
      }),
    teamTenantSettings: ({ change }) =>
      attempt(async () => {
        const { call } = await connected();
        if (!change) return call('/v1/settings', TenantReply);
        const next = await call('/v1/settings', TenantReply, { method: 'PATCH', body: TenantSettings.parse(change) });
        // What is forwarded follows the tenant's name setting at once.
        await refreshSelf(await ctx.dbReady, ctx.origin).catch(() => null);
        return next;
      }),
    teamSetLocalRules: ({ orgId, rules }) =>
      attempt(async () => {
        const { db, call } = await connected();
        return setLocalRules(db, call, orgId, rules);
      }),
  } satisfies Partial<Handlers>;
}
