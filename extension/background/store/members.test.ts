import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../shared/domain/types';
import type { RowObservation } from '../../model/member';
import { openLocalDb, type LocalDb } from './db';
import { allMembers, recordFact, recordObservations } from './members';

const org = { name: '第一团支部', path: ['某某大学团委', '计算机学院团总支', '第一团支部'] };
const row = (over: Partial<RowObservation> = {}): RowObservation => ({
  org,
  name: '张伟',
  devNumber: '202400000001',
  joinedOn: '2024-05-20' as ChinaDate,
  status: 'notUploaded',
  ...over,
});

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(`test-${crypto.randomUUID()}`);
});

describe('the local member store', () => {
  it('keeps each member once, the newest observation winning', async () => {
    await recordObservations(db, [row(), row({ name: '李娜', devNumber: '202400000002' })], 100);
    const r = await recordObservations(db, [row({ status: 'pending' })], 200);
    expect(r).toMatchObject({ created: 0, updated: 1 });
    await recordObservations(db, [row({ status: 'notUploaded' })], 150); // older: must not undo
    const members = await allMembers(db);
    expect(members).toHaveLength(2);
    expect(members.find((m) => m.values.name === '张伟')!.values.status).toBe('pending');
  });

  it('never stores a 身份证号 in clear, only its mask and keyed hash', async () => {
    await recordObservations(db, [row({ idCard: '11010519491231002X' })], 100);
    const [m] = await allMembers(db);
    expect(m!.values.idMasked).toBe('110105********002X');
    expect(m!.values.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(m)).not.toContain('19491231');
  });

  it('treats a corrected 编号 as the same member and keeps what was recorded for it', async () => {
    const { key } = (await recordObservations(db, [row()], 100)).facts[0]!;
    await recordFact(db, [key], 'approvedOn', '2024-05-25' as ChinaDate, 110);
    const r = await recordObservations(db, [row({ devNumber: '202400000099' })], 200);
    expect(r.corrected).toBe(1);
    expect(r.facts[0]).toMatchObject({ approvedOn: '2024-05-25' });
    const members = await allMembers(db);
    expect(members).toHaveLength(1);
    expect(members[0]!.values.devNumber).toBe('202400000099');
  });

  it('follows a member by the host’s id across a changed number', async () => {
    await recordObservations(db, [row({ hostId: 'u1' })], 100);
    await recordObservations(
      db,
      [row({ hostId: 'u1', name: '张伟', devNumber: '202400000050', joinedOn: '2024-05-21' as ChinaDate })],
      200,
    );
    const members = await allMembers(db);
    expect(members).toHaveLength(1);
    expect(members[0]!.values).toMatchObject({ devNumber: '202400000050', joinedOn: '2024-05-21' });
    await recordObservations(
      db,
      [row({ devNumber: '202400000050', joinedOn: '2024-05-21' as ChinaDate, status: 'pending' })],
      300,
    );
    expect((await allMembers(db)).map((m) => [m.key, m.values.status])).toEqual([['id:u1', 'pending']]);
  });

  it('records approval dates for a selection at once', async () => {
    const { facts } = await recordObservations(db, [row(), row({ name: '李娜', devNumber: '202400000002' })], 100);
    expect(
      await recordFact(
        db,
        facts.map((f) => f.key),
        'approvedOn',
        '2024-05-25' as ChinaDate,
        300,
      ),
    ).toBe(2);
    expect((await allMembers(db)).map((m) => m.values.approvedOn)).toEqual(['2024-05-25', '2024-05-25']);
  });
});

describe('two members with the same name and 入团时间', () => {
  it('stay two when one page shows both, whatever the order', async () => {
    await recordObservations(db, [row()], 100);
    const r = await recordObservations(db, [row({ devNumber: '202400000002' }), row()], 200);
    expect(r).toMatchObject({ created: 1, corrected: 0 });
    expect((await allMembers(db)).map((m) => m.values.devNumber).sort()).toEqual(['202400000001', '202400000002']);
  });

  it('in one batch, a member seen twice is kept once', async () => {
    const r = await recordObservations(db, [row(), row({ status: 'pending' })], 100);
    expect(r.created).toBe(1);
    expect((await allMembers(db)).map((m) => m.values.status)).toEqual(['pending']);
  });
});
