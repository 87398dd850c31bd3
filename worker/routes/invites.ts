import { Hono } from 'hono';
import {
  CreateInviteRequest,
  RedeemInviteRequest,
  type InviteView,
  type RedeemInviteResponse,
} from '../../shared/api/tenancy';
import { actorOf, covers, scopeRange } from '../auth/context';
import { guardAuthFailures, limitWrites, refuseAuth, requireAuth, requireCommittee } from '../auth/middleware';
import { DAY_MS, inviteHash, iso, newToken } from '../auth/tokens';
import { commitWrite } from '../audit/commit';
import {
  inviteByHash,
  inviteById,
  inviteId,
  invitesInScope,
  reclaimInvite,
  releaseInvite,
  revokeInvite,
  useInvite,
  type InviteListRow,
} from '../db/invites';
import { orgBySeq, orgsByIds } from '../db/orgs';
import { insertToken } from '../db/tokens';
import { tenantById } from '../db/tenants';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { idempotent, type KeyScope } from '../lib/idempotency';
import { valid } from '../lib/validate';
import { issueInvite } from '../auth/issueInvite';
import { issuedBefore, withdrawToken, type Issued } from '../auth/reissue';
import { clearTenantKey } from '../auth/tenantKey';

/** A redemption's Idempotency-Key belongs to the code it redeems (there is no token yet). */
const byInviteCode: KeyScope = async (c) => {
  const body = (await c.req.json().catch(() => null)) as { code?: unknown } | null;
  const code = typeof body?.code === 'string' ? body.code : '';
  return { tenantId: '(redeem)', prefix: `redeem:${await inviteHash(code)}` };
};

/** Tokens issued from an invite live a year: a student admin's term; renew or hand over after. */
const TOKEN_DAYS = 365;
/**
 * How long after a redemption its retry (same code, label and key) may replace the token: long
 * enough for the extension to retry a reply lost on a bad connection, short enough that a spent code
 * and key found later cannot take an admin's token away.
 */
const REDEEM_RETRY_MS = 15 * 60_000;

