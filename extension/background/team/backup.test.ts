import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idCardCheckDigit } from '../../../shared/domain/idCard';
import type { ChinaDate } from '../../../shared/domain/types';
import { updateSettings } from '../settings';
import { openLocalDb } from '../store/db';
import { currentHashKey, setTenantHashKey } from '../store/hashKey';
import { allMembers, recordFact, recordObservations } from '../store/members';
import { exportLocalData, importLocalData } from './backup';

const idCard = (() => {
  const first = '11010520080101123';
  return first + idCardCheckDigit(first);
})();
const row = (name: string, status: 'notUploaded' | 'certified') => ({
  org: { name: '一班团支部' },
  name,
  devNumber: `2024${name === '甲' ? '00000001' : '00000002'}`,
  joinedOn: '2024-05-20' as ChinaDate,
  status,
});

describe('backup and handover', () => {
  it('carries members, notices and settings, never the keys, the token or a clear 身份证号', async () => {
    const from = await openLocalDb(`bk-${crypto.randomUUID()}`);
    await recordObservations(from, [{ ...row('甲', 'notUploaded'), idCard }], 1_000);
    await currentHashKey(from);
    await setTenantHashKey(from, { id: 'tn_1', key: new Uint8Array(32).fill(3) });
    await from.put('kv', { token: 'laa_secret' }, 'team.connection');
    await from.put('kv', { a: 1 }, 'notices.orgTypes');
    await updateSettings(from, { reminderTime: '07:15' });
    const file = await exportLocalData(from);
    const text = JSON.stringify(file);
    expect(text).not.toContain('laa_secret');
    expect(text).not.toContain(idCard);
    expect(Object.keys(file.kv).sort()).toEqual(['notices.orgTypes', 'settings']);
    expect(file.members).toHaveLength(1);

    const to = await openLocalDb(`bk-${crypto.randomUUID()}`);
    expect(await importLocalData(to, JSON.parse(text))).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      kvAdded: 1,
      kvKept: 0,
    });
    expect((await allMembers(to))[0]!.values).toMatchObject({ name: '甲', status: 'notUploaded' });
  });

  it('merges field by field into a browser that has its own newer observations', async () => {
    const from = await openLocalDb(`bk-${crypto.randomUUID()}`);
    const { facts } = await recordObservations(from, [row('甲', 'notUploaded'), row('乙', 'notUploaded')], 1_000);
    await recordFact(from, [facts[0]!.key], 'approvedOn', '2024-05-25' as ChinaDate, 1_500);
    const to = await openLocalDb(`bk-${crypto.randomUUID()}`);
    await recordObservations(to, [row('甲', 'certified')], 2_000);
    const report = await importLocalData(to, JSON.parse(JSON.stringify(await exportLocalData(from))));
    expect(report).toMatchObject({ added: 1, updated: 1 });
    const a = (await allMembers(to)).find((m) => m.values.name === '甲')!;
    // The newer status stays; the approval date only the other browser knew arrives.
    expect(a.values).toMatchObject({ status: 'certified', approvedOn: '2024-05-25' });
    expect(await importLocalData(to, JSON.parse(JSON.stringify(await exportLocalData(from))))).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('refuses a file that is not a backup, or a damaged one, and imports nothing', async () => {
    const to = await openLocalDb(`bk-${crypto.randomUUID()}`);
    expect(await importLocalData(to, { hello: 1 })).toContain('不是团员电子档案助手导出的备份文件');
    expect(
      await importLocalData(to, {
        format: 'league-archive-assistant-backup',
        version: 1,
        exportedAt: '',
        members: [{ key: 1 }],
        kv: {},
      }),
    ).toContain('无法识别');
    expect(await allMembers(to)).toHaveLength(0);
  });
});
