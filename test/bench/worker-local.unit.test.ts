// The same worker through `wrangler dev` (what `npm start` runs, here from a bundle made once): workerd with D1 and R2 on disk,
// crons on /__scheduled, secrets from .dev.vars — a short team flow end to end over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helpers without types
import { ensureDevVars } from '../../scripts/worker-admin.mjs';
// @ts-expect-error plain .mjs helpers without types
import { startLocalWorker } from './worker-local.mjs';

let worker: { url: string; pid: number; stop: () => Promise<void> };
let persistTo: string;
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
let secret: string;

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'laa-local-'));
  const vars = ensureDevVars();
  secret = vars.ADMIN_SECRET;
  worker = await startLocalWorker({
    persistTo,
    vars: { ADMIN_SECRET: vars.ADMIN_SECRET, AUDIT_SIGNING_KEY: vars.AUDIT_SIGNING_KEY, WEBHOOK_KEY: vars.WEBHOOK_KEY },
  });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.end('{"errcode":0}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/robot`;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  receiver?.close();
  rmSync(persistTo, { recursive: true, force: true });
});

async function call(
  path: string,
  init: { token?: string; body?: unknown; method?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${worker.url}/v1${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      'Content-Type': 'application/json',
      ...init.headers,
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

describe('the worker under wrangler dev (npm start)', () => {
  it('bootstraps a team, syncs, answers reminders, seals and verifies the audit log, sends the digest', async () => {
    const tenant = await call('/admin/tenants', {
      token: secret,
      body: { name: '本地团委', topOrg: { id: 'root', name: '共青团本地委员会', type: '03TW' } },
    });
    expect(tenant.status).toBe(201);
    const { body: me } = await call('/invites/redeem', {
      body: { code: tenant.body.invite.code, label: '本地管理员' },
    });
    await call('/orgs/import', {
      token: me.token,
      body: { orgs: [{ id: 'b1', name: '一班团支部', type: '01TZB', parentId: 'root', leagueId: 'L1' }] },
    });
    const joinedOn = new Date(Date.now() + 8 * 3600_000 - 40 * 86_400_000).toISOString().slice(0, 10);
    const sync = await call('/sync', {
      token: me.token,
      headers: { 'Idempotency-Key': 'local-dev-sync-1' },
      body: {
        observations: [
          {
            org: { leagueId: 'L1' },
            hostId: 'u1',
            name: '张三',
            joinedOn,
            status: 'notUploaded',
            observedAt: new Date().toISOString(),
          },
        ],
      },
    });
    expect(sync.body.members.created).toBe(1);
    const reminders = await call('/reminders', { token: me.token });
    expect(reminders.body.counters).toMatchObject({ maybeOverdue: 1, total: 1 });
    expect(Number(reminders.headers.get('X-D1-Queries'))).toBeGreaterThan(0);
    expect(
      (await fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)).status,
    ).toBe(200);
    const verify = await call('/audit/verify', { token: me.token });
    expect(verify.body).toMatchObject({ ok: true, unsealed: 0, checkpoints: 1 });
    await call('/webhooks', {
      token: me.token,
      body: { orgId: 'root', kind: 'wecom', url: receiverUrl, label: '工作群' },
    });
    expect(
      (await fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('0 0 * * *')}`)).status,
    ).toBe(200);
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(JSON.parse(received[0]!).markdown.content).toContain('可能逾期 1 人');
  }, 60_000);
});

describe('stopping the local worker', () => {
  it('leaves no process of its group behind (no orphaned workerd)', async () => {
    await worker.stop();
    const alive = () => {
      try {
        process.kill(-worker.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // Killed at once; the kernel may take a moment to let the processes go.
    await expect.poll(alive, { timeout: 5000, interval: 100 }).toBe(false);
  });
});
