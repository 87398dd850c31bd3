/**
 * The team's end-to-end setting: the real worker under `wrangler dev --local` (its own port and
 * D1/R2 folder, stopped as a process group), a tenant created through the operator's admin route,
 * and the extension's origin allowed by CORS the way a deployment configures ALLOWED_ORIGINS.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionBrowser } from '../support/chromium';
// @ts-expect-error plain .mjs helpers without types
import { ensureDevVars } from '../../scripts/worker-admin.mjs';
// @ts-expect-error plain .mjs helpers without types
import { quietEnv, startLocalWorker } from '../bench/worker-local.mjs';

const root = resolve(import.meta.dirname, '../..');

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256 of its path, as letters a–p. */
export function unpackedExtensionId(dir = EXTENSION_DIR): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return Array.from(hex, (h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

export interface TeamWorker {
  url: string;
  persistTo: string;
  secret: string;
  stop(): Promise<void>;
  /** Starts it again on the same D1/R2 folder (a new port: reach it through a proxy to keep the address). */
  restart(): Promise<void>;
  call<T = any>(
    path: string,
    init?: { token?: string; body?: unknown; method?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T }>;
  /** Reads the worker's local D1 directly. */
  d1<T = Record<string, unknown>>(sql: string): T[];
  close(): Promise<void>;
}

export async function startTeamWorker(extensionIds: string[] = [unpackedExtensionId()]): Promise<TeamWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'laa-team-'));
  const devVars = ensureDevVars();
  const vars = {
    ADMIN_SECRET: devVars.ADMIN_SECRET,
    AUDIT_SIGNING_KEY: devVars.AUDIT_SIGNING_KEY,
    WEBHOOK_KEY: devVars.WEBHOOK_KEY,
    ALLOWED_ORIGINS: extensionIds.map((id) => `chrome-extension://${id}`).join(','),
  };
  let running = await startLocalWorker({ persistTo, vars });
  const w: TeamWorker = {
    get url() {
      return running.url;
    },
    persistTo,
    secret: devVars.ADMIN_SECRET,
    stop: () => running.stop(),
    async restart() {
      running = await startLocalWorker({ persistTo, vars });
    },
    async call(path, init = {}) {
      const go = () =>
        fetch(`${running.url}/v1${path}`, {
          method: init.method ?? (init.body ? 'POST' : 'GET'),
          headers: {
            ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
            'Content-Type': 'application/json',
            ...init.headers,
          },
          body: init.body ? JSON.stringify(init.body) : undefined,
        });
      // wrangler dev may close a kept-alive connection under the client: one more try on a fresh one.
      const res = await go().catch(() => go());
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    d1(sql) {
      const out = execFileSync(
        resolve(root, 'node_modules/.bin/wrangler'),
        ['d1', 'execute', 'league-archive', '--local', '--persist-to', persistTo, '--json', '--command', sql],
        { cwd: root, env: quietEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return (JSON.parse(out) as { results: unknown[] }[])[0]!.results as never[];
    },
    async close() {
      await running.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
  return w;
}

/** The replica's organisation tree as the committee imports it (ids = the host's leagueIds). */
export const REPLICA_TREE_CSV = [
  'id,name,type,parentId,leagueId',
  '100110,高一年级团总支,02TZZ,100100,100110',
  '100111,高一（1）班团支部,01TZB,100110,100111',
  '100112,高一（2）班团支部,01TZB,100110,100112',
  '100120,高二年级团总支,02TZZ,100100,100120',
  '100121,高二（1）班团支部,01TZB,100120,100121',
  '100123,高二（3）班团支部,01TZB,100120,100123',
  '100130,高三年级团总支,02TZZ,100100,100130',
  '100131,高三（1）班团支部,06BYBTZB,100130,100131',
  '100132,高三（2）班团支部,06BYBTZB,100130,100132',
  '100140,教工团支部,00DJZTZB,100100,100140',
].join('\n');

/** A tenant whose top committee is the replica's 团委, with a first committee invite. */
export async function createReplicaTenant(
  w: TeamWorker,
  opts: { storeNames?: boolean } = {},
): Promise<{ tenantId: string; code: string }> {
  const r = await w.call('/admin/tenants', {
    token: w.secret,
    body: {
      name: '演示市第一中学团委',
      topOrg: { id: '100100', name: '共青团演示市第一中学委员会', type: '03TW', leagueId: '100100' },
      storeNames: opts.storeNames ?? true,
    },
  });
  if (r.status !== 201) throw new Error(`create tenant: ${r.status} ${JSON.stringify(r.body)}`);
  return { tenantId: r.body.tenantId, code: r.body.invite.code };
}

/** The committee imports the replica's organisation tree (CSV) with its token; throws unless it was taken. */
export async function importReplicaTree(w: TeamWorker, token: string): Promise<void> {
  const imported = await fetch(`${w.url}/v1/orgs/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: REPLICA_TREE_CSV,
  });
  if (imported.status !== 200) throw new Error(`import tree: ${imported.status} ${await imported.text()}`);
}

/** An invite made by the operator's admin route (outside the browsers): its code. */
export async function adminInvite(
  w: TeamWorker,
  tenantId: string,
  orgId: string,
  role: 'committee' | 'branch',
): Promise<string> {
  const r = await w.call(`/admin/tenants/${tenantId}/invites`, { token: w.secret, body: { orgId, role } });
  if (r.status !== 201) throw new Error(`invite: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.code;
}

/** A token of the test's own (an invite redeemed outside the browsers), to read what the worker says. */
export async function observerToken(w: TeamWorker, tenantId: string, orgId = '100100'): Promise<string> {
  const inv = await w.call(`/admin/tenants/${tenantId}/invites`, {
    token: w.secret,
    body: { orgId, role: 'committee' },
  });
  const r = await w.call('/invites/redeem', { body: { code: inv.body.code, label: '测试观察者' } });
  return r.body.token;
}

export function optionsUrl(b: ExtensionBrowser): string {
  return `chrome-extension://${b.extensionId}/options.html`;
}
export function popupUrl(b: ExtensionBrowser): string {
  return `chrome-extension://${b.extensionId}/popup.html`;
}

/** Connects through the options page, as an admin does. */
export async function connectFromOptions(
  page: Page,
  b: ExtensionBrowser,
  baseUrl: string,
  code: string,
  label: string,
): Promise<void> {
  await page.goto(optionsUrl(b));
  await page.locator('input[name=baseUrl]').fill(baseUrl);
  await page.locator('input[name=code]').fill(code);
  await page.locator('input[name=label]').fill(label);
  await page.getByRole('button', { name: '连接团队' }).click();
  await page.locator('[data-connected-org]').waitFor({ timeout: 20_000 });
}

/** The background's sync state, asked the way the popup asks. */
export async function teamStatus(page: Page): Promise<any> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'teamStatus', payload: {} }));
}

/** Sends the queue now and waits until nothing waits (or the timeout). */
export async function syncUntilIdle(page: Page, timeoutMs = 30_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'teamSyncNow', payload: {} }));
    const w = s.sync.waiting;
    if (w.rows + w.requests === 0 && !s.sync.lastError) return s;
    if (Date.now() > until) throw new Error(`sync not idle: ${JSON.stringify(s.sync)}`);
    await page.waitForTimeout(500);
  }
}

