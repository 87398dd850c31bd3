/**
 * Sync without loss, end to end: the worker stops mid-sync (after applying a batch whose reply
 * never arrives), the admin keeps working, the browser is closed and opened again while the
 * worker is still down, the worker comes back on the same D1 — and D1 holds every member once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseDevNumber } from '../../shared/domain/devNumber';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { apiMembers, choosePageSize } from '../support/overlay';
import { startReplica, type Replica } from '../support/replica';
import {
  adminInvite,
  connectFromOptions,
  createReplicaTenant,
  importReplicaTree,
  observerToken,
  optionsUrl,
  startTeamWorker,
  startWorkerProxy,
  syncUntilIdle,
  teamStatus,
  type TeamWorker,
  type WorkerProxy,
} from './team-harness';

let replica: Replica;
let worker: TeamWorker;
let proxy: WorkerProxy;
let browser: ExtensionBrowser | null = null;
let profile: string;
let branchCode: string;

beforeAll(async () => {
  [replica, worker] = await Promise.all([startReplica({ seed: 11, size: 130 }), startTeamWorker()]);
  proxy = await startWorkerProxy(worker.url);
  const { tenantId } = await createReplicaTenant(worker);
  const token = await observerToken(worker, tenantId);
  await importReplicaTree(worker, token);
  branchCode = await adminInvite(worker, tenantId, '100123', 'branch');
  profile = mkdtempSync(join(tmpdir(), 'laa-sync-profile-'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await Promise.all([worker?.close(), replica?.close()]);
  rmSync(profile, { recursive: true, force: true });
});

const rowsShown = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length);

describe('a worker that stops mid-sync', () => {
  let options: Page;

  it('loses nothing and duplicates nothing, across its restart and the browser’s', async () => {
    const truth = await apiMembers(replica);
    expect(truth.length).toBe(130);
    browser = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profile });
    options = await browser.context.newPage();
    await connectFromOptions(options, browser, proxy.url, branchCode, '高二3班电脑');

    // The first batch reaches the worker, which applies it; its reply is lost; the worker stops.
    const applied = proxy.dropNextSyncReply();
    const host = await browser.context.newPage();
    await replica.login(host, 'tzb');
    await host.goto(replica.url('/zhtj/center/tuanyuan/recordlist'));
    await choosePageSize(host, 100, 100);
    await applied;
    await worker.stop();
    const firstKey = proxy.log.find((l) => l.path === '/v1/sync')!.key!;
    const before = worker.d1<{ n: number }>('SELECT count(*) AS n FROM members')[0]!.n;
    expect(before).toBeGreaterThan(0);

    // The admin keeps working: the next page is kept and queued behind the unacknowledged batch.
    await host.locator('.el-pagination .btn-next').click();
    await expect.poll(() => rowsShown(host)).toBe(30);
    await expect
      .poll(
        async () => {
          const w = (await teamStatus(options)).sync.waiting;
          return w.rows + w.requests;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(2);
    const down = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'teamSyncNow', payload: {} }));
    expect(down.sync.lastError).toContain('无法连接同步服务');

    // The browser closes with the queue unsent and opens again (same profile) while the worker is down.
    await browser.close();
    browser = await launchWithExtension({ args: replica.chromiumArgs, profileDir: profile });
    options = await browser.context.newPage();
    await options.goto(optionsUrl(browser));
    const kept = (await teamStatus(options)).sync.waiting;
    expect(kept.rows + kept.requests).toBeGreaterThanOrEqual(2);
    expect(kept.rejected).toBe(0);

    // The worker comes back on the same D1 (another port, the same address through the proxy).
    await worker.restart();
    proxy.target = worker.url;
    await syncUntilIdle(options);

    const sent = proxy.log.filter((l) => l.path === '/v1/sync' && l.status !== null);
    // The lost batch went again under its own key, and the worker answered with the first reply.
    expect(sent.filter((l) => l.key === firstKey).length).toBeGreaterThanOrEqual(2);
    expect(
      sent
        .filter((l) => l.key === firstKey && l.status === 200)
        .slice(1)
        .every((l) => l.replayed),
    ).toBe(true);
    // Every member this browser kept is in D1 once: as many rows as the local store has members,
    // each key once, each created once; every 编号 the host shows is there.
    const local = await browser.background.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('league-archive-assistant');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('members').objectStore('members').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(local).toBeGreaterThan(120);
    const members = worker.d1<{ n: number; keys: number }>(
      'SELECT count(*) AS n, count(DISTINCT key) AS keys FROM members',
    )[0];
    expect(members).toEqual({ n: local, keys: local });
    const creates = worker.d1<{ n: number }>("SELECT count(*) AS n FROM audit WHERE action = 'member.create'")[0]!.n;
    expect(creates).toBe(local);
    const inD1 = new Set(
      worker.d1<{ dev_number: string | null }>('SELECT dev_number FROM members').map((r) => r.dev_number),
    );
    const shown = new Set(truth.map((m) => normaliseDevNumber(m.userCode)).filter(Boolean));
    expect([...shown].filter((n) => !inD1.has(n))).toEqual([]);
    const s = await teamStatus(options);
    expect(s.sync).toMatchObject({ lastError: null, needsAuth: false, waiting: { rows: 0, requests: 0, rejected: 0 } });
    await host.close().catch(() => {});
  });
});