export const invites = new Hono<AppEnv>()
  .post('/redeem', idempotent('reissue', byInviteCode), valid('json', RedeemInviteRequest), async (c) => {
    const body = c.req.valid('json');
    await guardAuthFailures(c);
    const hash = await inviteHash(body.code);
    const invite = await inviteByHash(c.env.DB, hash);
    const now = Date.now();
    // A retry of this very redemption (same code, label and Idempotency-Key) whose reply was lost.
    const before = issuedBefore(c)?.tokenId;
    const [redeemedAt, redeemedBy] = invite?.used_at?.split('#') ?? [];
    const retry = !!before && redeemedBy === before && now - Date.parse(redeemedAt!) < REDEEM_RETRY_MS;
    if (!invite) return refuseAuth(c, 'invite-invalid', '邀请码不正确：请核对后重新输入');
    if (invite.used_at && !retry)
      return refuseAuth(c, 'invite-used', '该邀请码已被使用：每个邀请码只能用一次，请向上级管理员索取新的');
    if (invite.revoked_at) return refuseAuth(c, 'invite-revoked', '该邀请码已被上级管理员撤销：请向上级管理员索取新的');
    if (!retry && Date.parse(invite.expires_at) <= now)
      return refuseAuth(c, 'invite-expired', '邀请码已过期：请向上级管理员索取新的');
    const tenant = await tenantById(c.env.DB, invite.tenant_id);
    const org = await orgBySeq(c.env.DB, invite.tenant_id, invite.org_seq);
    if (!tenant || !org) fail(410, 'invite-orphaned', '邀请码对应的组织已不存在，请向上级管理员索取新的');
    // Opened before the code is claimed: a key that does not open must not spend the code.
    const hashKey = await clearTenantKey(c.env, tenant.id, tenant.hash_key);
    const tok = await newToken('laa');
    // A retry keeps the first redemption's time: the retry window does not slide.
    const usedMark = `${retry ? redeemedAt : iso(now)}#${tok.id}`;
    // One-time: the atomic claim decides which of two racing redeemers gets the token (a retry
    // takes the invite over from the token it is replacing).
    const claimed = await (
      retry ? reclaimInvite(c.env.DB, hash, invite.used_at!, usedMark) : useInvite(c.env.DB, hash, usedMark)
    ).first();
    if (!claimed) return refuseAuth(c, 'invite-used', '该邀请码已被使用：每个邀请码只能用一次，请向上级管理员索取新的');
    const expiresAt = iso(now + TOKEN_DAYS * DAY_MS);
    try {
      await commitWrite(c, tenant.id, `${tok.id}:${body.label}`, async () => {
        const withdrawn = await withdrawToken(c.env.DB, tenant.id, retry ? before : undefined, iso(now));
        return {
          statements: [
            ...withdrawn.statements,
            insertToken(c.env.DB, {
              hash: tok.hash,
              id: tok.id,
              tenantId: tenant.id,
              orgSeq: org.seq,
              role: invite.role,
              kind: 'admin',
              label: body.label,
              createdAt: iso(now),
              expiresAt,
            }),
          ],
          audit: [
            ...withdrawn.audit,
            {
              action: 'token.create',
              orgId: org.id,
              subject: tok.id,
              payload: { role: invite.role, label: body.label, expiresAt },
            },
          ],
          // Kept for a retry: the token's id, never the token.
          result: { tokenId: tok.id } satisfies Issued,
          status: 201,
        };
      });
    } catch (err) {
      // Nothing was issued: the code stays as it was.
      await (
        retry ? reclaimInvite(c.env.DB, hash, usedMark, invite.used_at!) : releaseInvite(c.env.DB, hash, usedMark)
      ).run();
      throw err;
    }
    return c.json(
      {
        token: tok.token,
        tokenId: tok.id,
        expiresAt,
        role: invite.role,
        org: { id: org.id, name: org.name, type: org.type },
        tenant: { id: tenant.id, name: tenant.name, storeNames: tenant.store_names === 1, hashKey },
      } satisfies RedeemInviteResponse,
      201,
    );
  })
  .post(
    '/',
    requireAuth,
    requireCommittee,
    limitWrites,
    idempotent('reissue'),
    valid('json', CreateInviteRequest),
    async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const [org] = await orgsByIds(c.env.DB, auth.tenantId, [body.orgId]);
      if (!org || !covers(auth, org.path)) fail(403, 'out-of-scope', '只能为本组织及下级组织发邀请码');
      const reply = await issueInvite(c, {
        tenantId: auth.tenantId,
        actor: actorOf(auth),
        org,
        role: body.role,
        ttlDays: body.ttlDays,
        createdBy: auth.tokenId,
      });
      return c.json(reply, 201);
    },
  )
  .get('/', requireAuth, requireCommittee, async (c) => {
    const auth = c.get('auth');
    const { lo, hi } = scopeRange(auth.role, auth.org.path);
    const now = Date.now();
    return c.json({ invites: (await invitesInScope(c.env.DB, auth.tenantId, lo, hi)).map((i) => view(i, now)) });
  })
  /** Withdraws an unused invite (a code sent to the wrong person); a used one is revoked as its token. */
  .delete('/:id', requireAuth, requireCommittee, limitWrites, async (c) => {
    const auth = c.get('auth');
    const id = c.req.param('id');
    const invite = /^[0-9a-f]{16}$/.test(id) ? await inviteById(c.env.DB, auth.tenantId, id) : null;
    if (!invite || !covers(auth, invite.org_path))
      fail(404, 'invite-not-found', '没有找到这个邀请码（或不在你的管理范围内）');
    if (invite.used_at) fail(409, 'invite-used', '该邀请码已被使用：请在“使用中的令牌”里撤销由它生成的令牌');
    if (invite.revoked_at) return c.json({ id, revokedAt: invite.revoked_at });
    const at = iso(Date.now());
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [revokeInvite(c.env.DB, invite.code_hash, at)],
      audit: [{ action: 'invite.revoke', orgId: invite.org_id, subject: id, payload: { role: invite.role } }],
      result: null,
    }));
    return c.json({ id, revokedAt: at });
  });

function view(i: InviteListRow, now: number): InviteView {
  const state = i.used_at ? 'used' : i.revoked_at ? 'revoked' : Date.parse(i.expires_at) <= now ? 'expired' : 'open';
  return {
    id: inviteId(i.code_hash),
    orgId: i.org_id,
    orgName: i.org_name,
    role: i.role,
    createdAt: i.created_at,
    expiresAt: i.expires_at,
    state,
  };
}
