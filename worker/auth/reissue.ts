import type { Context } from 'hono';
import { z } from 'zod';
import type { AuditDraft } from '../audit/chain';
import { inviteById, revokeInvite } from '../db/invites';
import { revokeToken, tokenById } from '../db/tokens';
import type { AppEnv } from '../env';

/**
 * A request whose reply carries a secret (an invite code, a token) keeps, for its idempotency key,
 * only the ids of what it issued. Its retry withdraws those and issues afresh: whoever lost the first
 * reply gets a working secret, and no secret the client never saw stays usable.
 */
const Issued = z.object({
  tokenId: z.string().optional(),
  inviteId: z.string().optional(),
  tenantId: z.string().optional(),
});
export type Issued = z.infer<typeof Issued>;

/** What the first attempt of this request issued, when this is a retry of it. */
export function issuedBefore(c: Context<AppEnv>): Issued | undefined {
  const r = Issued.safeParse(c.get('reissue'));
  return r.success ? r.data : undefined;
}

export interface Withdrawal {
  statements: D1PreparedStatement[];
  audit: AuditDraft[];
}
const nothing: Withdrawal = { statements: [], audit: [] };

/** The invite a first attempt created, withdrawn unless someone already redeemed it. */
export async function withdrawInvite(
  db: D1Database,
  tenantId: string,
  id: string | undefined,
  at: string,
): Promise<Withdrawal> {
  const invite = id ? await inviteById(db, tenantId, id) : null;
  if (!invite || invite.used_at || invite.revoked_at) return nothing;
  return {
    statements: [revokeInvite(db, invite.code_hash, at)],
    audit: [{ action: 'invite.revoke', orgId: invite.org_id, subject: id!, payload: { reissued: true } }],
  };
}

/** The token a first attempt issued (a redemption's, a calendar feed's), revoked. */
export async function withdrawToken(
  db: D1Database,
  tenantId: string,
  id: string | undefined,
  at: string,
): Promise<Withdrawal> {
  const token = id ? await tokenById(db, tenantId, id) : null;
  if (!token || token.revoked_at) return nothing;
  return {
    statements: [revokeToken(db, tenantId, token.id, at)],
    audit: [{ action: 'token.revoke', orgId: token.org_id, subject: token.id, payload: { reissued: true } }],
  };
}
