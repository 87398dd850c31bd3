import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from '../store/db';
import { currentHashKey } from '../store/hashKey';
import { readSyncState, writeSyncState } from '../sync/drain';
import { TeamError, normaliseBaseUrl } from './client';
import { connect, disconnect, hashKeysToTry, readConnection, renew, viewOf } from './connection';
import { FakeWorker } from '../../../test/support/fakeWorker';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
let db: LocalDb;
let worker: FakeWorker;
beforeEach(async () => {
  db = await openLocalDb(`conn-${crypto.randomUUID()}`);
  worker = new FakeWorker();
});

const join = () =>
  connect(
    db,
    { baseUrl: 'https://sync.example.org/some/path', code: 'abcde-fghij klmno-pqrst', label: '张老师的电脑' },
    ORIGIN,
    worker.fetch,
  );

describe('joining a team', () => {
  it('redeems the invite and keeps the token and the tenant’s key in the background only', async () => {
    const local = await currentHashKey(db);
    const conn = await join();
    expect(worker.calls[0]).toMatchObject({
      path: '/v1/invites/redeem',
      body: { code: 'ABCDE-FGHIJ-KLMNO-PQRST', label: '张老师的电脑' },
    });
    expect(conn).toMatchObject({
      baseUrl: 'https://sync.example.org',
      role: 'branch',
      org: { name: '高二（3）班团支部' },
      tenant: { id: 'tn_1', storeNames: true },
    });
    expect(await currentHashKey(db)).toEqual({ id: 'tn_1', key: new Uint8Array(32).fill(9) });
    // What extension pages get never holds the token.
    expect(JSON.stringify(viewOf(await readConnection(db)))).not.toContain('laa_tok');
    // Hashes this browser made before joining can still be searched locally.
    expect(await hashKeysToTry(db)).toEqual([new Uint8Array(32).fill(9), local.key]);
  });

  it('refuses a bad address or code with a message that says what to do, and changes nothing', async () => {
    await expect(
      connect(
        db,
        { baseUrl: 'http://sync.example.org', code: 'ABCDEFGHIJKLMNOPQRST', label: 'x' },
        ORIGIN,
        worker.fetch,
      ),
    ).rejects.toThrow(/https:\/\//);
    await expect(
      connect(
        db,
        { baseUrl: 'https://sync.example.org', code: 'ZZZZZZZZZZZZZZZZZZZZ', label: 'x' },
        ORIGIN,
        worker.fetch,
      ),
    ).rejects.toThrow('邀请码不正确');
    worker.down = true;
    const err = await join().catch((e: TeamError) => e);
    expect(err).toBeInstanceOf(TeamError);
    expect((err as TeamError).message).toContain(ORIGIN);
    expect(await readConnection(db)).toBeNull();
    expect((await currentHashKey(db)).id).toMatch(/^local-/);
  });

  it('renews the token and clears a refused-token state', async () => {
    await join();
    await writeSyncState(db, { ...(await readSyncState(db)), needsAuth: true, lastError: '令牌已过期' });
    const conn = await renew(db, ORIGIN, worker.fetch);
    expect(conn.expiresAt).toBe('2028-01-01T00:00:00.000Z');
    expect((await readSyncState(db)).needsAuth).toBe(false);
  });

  it('leaves: revokes the token, forgets it and the key, keeps the members', async () => {
    await join();
    const r = await disconnect(db, true, ORIGIN, worker.fetch);
    expect(r).toEqual({ revoked: true });
    expect(worker.revoked.has('laa_tok')).toBe(true);
    expect(await readConnection(db)).toBeNull();
    expect((await currentHashKey(db)).id).toMatch(/^local-/);
    expect(await hashKeysToTry(db)).toContainEqual(new Uint8Array(32).fill(9));
  });

  it('accepts https addresses, and http only on this machine', () => {
    expect(normaliseBaseUrl(' https://sync.example.org/ ')).toBe('https://sync.example.org');
    expect(normaliseBaseUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseBaseUrl('http://sync.example.org')).toBeNull();
    expect(normaliseBaseUrl('sync.example.org')).toBeNull();
  });
});
