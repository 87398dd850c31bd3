import type { RemindersResponse } from '../../shared/api/reminders';
import type { MemberView } from '../../shared/api/members';
import type { WebhookRow } from '../db/webhooks';
import { base64, hmacSha256 } from '../lib/crypto';
import { DINGTALK_LIMIT, digestLines, splitParts, WECOM_LIMIT } from './format';

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  status: number | null;
  parts: number;
  error: string | null;
}

const RETRIES = 3;
const enc = new TextEncoder();

/** 钉钉 加签: HMAC-SHA256 over "timestamp\nsecret" with the secret as key, base64, in the query. */
export async function dingtalkSignedUrl(url: string, secret: string, timestamp: number): Promise<string> {
  const sign = base64(await hmacSha256(enc.encode(secret), `${timestamp}\n${secret}`));
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

function bodies(hook: WebhookRow, r: RemindersResponse, urgent: MemberView[]): unknown[] {
  if (hook.kind === 'json') {
    return [
      {
        type: 'league-archive-digest',
        today: r.today,
        org: r.org,
        counters: r.counters,
        stats: r.stats,
        orgs: r.orgs.map((o) => ({ id: o.id, name: o.name, counters: o.own ?? o.subtree })),
        urgent,
      },
    ];
  }
  const { title, lines } = digestLines(r, urgent);
  if (hook.kind === 'wecom')
    return splitParts(lines, WECOM_LIMIT).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
  return splitParts(lines, DINGTALK_LIMIT).map((text) => ({ msgtype: 'markdown', markdown: { title, text } }));
}

/** Robots answer 200 with {errcode: 0}; anything else is a failure worth a retry. */
async function postOnce(
  hook: WebhookRow,
  body: unknown,
): Promise<{ ok: boolean; status: number; error: string | null }> {
  const url =
    hook.kind === 'dingtalk' && hook.secret ? await dingtalkSignedUrl(hook.url, hook.secret, Date.now()) : hook.url;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
  if (hook.kind !== 'json') {
    try {
      const j = JSON.parse(text) as { errcode?: number; errmsg?: string };
      if (j.errcode !== undefined && j.errcode !== 0)
        return { ok: false, status: res.status, error: `errcode ${j.errcode}: ${j.errmsg ?? ''}` };
    } catch {
      /* a plain 200 is accepted */
    }
  }
  return { ok: true, status: res.status, error: null };
}

export async function deliver(
  hook: WebhookRow,
  r: RemindersResponse,
  urgent: MemberView[],
  backoffMs = 300,
): Promise<DeliveryResult> {
  const parts = bodies(hook, r, urgent);
  let attempts = 0;
  let last: { ok: boolean; status: number | null; error: string | null } = { ok: true, status: null, error: null };
  for (const part of parts) {
    for (let i = 1; i <= RETRIES; i++) {
      attempts++;
      try {
        last = await postOnce(hook, part);
      } catch (err) {
        last = { ok: false, status: null, error: String((err as Error).message ?? err).slice(0, 200) };
      }
      if (last.ok) break;
      if (i < RETRIES) await new Promise((res) => setTimeout(res, backoffMs * i));
    }
    if (!last.ok) return { ok: false, attempts, status: last.status, parts: parts.length, error: last.error };
  }
  return { ok: true, attempts, status: last.status, parts: parts.length, error: null };
}
