import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../shared/domain/types';
import type { RowObservation } from '../../model/member';
import { promptedMembers } from '../prompted';
import { openLocalDb, type LocalDb } from './db';
import { allMembers, recordObservations } from './members';
import { recordRejectionNotices, rememberOrgType, withNotices } from './notices';

const org = { name: '演示中学团委高三（1）班团支部' };
const row = (over: Partial<RowObservation> = {}): RowObservation => ({
  org,
  name: '张伟',
  devNumber: '202400000001',
  joinedOn: '2024-05-20' as ChinaDate,
  status: 'rejected',
  ...over,
});

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(`test-${crypto.randomUUID()}`);
});

describe('what the overlay learns beside the lists', () => {
  it('gives the newest reviewer’s reason to the rejected member the message names, now or when first seen', async () => {
    await recordObservations(db, [row(), row({ name: '李娜', devNumber: '202400000002', status: 'certified' })], 100);
    const updated = await recordRejectionNotices(db, [
      { name: '张伟', reason: '缺少第11页', at: 50 },
      { name: '张伟', reason: '第5页缺少介绍人签名', at: 80 },
      { name: '李娜', reason: '旧理由', at: 60 },
    ]);
    expect(updated).toBe(1);
    const byName = Object.fromEntries(
      (await allMembers(db)).map((m) => [m.values.name, m.values.rejectionReason ?? null]),
    );
    expect(byName).toEqual({ 张伟: '第5页缺少介绍人签名', 李娜: null });
    // A rejected member seen later gets the kept reason with its first observation.
    const r = await recordObservations(
      db,
      await withNotices(db, [row({ name: '李娜', devNumber: '202400000002', status: 'rejected' })]),
      200,
    );
    expect(r.facts[0]!.rejectionReason).toBe('旧理由');
  });

  it('marks the members of an organisation remembered as a 毕业班团支部 graduating', async () => {
    await rememberOrgType(db, org, '06BYBTZB');
    const [seen, other] = await withNotices(db, [
      row({ status: 'notUploaded' }),
      row({ org: { name: '高二（3）班团支部' } }),
    ]);
    expect(seen!.graduating).toBe(true);
    expect(other!.graduating).toBeUndefined();
    await rememberOrgType(db, org, '01TZB');
    expect((await withNotices(db, [row()]))[0]!.graduating).toBeUndefined();
  });

  it('lists the kept members behind each sign-in prompt, never the exempt or certified', async () => {
    await recordObservations(
      db,
      [
        row({ name: '甲', devNumber: '202400000011', status: 'notUploaded' }),
        row({ name: '乙', devNumber: '202400000012', status: 'pending' }),
        row({ name: '丙', devNumber: '202400000013', status: 'certified' }),
        row({ name: '丁', devNumber: '201900000014', joinedOn: '2019-05-20' as ChinaDate, status: 'notUploaded' }),
        row({ name: '戊', devNumber: '202400000015', status: 'rejected' }),
      ],
      100,
    );
    const lists = promptedMembers(await allMembers(db), ['notUploaded', 'uncertified']);
    expect(lists.notUploaded.map((m) => m.name)).toEqual(['甲']);
    expect(lists.uncertified.map((m) => m.name).sort()).toEqual(['乙', '戊', '甲'].sort());
    expect(lists.notUploaded[0]).toMatchObject({ devNumber: '202400000011', orgName: org.name, isCadre: false });
  });
});
