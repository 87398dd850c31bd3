import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OrgView } from '../../../shared/api/orgs';
import type { MemberObservation, SyncBatch } from '../../../shared/api/sync';
import { hashIdCard, hashName, idCardCheckDigit } from '../../../shared/domain/idCard';
import type { ChinaDate } from '../../../shared/domain/types';
import { openLocalDb, type LocalDb } from '../store/db';
import { recordFact, recordObservations } from '../store/members';
import { setTenantHashKey } from '../store/hashKey';
import { recordPreflight } from '../preflight';
import { forwardKept, placeWith, unplacedRows, type ForwardOptions } from './forward';
import { OrgMatcher } from './orgMatch';
import { freezeBatches } from './outbox';

const key = new Uint8Array(32).fill(7);
const FULL = '演示市第一中学团委高二年级团总支高二（3）班团支部';
const org = { name: FULL };
const idCard = (() => {
  const first = '11010520080101123';
  return first + idCardCheckDigit(first);
})();

let db: LocalDb;
let opts: ForwardOptions;
beforeEach(async () => {
  db = await openLocalDb(`fwd-${crypto.randomUUID()}`);
  await setTenantHashKey(db, { id: 'tn_1', key });
  opts = { tenantId: 'tn_1', clearNames: true, key, keySince: 0 };
});

const pendingBodies = async () => (await db.getAll('pending')).map((r) => r.body as MemberObservation);

