import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemberObservation } from '../../../shared/api/sync';
import { openLocalDb, type LocalDb } from '../store/db';
import { drain, readSyncState, retryDelay } from './drain';
import { enqueueRequest, enqueueRows, freezeBatches, waiting } from './outbox';
import type { FrozenRequest, Transport, TransportReply } from './types';

const obs = (i: number): MemberObservation => ({
  org: { path: ['学校团委', '高二（3）班团支部'] },
  name: `团员${i}`,
  devNumber: `2024${String(i).padStart(8, '0')}`,
  joinedOn: '2024-05-20' as MemberObservation['joinedOn'],
  status: 'notUploaded',
  observedAt: '2024-05-21T08:00:00+08:00',
});

/** A worker that applies each idempotency key once, and answers what the test scripts. */
class FakeWorker implements Transport {
  applied = new Map<string, unknown>();
  sent: FrozenRequest[] = [];
  script: (TransportReply | Error | 'apply-then-drop')[] = [];
  async send(req: FrozenRequest): Promise<TransportReply> {
    this.sent.push(req);
    const next = this.script.shift() ?? { status: 200, body: {} };
    if (next === 'apply-then-drop') {
      this.applied.set(req.idempotencyKey, req.body);
      throw new Error('连接中断');
    }
    if (next instanceof Error) throw next;
    if (next.status < 300) this.applied.set(req.idempotencyKey, req.body);
    return next;
  }
}

const OK_REPLY = {
  members: { created: 0, updated: 0, unchanged: 0 },
  preflights: { recorded: 0 },
  refused: [],
  auditEntries: 0,
  serverTime: '2024-05-21T00:00:00.000Z',
};

let db: LocalDb;
let now = 1_000_000;
const clock = { now: () => now, random: () => 0.5 };
beforeEach(async () => {
  db = await openLocalDb(`sync-${crypto.randomUUID()}`);
  now = 1_000_000;
});

