import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { PreflightResult } from '../../shared/api/sync';
import type { ChinaDate } from '../../shared/domain/types';
import type { RecordPreflightRequest } from '../messaging/preflight';
import { overrides, parseRecordRequest, preflightHistory, recordPreflight } from './preflight';
import { openLocalDb, type LocalDb } from './store/db';
import { allMembers, recordObservations } from './store/members';
import { setTenantHashKey } from './store/hashKey';

const org = { name: '高二（3）班团支部' };
const member = { org, name: '张伟', devNumber: '202412345678', joinedOn: '2024-05-20' as ChinaDate };
const result = (over: Partial<RecordPreflightRequest['result']> = {}): RecordPreflightRequest['result'] => ({
  fileName: '入团志愿书.pdf',
  sha256: 'a'.repeat(64),
  bytes: 1234567,
  pages: 12,
  verdict: 'fail',
  codes: ['page-count', 'no-seal'],
  page1Number: '202412345679',
  ...over,
});

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(`test-${crypto.randomUUID()}`);
});

describe('keeping preflight results', () => {
  it('keeps the result on the member the list keeps, and the page-1 number as the member’s fact', async () => {
    const { facts } = await recordObservations(db, [{ ...member, status: 'notUploaded' }], 100);
    const { key } = await recordPreflight(db, { member, result: result(), context: 'upload', decision: 'held' }, 200);
    expect(key).toBe(facts[0]!.key);
    expect(await allMembers(db)).toHaveLength(1);
    const [m] = await allMembers(db);
    expect(m!.values.page1Number).toBe('202412345679');
    expect(m!.values.status).toBe('notUploaded');
    const history = await preflightHistory(db, key!);
    expect(history).toMatchObject([
      { verdict: 'fail', codes: ['page-count', 'no-seal'], decision: 'held', at: 200, sha256: 'a'.repeat(64) },
    ]);
    expect(JSON.stringify(history)).not.toContain('%PDF');
  });

  it('keeps 仍要上传 with its reason in the member’s history and in the override log', async () => {
    const { key } = await recordPreflight(
      db,
      { member, result: result(), context: 'upload', decision: 'override', reason: '原件缺页，已报上级同意先上传' },
      300,
    );
    expect((await preflightHistory(db, key!)).at(-1)).toMatchObject({
      decision: 'override',
      reason: '原件缺页，已报上级同意先上传',
    });
    expect(await overrides(db)).toMatchObject([
      { memberKey: key, reason: '原件缺页，已报上级同意先上传', member: { name: '张伟' } },
    ]);
  });

  it('refuses an override without a reason and malformed results', () => {
    expect(parseRecordRequest({ member, result: result(), context: 'upload', decision: 'override', reason: ' ' })).toBe(
      '请填写仍要上传的理由',
    );
    expect(parseRecordRequest({ member, result: result({ sha256: 'xyz' }), context: 'upload', decision: 'held' })).toBe(
      '检查结果缺少文件摘要',
    );
    expect(
      parseRecordRequest({ member, result: result({ codes: ['DROP TABLE'] }), context: 'upload', decision: 'held' }),
    ).toBe('问题代码无效');
    expect(parseRecordRequest({ member, result: result(), context: 'elsewhere', decision: 'held' })).toBe(
      '检查场景无效',
    );
    expect(typeof parseRecordRequest({ member, result: result(), context: 'review', decision: 'reviewed' })).toBe(
      'object',
    );
    expect(
      parseRecordRequest({
        member,
        result: result({ sealPages: [0, 'x'] as unknown as number[] }),
        context: 'review',
        decision: 'reviewed',
      }),
    ).toBe('公章页码无效');
    expect(
      parseRecordRequest({ member, result: result({ sealPages: [3] }), context: 'review', decision: 'reviewed' }),
    ).toMatchObject({ result: { sealPages: [3] } });
  });

  it('keeps the grouped findings with their pages, and refuses malformed ones', () => {
    const findings = [
      { code: 'stained-page', severity: 'fail' as const, pages: [3] },
      { code: 'low-resolution', severity: 'warn' as const, pages: [1, 2, 3] },
    ];
    const ask = (f: unknown) =>
      parseRecordRequest({
        member,
        result: result({ findings: f as typeof findings }),
        context: 'review',
        decision: 'reviewed',
      });
    expect(ask(findings)).toMatchObject({ result: { findings } });
    for (const bad of [
      'x',
      [{ code: 'DROP TABLE', severity: 'fail', pages: [] }],
      [{ code: 'skew', severity: 'bad', pages: [] }],
      [{ code: 'skew', severity: 'warn', pages: [0] }],
      [{ code: 'skew', severity: 'warn' }],
      Array.from({ length: 61 }, () => ({ code: 'skew', severity: 'warn', pages: [1] })),
    ])
      expect(ask(bad), JSON.stringify(bad).slice(0, 60)).toBe('问题列表无效');
  });

  it('queues nothing in local mode, and a valid sync row once connected to a team', async () => {
    await recordPreflight(db, { member, result: result(), context: 'upload', decision: 'held' }, 400);
    expect(await db.count('pending')).toBe(0);
    await setTenantHashKey(db, { id: 'tenant-1', key: new Uint8Array(32) });
    await recordPreflight(
      db,
      { member, result: result({ verdict: 'warn', codes: ['skew', 'skew'] }), context: 'upload', decision: 'released' },
      500,
    );
    const rows = await db.getAll('pending');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('preflight');
    const body = PreflightResult.parse(rows[0]!.body);
    expect(body).toMatchObject({
      verdict: 'warn',
      codes: ['skew'],
      member: { devNumber: '202412345678' },
      org: { path: ['高二（3）班团支部'] },
      pages: 12,
      decision: 'released',
    });
    expect(body.overrideReason).toBeUndefined();
    // 仍要上传 carries the admin's reason to the team.
    await recordPreflight(
      db,
      { member, result: result(), context: 'upload', decision: 'override', reason: '原件缺页，已报上级同意先上传' },
      600,
    );
    const override = PreflightResult.parse((await db.getAll('pending'))[1]!.body);
    expect(override).toMatchObject({ decision: 'override', overrideReason: '原件缺页，已报上级同意先上传' });
  });

  it('keeps a reviewer’s check without a member it can place', async () => {
    const { key } = await recordPreflight(
      db,
      { member: null, result: result({ verdict: 'pass', codes: [] }), context: 'review', decision: 'reviewed' },
      600,
    );
    expect(key).toBeNull();
  });
});