/**
 * A hop between the extension and the worker that keeps one address while the worker stops and
 * starts again (on another port), and can lose a reply after the worker has applied the request
 * — what a dropped connection or a timeout does.
 */
export interface WorkerProxy {
  url: string;
  target: string;
  /** Requests seen, with their idempotency keys and whether the worker said it replayed. */
  log: { method: string; path: string; key: string | null; status: number | null; replayed: boolean }[];
  /** Forward the next POST /v1/sync, then cut the connection instead of answering; resolves once the worker applied it. */
  dropNextSyncReply(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorkerProxy(target: string): Promise<WorkerProxy> {
  const { createServer } = await import('node:http');
  let drop: (() => void) | null = null;
  const proxy: WorkerProxy = {
    url: '',
    target,
    log: [],
    dropNextSyncReply: () => new Promise<void>((r) => (drop = r)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const entry = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        key: (req.headers['idempotency-key'] as string | undefined) ?? null,
        status: null as number | null,
        replayed: false,
      };
      proxy.log.push(entry);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
      let reply: Response;
      try {
        reply = await fetch(`${proxy.target}${req.url}`, {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
      } catch {
        // The worker is not there: the extension sees a connection that fails.
        req.socket.destroy();
        return;
      }
      entry.status = reply.status;
      entry.replayed = reply.headers.get('idempotent-replayed') === 'true';
      const body = Buffer.from(await reply.arrayBuffer());
      if (drop && req.method === 'POST' && req.url === '/v1/sync') {
        const done = drop;
        drop = null;
        req.socket.destroy();
        done();
        return;
      }
      const out: Record<string, string> = {};
      reply.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
      });
      res.writeHead(reply.status, out);
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}