describe('the sync queue', () => {
  it('freezes rows into batches of at most the limit, in order', async () => {
    await enqueueRows(
      db,
      Array.from({ length: 7 }, (_, i) => ({ kind: 'observation' as const, body: obs(i) })),
    );
    expect(await freezeBatches(db, now, 3)).toBe(3);
    const batches = await db.getAll('outbox');
    expect(
      batches.map((b) => (b.body as { observations: MemberObservation[] }).observations.map((o) => o.name)),
    ).toEqual([['团员0', '团员1', '团员2'], ['团员3', '团员4', '团员5'], ['团员6']]);
    expect(new Set(batches.map((b) => b.idempotencyKey)).size).toBe(3);
    expect(await waiting(db)).toEqual({ rows: 0, requests: 3, rejected: 0 });
  });

  it('sends in order and removes only what the worker acknowledged', async () => {
    const worker = new FakeWorker();
    await enqueueRows(db, [{ kind: 'observation', body: obs(1) }]);
    await enqueueRequest(db, {
      method: 'PUT',
      path: '/v1/members/k1/approval',
      body: { approvedOn: '2024-05-25' },
      label: '记录批准日期',
    });
    const r = await drain(db, worker, clock);
    expect(r.sent).toBe(2);
    expect(worker.sent.map((s) => s.path)).toEqual(['/v1/sync', '/v1/members/k1/approval']);
    expect(await waiting(db)).toEqual({ rows: 0, requests: 0, rejected: 0 });
    expect(r.state).toMatchObject({ lastSyncAt: now, lastError: null, failures: 0 });
  });

  it('loses and duplicates nothing when the connection drops after the worker applied a batch', async () => {
    const worker = new FakeWorker();
    worker.script = ['apply-then-drop'];
    await enqueueRows(db, [{ kind: 'observation', body: obs(1) }]);
    const first = await drain(db, worker, clock);
    expect(first.sent).toBe(0);
    expect(first.state.nextAttemptAt).toBe(now + retryDelay(1, 0.5));
    expect(first.state.lastError).toContain('无法连接同步服务');
    now += 10_000;
    await drain(db, worker, clock);
    // The same key both times: the worker applies it once.
    expect(worker.sent).toHaveLength(2);
    expect(worker.sent[0]!.idempotencyKey).toBe(worker.sent[1]!.idempotencyKey);
    expect(worker.applied.size).toBe(1);
    expect(await waiting(db)).toMatchObject({ requests: 0 });
  });

  it('backs off on 5xx, 429 and 409 and honours Retry-After, keeping the order', async () => {
    const worker = new FakeWorker();
    worker.script = [
      { status: 503, body: null },
      { status: 429, body: null, retryAfterMs: 120_000 },
      { status: 409, body: { error: { code: 'in-flight', message: '同一请求仍在处理中' } } },
    ];
    await enqueueRows(db, [{ kind: 'observation', body: obs(1) }]);
    await enqueueRequest(db, { method: 'PUT', path: '/v1/x', body: {}, label: 'x' });
    let r = await drain(db, worker, clock);
    expect(r.state).toMatchObject({ failures: 1, nextAttemptAt: now + 5000 });
    r = await drain(db, worker, clock);
    expect(r.state).toMatchObject({ failures: 2, nextAttemptAt: now + 120_000 });
    r = await drain(db, worker, clock);
    expect(r.state.lastError).toBe('同一请求仍在处理中');
    expect(worker.sent.map((s) => s.path)).toEqual(['/v1/sync', '/v1/sync', '/v1/sync']);
    r = await drain(db, worker, clock);
    expect(r.sent).toBe(2);
    expect((await db.getAll('outbox')).length).toBe(0);
  });

  it('sets aside a batch the worker refuses as invalid, with its message, and sends the rest', async () => {
    const worker = new FakeWorker();
    worker.script = [{ status: 400, body: { error: { code: 'invalid', message: '入团时间格式应为 YYYY-MM-DD' } } }];
    await enqueueRequest(db, { method: 'PUT', path: '/v1/bad', body: {}, label: '记录批准日期' });
    await enqueueRows(db, [{ kind: 'observation', body: obs(1) }]);
    const r = await drain(db, worker, clock);
    expect(r).toMatchObject({ sent: 1, rejected: 1 });
    const [rejected] = await db.getAll('rejected');
    expect(rejected).toMatchObject({
      path: '/v1/bad',
      status: 400,
      message: '入团时间格式应为 YYYY-MM-DD',
      label: '记录批准日期',
    });
    // Never retried blindly.
    await drain(db, worker, clock);
    expect(worker.sent.filter((s) => s.path === '/v1/bad')).toHaveLength(1);
  });

  it('keeps only the rows the worker refused, each with its reason; the accepted rows leave the queue', async () => {
    const worker = new FakeWorker();
    const refused = [
      { list: 'observations', index: 1, code: 'unknown-org', message: '组织（高二（3）班团支部）不在团队组织树中' },
    ];
    worker.script = [{ status: 200, body: { ...OK_REPLY, refused } }];
    await enqueueRows(
      db,
      [0, 1, 2].map((i) => ({ kind: 'observation' as const, body: obs(i) })),
    );
    const r = await drain(db, worker, clock);
    expect(r).toMatchObject({ sent: 1, rejected: 1 });
    expect(await db.count('outbox')).toBe(0);
    const [kept] = await db.getAll('rejected');
    expect(kept!.body).toEqual({ observations: [obs(1)], preflights: [] });
    expect(kept!.rows).toEqual([
      { label: '团员 团员1（发展团员编号 202400000001）', code: 'unknown-org', message: refused[0]!.message },
    ]);
    expect(await waiting(db)).toEqual({ rows: 0, requests: 0, rejected: 1 });
    // Never sent again by itself.
    await drain(db, worker, clock);
    expect(worker.sent).toHaveLength(1);
  });

  it('stops on a refused token and keeps everything until the admin reconnects', async () => {
    const worker = new FakeWorker();
    worker.script = [{ status: 401, body: { error: { code: 'token-expired', message: '令牌已过期' } } }];
    await enqueueRows(db, [{ kind: 'observation', body: obs(1) }]);
    const r = await drain(db, worker, clock);
    expect(r.state.needsAuth).toBe(true);
    expect(r.state.lastError).toContain('令牌已过期');
    await drain(db, worker, clock);
    expect(worker.sent).toHaveLength(1);
    expect(await waiting(db)).toMatchObject({ requests: 1 });
    expect((await readSyncState(db)).needsAuth).toBe(true);
  });

  it('survives a restart: the queue is in IndexedDB, not in memory', async () => {
    const name = `restart-${crypto.randomUUID()}`;
    const first = await openLocalDb(name);
    await enqueueRows(first, [{ kind: 'observation', body: obs(1) }]);
    await freezeBatches(first, now);
    first.close();
    const again = await openLocalDb(name);
    const worker = new FakeWorker();
    expect((await drain(again, worker, clock)).sent).toBe(1);
  });

  it('grows the back-off to a cap of 30 minutes, with jitter', () => {
    expect(retryDelay(1, 0.5)).toBe(5000);
    expect(retryDelay(2, 0.5)).toBe(10_000);
    expect(retryDelay(30, 0.5)).toBe(1_800_000);
    expect(retryDelay(3, 0)).toBe(16_000);
    expect(retryDelay(3, 0.999)).toBeLessThanOrEqual(28_000);
  });
});
