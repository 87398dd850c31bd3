import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../shared/domain/types';
import { openLocalDb, type LocalDb } from '../store/db';
import { recordObservations } from '../store/members';
import { connect } from '../team/connection';
import { FakeWorker } from '../../../test/support/fakeWorker';
import { readSyncState } from './drain';
import { waiting } from './outbox';
import { RETRY_ALARM, SyncScheduler } from './scheduler';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const FULL = '演示市第一中学团委高二年级团总支高二（3）班团支部';

let db: LocalDb;
let worker: FakeWorker;
let alarms: { name: string; when?: number }[];
let cleared: string[];
const make = () =>
  new SyncScheduler({
    db: Promise.resolve(db),
    origin: ORIGIN,
    fetchImpl: worker.fetch,
    alarms: { create: (name, info) => alarms.push({ name, when: info.when }), clear: (name) => cleared.push(name) },
    random: () => 0.5,
  });
const seen = (name: string, at: number, org = { name: FULL }) =>
  recordObservations(db, [{ org, name, joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }], at);

beforeEach(async () => {
  db = await openLocalDb(`sched-${crypto.randomUUID()}`);
  worker = new FakeWorker();
  alarms = [];
  cleared = [];
});

describe('sending the queue', () => {
  it('does nothing in local mode: no row is queued without a team', async () => {
    await seen('甲', 1_000);
    expect(await make().run()).toBeNull();
    expect(await waiting(db)).toEqual({ rows: 0, requests: 0, rejected: 0 });
    expect(worker.calls).toHaveLength(0);
  });

  it('sends everything seen before joining, placed in the team’s tree, once', async () => {
    await seen('甲', 1_000);
    await seen('乙', 1_100);
    await connect(
      db,
      { baseUrl: 'https://sync.example.org', code: 'ABCDEFGHIJKLMNOPQRST', label: 'x' },
      ORIGIN,
      worker.fetch,
    );
    const s = make();
    const r = await s.run();
    expect(r).toMatchObject({ queued: 2, unplaced: 0, drain: { sent: 1 } });
    expect(worker.observations().map((o) => [o.name, o.org])).toEqual([
      ['甲', { id: 'c23' }],
      ['乙', { id: 'c23' }],
    ]);
    await s.run();
    expect(worker.applied.size).toBe(1);
    expect(cleared).toContain(RETRY_ALARM);
  });

  it('runs one drain at a time, and one more for what was asked meanwhile', async () => {
    await connect(
      db,
      { baseUrl: 'https://sync.example.org', code: 'ABCDEFGHIJKLMNOPQRST', label: 'x' },
      ORIGIN,
      worker.fetch,
    );
    await seen('甲', 1_000);
    const s = make();
    const first = s.run();
    const second = s.run();
    const third = s.run();
    expect(second).toBe(third);
    await seen('乙', 2_000);
    await Promise.all([first, second]);
    const syncs = worker.calls.filter((c) => c.path === '/v1/sync');
    expect(syncs.length).toBeLessThanOrEqual(2);
    expect(worker.observations().map((o) => o.name)).toEqual(['甲', '乙']);
  });

  it('sets an alarm at the end of the back-off when the worker is failing, and keeps the rows', async () => {
    await connect(
      db,
      { baseUrl: 'https://sync.example.org', code: 'ABCDEFGHIJKLMNOPQRST', label: 'x' },
      ORIGIN,
      worker.fetch,
    );
    await seen('甲', 1_000);
    worker.syncScript = [503];
    const r = await make().run();
    expect(r!.drain!.state.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(alarms).toContainEqual({ name: RETRY_ALARM, when: r!.drain!.state.nextAttemptAt! });
    expect(await waiting(db)).toMatchObject({ requests: 1 });
    // During the back-off, more rows are queued but nothing is sent until the retry (or the admin) says so.
    await seen('乙', 2_000);
    expect(await make().run()).toMatchObject({ queued: 1, drain: null });
    expect(worker.calls.filter((c) => c.path === '/v1/sync')).toHaveLength(1);
    await make().run(true);
    expect(worker.observations().map((o) => o.name)).toEqual(['甲', '乙']);
    expect((await readSyncState(db)).lastError).toBeNull();
  });

  it('holds rows of organisations the team does not have, and sends them once the tree has them', async () => {
    await connect(
      db,
      { baseUrl: 'https://sync.example.org', code: 'ABCDEFGHIJKLMNOPQRST', label: 'x' },
      ORIGIN,
      worker.fetch,
    );
    await seen('甲', 1_000, { name: '演示市第一中学团委教工团支部' });
    let now = Date.now();
    const s = new SyncScheduler({
      db: Promise.resolve(db),
      origin: ORIGIN,
      fetchImpl: worker.fetch,
      alarms: { create: () => {}, clear: () => {} },
      now: () => now,
    });
    expect(await s.run()).toMatchObject({ unplaced: 1 });
    expect(worker.applied.size).toBe(0);
    worker.orgs.push({
      id: 't',
      name: '教工团支部',
      type: '00DJZTZB',
      parentId: null,
      leagueId: null,
      path: ['教工团支部'],
    });
    now += 6 * 60_000;
    expect(await s.run()).toMatchObject({ unplaced: 0 });
    expect(worker.observations().map((o) => o.org)).toEqual([{ id: 't' }]);
  });
});
