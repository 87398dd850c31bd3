import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

const membersOf = (tenantId: string) =>
  env.DB.prepare('SELECT key, host_id, dev_number, status FROM members WHERE tenant_id = ? ORDER BY key')
    .bind(tenantId)
    .all<{ key: string; host_id: string | null; dev_number: string | null; status: string }>()
    .then((r) => r.results);
const at = (min: number) => new Date(Date.UTC(2025, 0, 1, 0, min)).toISOString();

describe('POST /v1/sync: who is who', () => {
  it('keeps one member when a page first without and later with the host id shows them', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        devNumber: '202400000001',
        name: '张伟',
        status: 'notUploaded',
        observedAt: at(1),
      }),
    ]);
    const r = await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'u7',
        devNumber: '202400000001',
        name: '张伟',
        status: 'pending',
        observedAt: at(2),
      }),
    ]);
    expect(r.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await membersOf(team.tenantId)).toMatchObject([
      { host_id: 'u7', dev_number: '202400000001', status: 'pending' },
    ]);
    // And by the host id from then on, whatever the number.
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'u7',
        devNumber: '202400000001',
        name: '张伟',
        status: 'certified',
        observedAt: at(3),
      }),
    ]);
    expect(await membersOf(team.tenantId)).toHaveLength(1);
  });

  it('treats a corrected 编号 under the same name and 入团时间 as the same member (§5.8)', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        devNumber: '202300000001',
        name: '张伟',
        status: 'notUploaded',
        observedAt: at(1),
      }),
    ]);
    const r = await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        devNumber: '202400000001',
        name: '张伟',
        status: 'pending',
        observedAt: at(2),
      }),
    ]);
    expect(r.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await membersOf(team.tenantId)).toMatchObject([{ dev_number: '202400000001', status: 'pending' }]);
  });

  it('keeps two members with the same name and 入团时间 apart when a page shows both', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, devNumber: '202400000001', name: '张伟', observedAt: at(1) }),
    ]);
    // The newcomer listed first: the known member is matched by its own number, so no correction.
    const r = await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, devNumber: '202400000002', name: '张伟', observedAt: at(2) }),
      observation({ org: { id: 'a-1' }, devNumber: '202400000001', name: '张伟', observedAt: at(2) }),
    ]);
    expect(r.members.created).toBe(1);
    expect((await membersOf(team.tenantId)).map((m) => m.dev_number)).toEqual(['202400000001', '202400000002']);
    // With two known members fitting, a third number cannot be told apart: a new member.
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, devNumber: '202400000003', name: '张伟', observedAt: at(3) }),
    ]);
    expect(await membersOf(team.tenantId)).toHaveLength(3);
  });

  it('does not merge a member of another organisation or with another host id', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'u1', devNumber: '202400000001', name: '张伟', observedAt: at(1) }),
    ]);
    await syncOk(team.token, [
      observation({ org: { id: 'a-2' }, devNumber: '202400000009', name: '张伟', observedAt: at(2) }),
    ]);
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'u2', devNumber: '202400000008', name: '张伟', observedAt: at(3) }),
    ]);
    expect(await membersOf(team.tenantId)).toHaveLength(3);
  });
});
