import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, bootstrap, idemKey, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

const memberRow = (tenantId: string, key: string) =>
  env.DB.prepare('SELECT * FROM members WHERE tenant_id = ? AND key = ?')
    .bind(tenantId, key)
    .first<Record<string, unknown>>();

describe('POST /v1/sync', () => {
  it('creates members from observations, naming organisations by id, leagueId or name path', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const r = await syncOk(team.token, [
      observation({ org: { id: 'a-2' }, hostId: 'u1', devNumber: '202412345678' }),
      observation({ org: { leagueId: 'L-a1' }, hostId: 'u2', name: '李四' }),
      observation({
        org: { path: ['共青团测试市委员会', '测试大学团委', '文学院团委', '汉语言2301团支部'] },
        hostId: 'u3',
        name: '王五',
      }),
      observation({ org: { path: ['文学院团委', '汉语言2301团支部'] }, devNumber: '202400000001', name: '赵六' }),
    ]);
    expect(r.members).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(r.auditEntries).toBe(4);
    const u3 = await memberRow(team.tenantId, 'id:u3');
    const b1 = await env.DB.prepare("SELECT seq FROM orgs WHERE id = 'b-1'").first<{ seq: number }>();
    expect(u3?.org_seq).toBe(b1!.seq);
    expect(await memberRow(team.tenantId, 'no:b-1:202400000001')).not.toBeNull();
    const u1 = await memberRow(team.tenantId, 'id:u1');
    expect(u1).toMatchObject({
      name: '张三伟',
      name_masked: '张*伟',
      dev_number: '202412345678',
      joined_on: '2024-05-04',
      last_day: '2024-06-03',
      estimated: 1,
      needs_archive: 1,
    });
  });

  it('keeps the newest observation field by field; an older one never undoes a newer one', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const t = (min: number) => new Date(Date.UTC(2025, 0, 1, 0, min)).toISOString();
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'm', status: 'notUploaded', observedAt: t(10) }),
    ]);
    // Newer status, older approval date: the status wins, the approval date (first seen) is set.
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'm', status: 'pending', observedAt: t(20) })]);
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'm',
        status: 'rejected',
        rejectionReason: '缺第3页',
        approvedOn: '2024-05-10' as never,
        observedAt: t(15),
      }),
    ]);
    let row = await memberRow(team.tenantId, 'id:m');
    expect(row).toMatchObject({
      status: 'pending',
      rejection_reason: '缺第3页',
      approved_on: '2024-05-10',
      last_day: '2024-06-09',
      estimated: 0,
    });
    // Seen empty later: null clears the reason.
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'm', status: undefined, rejectionReason: null, observedAt: t(30) }),
    ]);
    row = await memberRow(team.tenantId, 'id:m');
    expect(row?.rejection_reason).toBeNull();
    const replayOld = await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'm', status: 'notUploaded', observedAt: t(5) }),
    ]);
    expect(replayOld.members).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await memberRow(team.tenantId, 'id:m'))?.status).toBe('pending');
  });

  it('clamps observation times from the future to the server clock', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const future = new Date(Date.now() + 365 * 86_400_000).toISOString();
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'f', status: 'certified', observedAt: future }),
    ]);
    // A real observation made a moment later wins over the clamped "future" one.
    await new Promise((r) => setTimeout(r, 5));
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'f', status: 'rejected', observedAt: new Date().toISOString() }),
    ]);
    expect((await memberRow(team.tenantId, 'id:f'))?.status).toBe('rejected');
  });

  it('records preflight results (metadata only) and keeps names out when the tenant says so', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE, storeNames: false });
    await syncOk(
      team.token,
      [
        observation({
          org: { id: 'a-1' },
          hostId: 'p',
          name: '欧阳娜娜',
          idHash: 'a'.repeat(64),
          idMasked: '110105********1234',
        }),
      ],
      [
        {
          org: { id: 'a-1' },
          member: { hostId: 'p' },
          fileHash: 'b'.repeat(64),
          size: 1234567,
          pages: 12,
          verdict: 'pass',
          codes: [],
          page1Number: '202412345678',
          observedAt: new Date().toISOString(),
        },
      ],
    );
    const row = await memberRow(team.tenantId, 'id:p');
    expect(row).toMatchObject({
      name: null,
      name_masked: '欧**娜',
      id_hash: 'a'.repeat(64),
      id_masked: '110105********1234',
    });
    expect(row?.name_hash).toMatch(/^[0-9a-f]{64}$/);
    const pf = await env.DB.prepare('SELECT * FROM preflights WHERE tenant_id = ?')
      .bind(team.tenantId)
      .first<Record<string, unknown>>();
    expect(pf).toMatchObject({ member_ref: 'm:id:p', pages: 12, verdict: 'pass', size: 1234567 });
    const all = JSON.stringify(
      await env.DB.prepare('SELECT * FROM members WHERE tenant_id = ?').bind(team.tenantId).all(),
    );
    expect(all).not.toContain('欧阳娜娜');
  });

  it('keeps a 仍要上传 in the audit log as its own entry, with the admin’s reason', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const override = {
      org: { id: 'a-1' },
      member: { devNumber: '202412345678' },
      fileHash: 'c'.repeat(64),
      size: 20_500_000,
      pages: 12,
      verdict: 'fail',
      codes: ['too-large'],
      decision: 'override',
      overrideReason: '上级团委要求今天上传，文件明天压缩后替换',
      observedAt: new Date().toISOString(),
    };
    await syncOk(
      team.token,
      [],
      [
        override,
        {
          ...override,
          fileHash: 'd'.repeat(64),
          verdict: 'pass',
          codes: [],
          decision: 'released',
          overrideReason: undefined,
        },
      ],
    );
    const entries = await env.DB.prepare(
      "SELECT action, subject FROM audit WHERE tenant_id = ? AND action LIKE 'preflight.%' ORDER BY seq",
    )
      .bind(team.tenantId)
      .all<{ action: string; subject: string }>();
    // One opaque subject for the member the two checks name (its 编号 never enters the chain).
    expect(entries.results.map((e) => e.action)).toEqual(['preflight.override', 'preflight.record']);
    expect(entries.results[0]!.subject).toMatch(/^s_/);
    expect(entries.results[1]!.subject).toBe(entries.results[0]!.subject);
    const kept = await env.DB.prepare(
      'SELECT verdict, decision, override_reason FROM preflights WHERE tenant_id = ? ORDER BY verdict',
    )
      .bind(team.tenantId)
      .all();
    expect(kept.results).toEqual([
      { verdict: 'fail', decision: 'override', override_reason: '上级团委要求今天上传，文件明天压缩后替换' },
      { verdict: 'pass', decision: 'released', override_reason: null },
    ]);
  });

  it('answers a replay with the first reply', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const key = idemKey();
    const body = { observations: [observation({ org: { id: 'a-1' }, hostId: 'r' })] };
    const first = await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } });
    const again = await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const n = await env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ? AND action = ?')
      .bind(team.tenantId, 'member.create')
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });
});
