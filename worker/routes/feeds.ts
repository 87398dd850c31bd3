import { Hono } from 'hono';
import { CreateFeedRequest, type FeedCreated } from '../../shared/api/webhooks';
import { chinaToday } from '../../shared/domain/chinaDate';
import { actorOf, covers, scopeRange } from '../auth/context';
import { authenticate, limitWrites, requireAuth } from '../auth/middleware';
import { DAY_MS, iso, newToken } from '../auth/tokens';
import { commitWrite } from '../audit/commit';
import { deadlinesCalendar } from '../calendar/ics';
import { orgsByIds } from '../db/orgs';
import { owedMembers } from '../db/reminders';
import { insertToken } from '../db/tokens';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { sha256Hex } from '../lib/crypto';
import { cachedTree } from '../lib/orgCache';
import { idempotent } from '../lib/idempotency';
import { valid } from '../lib/validate';
import { issuedBefore, withdrawToken, type Issued } from '../auth/reissue';
import { memberView } from '../members/view';

const FEED_DAYS = 365;
const FEED_MAX_EVENTS = 5000;

/** `POST /v1/feeds`: a read-only feed token for one organisation's subtree, revocable like any token. */
export const feeds = new Hono<AppEnv>().post(
  '/',
  requireAuth,
  limitWrites,
  idempotent('reissue'),
  valid('json', CreateFeedRequest),
  async (c) => {
    const auth = c.get('auth');
    const body = c.req.valid('json');
    const [org] = await orgsByIds(c.env.DB, auth.tenantId, [body.orgId]);
    if (!org || !covers(auth, org.path)) fail(403, 'out-of-scope', '只能订阅本组织及下级组织的日历');
    const tok = await newToken('feed');
    const now = Date.now();
    const expiresAt = iso(now + FEED_DAYS * DAY_MS);
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      // A retry: the feed the first attempt made was never seen — it is revoked, this one replaces it.
      const before = await withdrawToken(c.env.DB, auth.tenantId, issuedBefore(c)?.tokenId, iso(now));
      return {
        statements: [
          ...before.statements,
          insertToken(c.env.DB, {
            hash: tok.hash,
            id: tok.id,
            tenantId: auth.tenantId,
            orgSeq: org.seq,
            role: auth.role,
            kind: 'feed',
            label: body.label,
            createdAt: iso(now),
            expiresAt,
          }),
        ],
        audit: [
          ...before.audit,
          {
            action: 'token.create',
            orgId: org.id,
            subject: tok.id,
            payload: { kind: 'feed', label: body.label, expiresAt },
          },
        ],
        // Kept for a retry: the feed's id, never its token.
        result: { tokenId: tok.id } satisfies Issued,
        status: 201,
      };
    });
    return c.json({ tokenId: tok.id, path: `/v1/calendar/${tok.token}.ics`, expiresAt } satisfies FeedCreated, 201);
  },
);

/** `GET /v1/calendar/<feed token>.ics`: calendar apps cannot send headers, so the token is the path. */
export const calendar = new Hono<AppEnv>().get('/:file', async (c) => {
  const token = c.req.param('file').replace(/\.ics$/, '');
  const auth = await authenticate(c, token, 'feed');
  const { lo, hi } = scopeRange(auth.role, auth.org.path);
  const tree = await cachedTree(c.env.DB, auth, lo, hi);
  const today = chinaToday();
  const rows = await owedMembers(c.env.DB, auth.tenantId, lo, hi, { limit: FEED_MAX_EVENTS });
  const members = await Promise.all(
    rows.map(async (r) => ({
      view: memberView(r, tree, today),
      uid: (await sha256Hex(`${auth.tenantId}\u0000${r.key}`)).slice(0, 32),
    })),
  );
  return c.body(deadlinesCalendar(auth.org.name, members, new Date()), 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'private, max-age=300',
  });
});
