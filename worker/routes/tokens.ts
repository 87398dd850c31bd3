import { Hono } from 'hono';
import { RenewTokenRequest, type RenewTokenResponse, type TokenInfo } from '../../shared/api/tenancy';
import { actorOf, covers, scopeRange } from '../auth/context';
import { limitWrites, requireAuth } from '../auth/middleware';
import { DAY_MS, iso } from '../auth/tokens';
import { commitWrite } from '../audit/commit';
import { renewToken, revokeToken, tokenById, tokensInScope, type TokenRow } from '../db/tokens';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { idempotent } from '../lib/idempotency';
import { valid } from '../lib/validate';

const info = (t: TokenRow): TokenInfo => ({
  id: t.id,
  kind: t.kind,
  label: t.label,
  orgId: t.org_id,
  role: t.role,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  revokedAt: t.revoked_at,
});

export const tokens = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  .get('/self', async (c) => {
    const auth = c.get('auth');
    const row = await tokenById(c.env.DB, auth.tenantId, auth.tokenId);
    return c.json({
      token: info(row!),
      org: { id: auth.org.id, name: auth.org.name, type: auth.org.type },
      tenant: {
        id: auth.tenantId,
        name: auth.tenant.name,
        storeNames: auth.tenant.storeNames,
        hashKey: auth.tenant.hashKey,
      },
    });
  })
  .get('/', async (c) => {
    const auth = c.get('auth');
    const { lo, hi } = scopeRange(auth.role, auth.org.path);
    return c.json({ tokens: (await tokensInScope(c.env.DB, auth.tenantId, lo, hi)).map(info) });
  })
  /** Renews the caller's own token (a year by default, counted from today). */
  .post('/renew', idempotent('replay'), valid('json', RenewTokenRequest), async (c) => {
    const auth = c.get('auth');
    const expiresAt = iso(Date.now() + c.req.valid('json').days * DAY_MS);
    // The token is not rotated, so the reply holds no secret and is kept for replays.
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [renewToken(c.env.DB, auth.tenantId, auth.tokenId, expiresAt)],
      audit: [{ action: 'token.renew', orgId: auth.org.id, subject: auth.tokenId, payload: { expiresAt } }],
      result: { tokenId: auth.tokenId, expiresAt } satisfies RenewTokenResponse,
    }));
    return c.json(step.result);
  })
  /**
   * Revokes the caller's own token, or (committee) any token in its subtree: the yearly handover.
   * Calendar feeds are revoked by any admin whose scope covers their organisation, so a branch
   * admin can withdraw a feed it created (a link shared too widely).
   */
  .delete('/:id', async (c) => {
    const auth = c.get('auth');
    const target = await tokenById(c.env.DB, auth.tenantId, c.req.param('id'));
    const mayRevoke =
      target &&
      (target.id === auth.tokenId ||
        ((auth.role === 'committee' || target.kind === 'feed') && covers(auth, target.org_path)));
    if (!target || !mayRevoke) fail(404, 'token-not-found', '没有找到这个令牌（或不在你的管理范围内）');
    if (target.revoked_at) return c.json({ tokenId: target.id, revokedAt: target.revoked_at });
    const at = iso(Date.now());
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => ({
      statements: [revokeToken(c.env.DB, auth.tenantId, target.id, at)],
      audit: [{ action: 'token.revoke', orgId: target.org_id, subject: target.id, payload: { label: target.label } }],
      result: null,
    }));
    return c.json({ tokenId: target.id, revokedAt: at });
  });
