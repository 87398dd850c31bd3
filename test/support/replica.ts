/**
 * The 智慧团建 replica for end-to-end tests: served in-process over HTTPS, and mapped to the
 * host's own name inside the Chromium a test launches, so the production build's content script
 * (which matches only zhtj.youth.cn) runs on it exactly as it would on the real site:
 *
 *   const replica = await startReplica();
 *   const browser = await launchWithExtension({ args: replica.chromiumArgs });
 *   const page = await browser.context.newPage();
 *   await replica.login(page, 'tzb');
 *   await page.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createClient, type ApiReply } from '../replica/backend/client';
import type { ResetOptions } from '../replica/backend/store';
import { startReplicaServer, type ReplicaServer } from '../replica/server';
import type { Variant } from '../replica/variant';

export const HOST = 'zhtj.youth.cn';
export const ORIGIN = `https://${HOST}` as const;

/** The replica's sign-in accounts (test/replica/README.md). */
export type AccountName = 'tzb' | 'tzz' | 'tw' | 'byb';

export type { ApiReply };

export interface StartReplicaOptions extends ResetOptions {
  /** Keep state here (default: a fresh temporary directory, removed on close). */
  dataDir?: string;
}

export interface Replica {
  port: number;
  origin: typeof ORIGIN;
  /** The same replica under its own address: the production content script does not run there. */
  ipOrigin: string;
  hostRules: string;
  /** Pass to `launchWithExtension({ args })`. */
  chromiumArgs: string[];
  server: ReplicaServer;
  url(path: string): string;
  reset(opts?: ResetOptions): Promise<void>;
  setVariant(v: Partial<Variant>): Promise<Variant>;
  /** Signs in through the replica's own sign-in page and waits for the landing page. */
  login(page: Page, account: AccountName, opts?: { origin?: string }): Promise<void>;
  /** Calls `POST /v1/center/<name>` as `account` (default `tzb`), with its session and CSRF token. */
  api<T = any>(name: string, body?: Record<string, unknown> | FormData, account?: AccountName): Promise<ApiReply<T>>;
  close(): Promise<void>;
}

export async function startReplica(opts: StartReplicaOptions = {}): Promise<Replica> {
  const { dataDir: given, ...initial } = opts;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'laa-replica-'));
  const server = await startReplicaServer({ port: 0, dataDir, initial });
  const { store } = server;
  const hostRules = `MAP ${HOST} 127.0.0.1:${server.port},MAP m.${HOST} 127.0.0.1:${server.port}`;
  const client = createClient(store);
  const replica: Replica = {
    port: server.port,
    origin: ORIGIN,
    ipOrigin: `https://127.0.0.1:${server.port}`,
    hostRules,
    chromiumArgs: [`--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'],
    server,
    url: (path) => `${ORIGIN}${path}`,
    async reset(o = {}) {
      store.reset(o);
      client.forget();
    },
    async setVariant(v) {
      return store.setVariant(v);
    },
    async login(page, account, o = {}) {
      const origin = o.origin ?? ORIGIN;
      await page.goto(`${origin}/zhtj/signin`);
      await page.getByPlaceholder('请输入账号').fill(account);
      await page
        .getByPlaceholder('请输入密码')
        .fill(store.state.accounts.find((a) => a.username === account)!.password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL('**/zhtj/center/home');
    },
    api: (name, body, account = 'tzb') => client.api(name, body, account),
    async close() {
      await server.close();
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return replica;
}

/**
 * Closes the host's sign-in prompt (首页's 提示) when it shows, and waits until it is gone. The
 * extension adds its member list to the prompt a moment after it opens, which moves 我知道了 down:
 * a click aimed just before can land on the list and leave the prompt over the page, so a click
 * that did not close it is made again, as a person would.
 */
export async function closeSignInPrompt(page: Page): Promise<void> {
  const prompt = page.locator('.login-prompt');
  for (let attempt = 1; await prompt.isVisible(); attempt++) {
    await prompt.getByRole('button', { name: '我知道了' }).click();
    try {
      await prompt.waitFor({ state: 'hidden', timeout: 3_000 });
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
