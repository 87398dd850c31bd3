import type { Context } from 'hono';
import type { Role } from '../../shared/api/common';
import type { InviteCreated } from '../../shared/api/tenancy';
import { commitWrite } from '../audit/commit';
import { insertInvite, inviteId } from '../db/invites';
import type { AppEnv } from '../env';
import { issuedBefore, withdrawInvite, type Issued } from './reissue';
import { DAY_MS, iso, newInviteCode } from './tokens';

/**
 * One invite for an organisation. The code is shown once and only its hash is kept; on a retry of
 * the same request (its Idempotency-Key), the code the first attempt made — never seen — is
 * withdrawn and this one replaces it.
 */
export async function issueInvite(
  c: Context<AppEnv>,
  i: {
    tenantId: string;
    actor: string;
    org: { seq: number; id: string };
    role: Role;
    ttlDays: number;
    createdBy: string;
    /** What else the request's idempotency record keeps (ids only). */
    remember?: Issued;
  },
): Promise<InviteCreated> {
  const invite = await newInviteCode();
  const now = Date.now();
  const expiresAt = iso(now + i.ttlDays * DAY_MS);
  const id = inviteId(invite.hash);
  await commitWrite(c, i.tenantId, i.actor, async () => {
    const before = await withdrawInvite(c.env.DB, i.tenantId, issuedBefore(c)?.inviteId, iso(now));
    return {
      statements: [
        ...before.statements,
        insertInvite(c.env.DB, {
          codeHash: invite.hash,
          tenantId: i.tenantId,
          orgSeq: i.org.seq,
          role: i.role,
          createdBy: i.createdBy,
          createdAt: iso(now),
          expiresAt,
        }),
      ],
      audit: [
        ...before.audit,
        { action: 'invite.create', orgId: i.org.id, subject: id, payload: { role: i.role, expiresAt } },
      ],
      result: { ...i.remember, inviteId: id } satisfies Issued,
      status: 201,
    };
  });
  return { id, code: invite.code, orgId: i.org.id, role: i.role, expiresAt };
}
