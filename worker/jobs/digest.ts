import type { MemberView } from '../../shared/api/members';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { scopeRange } from '../auth/context';
import { orgBySeq, orgsInRange } from '../db/orgs';
import { owedMembers } from '../db/reminders';
import { allWebhooks, deliveredToday, recordDelivery, type WebhookRow } from '../db/webhooks';
import { appendWrite } from '../audit/commit';
import { deliver, type DeliveryResult } from '../digest/send';
import type { Bindings } from '../env';
import { OrgTree } from '../lib/orgTree';
import { isSealed, keyring, openRobot, SecretsUnavailable } from '../lib/secrets';
import { summarise } from '../members/reminders';
import { memberView } from '../members/view';

/** "0 0 * * *" in UTC is 08:00 in Asia/Shanghai (no daylight saving). */
export const DIGEST_CRON = '0 0 * * *';

/** The members a digest names: overdue and due within 7 days, most urgent first. */
const LISTED = 200;

export async function digestFor(env: Bindings, hook: WebhookRow, now = Date.now()) {
  const root = await orgBySeq(env.DB, hook.tenant_id, hook.org_seq);
  if (!root) return null;
  const range = scopeRange('committee', root.path);
  const tree = new OrgTree(await orgsInRange(env.DB, hook.tenant_id, range.lo, range.hi));
  const today = chinaToday(now);
  const body = await summarise(env.DB, hook.tenant_id, tree, root, range, today, root.parent_seq === null);
  // Due within 7 days first (still on time), then the most recently passed deadlines.
  const [soon, late] = await Promise.all([
    owedMembers(env.DB, hook.tenant_id, range.lo, range.hi, { from: today, to: addDays(today, 7), limit: LISTED / 2 }),
    owedMembers(env.DB, hook.tenant_id, range.lo, range.hi, {
      to: addDays(today, -1),
      latestFirst: true,
      limit: LISTED / 2,
    }),
  ]);
  const urgent: MemberView[] = [...late.reverse(), ...soon].map((m) => memberView(m, tree, today));
  return { reminders: body, urgent, today };
}

/** Who sends: the cron (`system`), or an admin's test send with its request id. */
export interface Sender {
  actor: string;
  requestId: string;
}

const UNREADABLE = '无法解密机器人地址或加签密钥：请删除该群机器人后重新添加（或检查 WEBHOOK_KEY 的轮换设置）';

/** The robot's URL and secret in clear, for this delivery only; null when they do not open. */
async function opened(env: Bindings, hook: WebhookRow): Promise<WebhookRow | null> {
  try {
    const clear = await openRobot(await keyring(env), hook.id, hook);
    return clear && { ...hook, ...clear };
  } catch (err) {
    if (err instanceof SecretsUnavailable) return isSealed(hook.url) ? null : hook;
    throw err;
  }
}

/**
 * Sends today's digest to one robot and records the delivery, with its audit entry (subject: the
 * robot), in one write: who was told what, and whether it arrived.
 */
export async function sendDigest(
  env: Bindings,
  hook: WebhookRow,
  opts: { now?: number; force?: boolean; backoffMs?: number; by?: Sender } = {},
): Promise<DeliveryResult | null> {
  const d = await digestFor(env, hook, opts.now);
  if (!d) return null;
  if (!opts.force && (await deliveredToday(env.DB, hook.id, d.today))) return null;
  const open = await opened(env, hook);
  const result: DeliveryResult = open
    ? await deliver(open, d.reminders, d.urgent, opts.backoffMs)
    : { ok: false, attempts: 0, status: null, parts: 0, error: UNREADABLE };
  const by = opts.by ?? { actor: 'system', requestId: `digest-${d.today}-${hook.id}` };
  const at = new Date().toISOString();
  await appendWrite({ db: env.DB, tenantId: hook.tenant_id, ...by }, async () => ({
    statements: [recordDelivery(env.DB, { webhookId: hook.id, tenantId: hook.tenant_id, day: d.today, ...result, at })],
    audit: [
      { action: 'digest.delivery', orgId: d.reminders.org.id, subject: hook.id, payload: { day: d.today, ...result } },
    ],
    result: null,
  }));
  return result;
}

/** The 08:00 Asia/Shanghai cron: every configured webhook, once a day. */
export async function runDigests(env: Bindings, now = Date.now()): Promise<void> {
  for (const hook of await allWebhooks(env.DB)) {
    try {
      await sendDigest(env, hook, { now });
    } catch (err) {
      console.error('digest failed', hook.id, err);
    }
  }
}