describe('forwarding what the store keeps', () => {
  it('queues each kept member once, as the worker’s observation, and nothing again until something changes', async () => {
    await recordObservations(
      db,
      [{ org, name: '张三伟', devNumber: '202412345678', joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
      1_000,
    );
    expect(await forwardKept(db, opts)).toBe(1);
    expect(await pendingBodies()).toEqual([
      {
        org: { path: [FULL] },
        name: '张三伟',
        devNumber: '202412345678',
        joinedOn: '2024-05-20',
        status: 'notUploaded',
        observedAt: new Date(1_000).toISOString(),
      },
    ]);
    expect(await forwardKept(db, opts)).toBe(0);
    // The same row seen again later: its fields were observed anew (the worker keeps the newest time).
    await recordObservations(
      db,
      [{ org, name: '张三伟', devNumber: '202412345678', joinedOn: '2024-05-20' as ChinaDate, status: 'pending' }],
      2_000,
    );
    expect(await forwardKept(db, opts)).toBe(1);
    expect((await pendingBodies())[1]).toMatchObject({ status: 'pending', observedAt: new Date(2_000).toISOString() });
  });

  it('sends an approval date at its own time, naming the member by its 编号 and 入团时间', async () => {
    const { facts } = await recordObservations(
      db,
      [{ org, name: '李四', devNumber: '202412345679', joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
      1_000,
    );
    await forwardKept(db, opts);
    await recordFact(db, [facts[0]!.key], 'approvedOn', '2024-05-25' as ChinaDate, 5_000);
    expect(await forwardKept(db, opts)).toBe(1);
    const [, approval] = await pendingBodies();
    expect(approval).toEqual({
      org: { path: [FULL] },
      devNumber: '202412345679',
      joinedOn: '2024-05-20',
      approvedOn: '2024-05-25',
      observedAt: new Date(5_000).toISOString(),
    });
  });

  it('keeps names out when the tenant or the admin says so: masked and keyed-hashed only', async () => {
    await recordObservations(
      db,
      [{ org, name: '王小明', joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
      1_000,
    );
    await forwardKept(db, { ...opts, clearNames: false });
    const [o] = await pendingBodies();
    expect(o).toMatchObject({ nameMasked: '王*明', nameHash: await hashName('王小明', key) });
    expect(JSON.stringify(o)).not.toContain('王小明');
  });

  it('never sends a 身份证号 in clear; its hash only when made with the tenant’s key', async () => {
    await recordObservations(
      db,
      [
        {
          org,
          name: '赵六',
          joinedOn: '2024-05-20' as ChinaDate,
          status: 'notUploaded',
          idCard,
          rejectionReason: `身份证 ${idCard} 有误`,
        },
      ],
      1_000,
    );
    await forwardKept(db, { ...opts, keySince: 5_000 });
    let [o] = await pendingBodies();
    expect(o!.idHash).toBeUndefined();
    expect(JSON.stringify(o)).not.toContain(idCard);
    expect(o!.rejectionReason).toBe('身份证 110105********123' + idCard.slice(-1) + ' 有误');
    // Seen again after joining the team: hashed with the tenant's key, so it is sent.
    await recordObservations(db, [{ org, name: '赵六', joinedOn: '2024-05-20' as ChinaDate, idCard }], 6_000);
    await forwardKept(db, { ...opts, keySince: 5_000 });
    [, o] = await pendingBodies();
    expect(o).toMatchObject({ idHash: await hashIdCard(idCard, key), idMasked: '110105********' + idCard.slice(-4) });
  });

  it('queues the file checks kept before joining once, and leaves later ones to the upload gate', async () => {
    const member = { org, name: '孙八', devNumber: '202412345670', joinedOn: '2024-05-20' as ChinaDate };
    const result = {
      fileName: 'a.pdf',
      sha256: 'c'.repeat(64),
      bytes: 1000,
      pages: 12,
      verdict: 'pass' as const,
      codes: [],
      page1Number: '202412345670',
    };
    await setTenantHashKey(db, null);
    await recordPreflight(db, { member, result, context: 'upload', decision: 'released' }, 1_000);
    expect(await db.count('pending')).toBe(0);
    await setTenantHashKey(db, { id: 'tn_1', key });
    // Kept after joining: the gate queues it itself.
    await recordPreflight(
      db,
      { member, result: { ...result, sha256: 'd'.repeat(64) }, context: 'upload', decision: 'released' },
      6_000,
    );
    await forwardKept(db, { ...opts, keySince: 5_000 });
    const preflights = (await db.getAll('pending'))
      .filter((r) => r.kind === 'preflight')
      .map((r) => (r.body as { fileHash: string }).fileHash);
    expect(preflights.sort()).toEqual(['c'.repeat(64), 'd'.repeat(64)]);
    await forwardKept(db, { ...opts, keySince: 5_000 });
    expect((await db.getAll('pending')).filter((r) => r.kind === 'preflight')).toHaveLength(2);
  });

  it('starts over for another tenant', async () => {
    await recordObservations(
      db,
      [{ org, name: '钱七', joinedOn: '2024-05-20' as ChinaDate, status: 'certified' }],
      1_000,
    );
    await forwardKept(db, opts);
    expect(await forwardKept(db, { ...opts, tenantId: 'tn_2' })).toBe(1);
  });
});

describe('placing rows before they are sent', () => {
  const tree: OrgView[] = [
    { id: 'c23', name: '高二（3）班团支部', type: '01TZB', parentId: 'g2', leagueId: null, path: [] },
  ];

  it('sends placed rows as { id } and holds the others, in order, until their organisation is known', async () => {
    await recordObservations(
      db,
      [{ org, name: '甲', joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
      1_000,
    );
    await recordObservations(
      db,
      [
        {
          org: { name: '演示市第一中学团委教工团支部' },
          name: '乙',
          joinedOn: '2024-05-20' as ChinaDate,
          status: 'notUploaded',
        },
      ],
      1_100,
    );
    await recordObservations(
      db,
      [{ org, name: '丙', joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
      1_200,
    );
    await forwardKept(db, opts);
    const matcher = new OrgMatcher(tree);
    expect(await freezeBatches(db, 0, 5000, placeWith(matcher))).toBe(1);
    const [batch] = await db.getAll('outbox');
    expect((batch!.body as SyncBatch).observations.map((o) => [o.name, o.org])).toEqual([
      ['甲', { id: 'c23' }],
      ['丙', { id: 'c23' }],
    ]);
    expect(await unplacedRows(db, matcher)).toEqual({ count: 1, orgs: ['演示市第一中学团委教工团支部'] });
    // The committee adds the organisation: the held row goes in the next batch.
    const more = new OrgMatcher([
      ...tree,
      { id: 't', name: '教工团支部', type: '00DJZTZB', parentId: 'root', leagueId: null, path: [] },
    ]);
    expect(await freezeBatches(db, 0, 5000, placeWith(more))).toBe(1);
    expect(((await db.getAll('outbox'))[1]!.body as SyncBatch).observations.map((o) => o.org)).toEqual([{ id: 't' }]);
    expect(await db.count('pending')).toBe(0);
  });

  it('fills each batch to the limit across held rows', async () => {
    for (let i = 0; i < 5; i++) {
      const o = i % 2 ? { name: '别处团支部' } : org;
      await recordObservations(
        db,
        [{ org: o, name: `成员${i}`, joinedOn: '2024-05-20' as ChinaDate, status: 'notUploaded' }],
        1_000 + i,
      );
    }
    await forwardKept(db, opts);
    expect(await freezeBatches(db, 0, 2, placeWith(new OrgMatcher(tree)))).toBe(2);
    const sizes = (await db.getAll('outbox')).map((b) => (b.body as SyncBatch).observations.map((o) => o.name));
    expect(sizes).toEqual([['成员0', '成员2'], ['成员4']]);
    expect(await db.count('pending')).toBe(2);
  });
});
