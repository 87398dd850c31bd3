/**
 * The hotfix relay: the operator uploads the publisher's signed document (admin secret) and every
 * extension may read the newest one (no token: it is public and signed). The worker checks the
 * form and the serial, never the signature — the extension trusts only its publisher's key.
 */
import { Hono } from 'hono';
import { HotfixEnvelope, HotfixPayload, MAX_HOTFIX_BYTES } from '../../shared/hotfix/format';
import { insertHotfix, newestHotfix } from '../db/hotfix';
import type { AppEnv } from '../env';
import { fail } from '../errors';

export const hotfix = new Hono<AppEnv>().get('/', async (c) => {
  const row = await newestHotfix(c.env.DB);
  if (!row)
    fail(404, 'no-hotfix', '此同步服务还没有修复通知（运维人员可用 npm run worker:admin -- upload-hotfix 上传）');
  // Any extension may read it: it carries no secret and no one's data.
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(row.document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});

/** PUT /v1/admin/hotfix, mounted under the admin routes (their secret). */
export const uploadHotfix = new Hono<AppEnv>().put('/', async (c) => {
  const text = await c.req.text();
  if (text.length > MAX_HOTFIX_BYTES * 2) fail(413, 'too-large', '修复通知过大（最多 64 KB），请检查文件');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(400, 'bad-json', '修复通知不是有效的 JSON，请上传发布者签发的文件');
  }
  const envelope = HotfixEnvelope.safeParse(parsed);
  if (!envelope.success)
    fail(400, 'invalid-hotfix', '这不是已签名的修复通知（应含 hotfix、payload、signature），请上传发布者签发的文件');
  let payload: unknown;
  try {
    payload = JSON.parse(envelope.data.payload);
  } catch {
    payload = null;
  }
  const p = HotfixPayload.safeParse(payload);
  if (!p.success) fail(400, 'invalid-hotfix', '修复通知的内容不符合格式，请用 npm run hotfix -- sign 重新签发');
  if (Date.parse(p.data.expiresAt) <= Date.now())
    fail(400, 'hotfix-expired', `修复通知（编号 ${p.data.serial}）已于 ${p.data.expiresAt} 失效，请签发新的`);
  const newest = await newestHotfix(c.env.DB);
  const kept = newest?.serial ?? 0;
  const r = await insertHotfix(c.env.DB, {
    serial: p.data.serial,
    // Stored as parsed and written again: the same text the publisher signed is inside `payload`.
    document: JSON.stringify(envelope.data),
    received_at: new Date().toISOString(),
  }).run();
  if (!r.meta.changes)
    fail(409, 'hotfix-not-newer', `已有编号 ${kept} 的修复通知，新上传的编号 ${p.data.serial} 必须更大`);
  return c.json({ serial: p.data.serial, expiresAt: p.data.expiresAt }, 201);
});
