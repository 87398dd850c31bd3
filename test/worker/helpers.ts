// Helpers for the worker's tests: every call goes through the worker's own fetch handler (SELF),
// the same path the extension's requests take.
import { SELF } from 'cloudflare:test';
import type { MemberObservation } from '../../shared/api/sync';
import type { OrgInput } from '../../shared/api/orgs';

export const ADMIN_SECRET = 'test-admin-secret-0123456789';
let ipSeq = 0;
/** A fresh client address, so one test's failed attempts never rate-limit another's. */
export const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function api<T = any>(
  path: string,
  opts: {
    method?: string;
    token?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
    ip?: string;
  } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { 'CF-Connecting-IP': opts.ip ?? 'tests', ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await SELF.fetch(`https://sync.test/v1${path}`, {
    method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

let keySeq = 0;
/** Random like the extension's keys (a run of digits like a timestamp could read as a 身份证号 to the guard). */
export const idemKey = () => `test-key-${crypto.randomUUID()}-${++keySeq}`;

export interface Team {
  tenantId: string;
  token: string;
  hashKey: string;
  rootId: string;
}

/** A tenant with a top committee, its first invite redeemed, and an optional tree imported. */
export async function bootstrap(
  opts: { storeNames?: boolean; orgs?: OrgInput[]; rootId?: string } = {},
): Promise<Team> {
  const rootId = opts.rootId ?? 'root';
  const created = await api('/admin/tenants', {
    token: ADMIN_SECRET,
    body: {
      name: '测试市团委',
      topOrg: { id: rootId, name: '共青团测试市委员会', type: '03TW' },
      storeNames: opts.storeNames ?? true,
    },
  });
  if (created.status !== 201) throw new Error(`bootstrap: ${created.status} ${created.text}`);
  const redeemed = await api('/invites/redeem', { body: { code: created.body.invite.code, label: '市团委管理员' } });
  if (redeemed.status !== 201) throw new Error(`redeem: ${redeemed.status} ${redeemed.text}`);
  const team = {
    tenantId: created.body.tenantId,
    token: redeemed.body.token,
    hashKey: redeemed.body.tenant.hashKey,
    rootId,
  };
  if (opts.orgs?.length) {
    const imp = await api('/orgs/import', { token: team.token, body: { orgs: opts.orgs } });
    if (imp.status !== 200) throw new Error(`import: ${imp.status} ${imp.text}`);
  }
  return team;
}

/** Invites and redeems a token for an organisation and role. */
export async function tokenFor(
  by: string,
  orgId: string,
  role: 'branch' | 'committee',
  label = '管理员',
): Promise<string> {
  const inv = await api('/invites', { token: by, body: { orgId, role } });
  if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${inv.text}`);
  const red = await api('/invites/redeem', { body: { code: inv.body.code, label } });
  if (red.status !== 201) throw new Error(`redeem: ${red.status} ${red.text}`);
  return red.body.token;
}

export const SCHOOL_TREE: OrgInput[] = [
  { id: 'school', name: '测试大学团委', type: '03TW', parentId: 'root' },
  { id: 'college-a', name: '计算机学院团委', type: '03TW', parentId: 'school' },
  { id: 'a-1', name: '计科2301团支部', type: '01TZB', parentId: 'college-a', leagueId: 'L-a1' },
  { id: 'a-2', name: '计科2302团支部', type: '01TZB', parentId: 'college-a' },
  { id: 'college-b', name: '文学院团委', type: '03TW', parentId: 'school' },
  { id: 'b-1', name: '汉语言2301团支部', type: '06BYBTZB', parentId: 'college-b', leagueId: 'L-b1' },
];

export function observation(over: Partial<MemberObservation> & Pick<MemberObservation, 'org'>): MemberObservation {
  return {
    name: '张三伟',
    joinedOn: '2024-05-04' as MemberObservation['joinedOn'],
    status: 'notUploaded',
    observedAt: new Date().toISOString(),
    ...over,
  } as MemberObservation;
}

export async function syncOk(token: string, observations: MemberObservation[], preflights: unknown[] = []) {
  const r = await api('/sync', {
    token,
    body: { observations, preflights },
    headers: { 'Idempotency-Key': idemKey() },
  });
  if (r.status !== 200) throw new Error(`sync: ${r.status} ${r.text}`);
  return r.body;
}

/** Runs the worker's scheduled handler for a cron, as Cloudflare would, and waits for its work. */
export async function runCron(cron: string, scheduledTime = Date.now()): Promise<void> {
  const { createExecutionContext, createScheduledController, waitOnExecutionContext } = await import('cloudflare:test');
  const { env } = await import('cloudflare:workers');
  const worker = (await import('../../worker/index')).default;
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/**
 * Rate limits count in fixed clock minutes (worker/db/rateLimits.ts): a test whose requests straddle
 * a minute's end is counted in two windows. Waits, when needed, until at least `needMs` of the
 * current minute is left.
 */
export async function roomInMinute(needMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 100));
}
