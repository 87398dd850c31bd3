import { describe, expect, it } from 'vitest';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

const ids = (r: { body: { orgs: { id: string }[] } }) => r.body.orgs.map((o) => o.id).sort();

describe('organisation tree', () => {
  it('imports from JSON, in any order, and lists the subtree with name paths', async () => {
    const team = await bootstrap();
    const shuffled = [...SCHOOL_TREE].reverse();
    const r = await api('/orgs/import', { token: team.token, body: { orgs: shuffled } });
    expect(r.body).toEqual({ created: 6, updated: 0 });
    const list = await api('/orgs', { token: team.token });
    expect(list.body.orgs).toHaveLength(7);
    expect(list.body.orgs.find((o: { id: string }) => o.id === 'b-1')).toEqual({
      id: 'b-1',
      name: '汉语言2301团支部',
      type: '06BYBTZB',
      parentId: 'college-b',
      leagueId: 'L-b1',
      path: ['共青团测试市委员会', '测试大学团委', '文学院团委', '汉语言2301团支部'],
    });
    // Importing the same again changes nothing.
    expect((await api('/orgs/import', { token: team.token, body: { orgs: SCHOOL_TREE } })).body).toEqual({
      created: 0,
      updated: 0,
    });
  });

  it('imports from CSV with a BOM, quotes and CRLF', async () => {
    const team = await bootstrap();
    const csv =
      '\uFEFFid,name,type,parentId,leagueId\r\nu,"测试大学团委",03TW,root,\r\nc,"计算机学院团委",03TW,u,L9\r\n';
    const r = await api('/orgs/import', {
      token: team.token,
      raw: csv,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      method: 'POST',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 2, updated: 0 });
    expect(ids(await api('/orgs', { token: team.token }))).toEqual(['c', 'root', 'u']);
  });

  it('renames and moves an organisation with its subtree; members follow', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'x' })]);
    // Read once before the change: a tree kept from this read must not be served after it.
    expect((await api('/reminders/school', { token: team.token })).body.counters.total).toBe(1);
    const moved = await api('/orgs/college-a', {
      method: 'PATCH',
      token: team.token,
      body: { parentId: 'root', name: '计算机与软件学院团委' },
    });
    expect(moved.status).toBe(200);
    const list = await api('/orgs', { token: team.token });
    expect(list.body.orgs.find((o: { id: string }) => o.id === 'a-1').path).toEqual([
      '共青团测试市委员会',
      '计算机与软件学院团委',
      '计科2301团支部',
    ]);
    const school = await api('/reminders/school', { token: team.token });
    expect(school.body.counters.total).toBe(0);
    const college = await api('/reminders/college-a', { token: team.token });
    expect(college.body.counters.total).toBe(1);
    expect(college.body.org.name).toBe('计算机与软件学院团委');
  });

  it('deletes an empty organisation and refuses one with members or children', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'x' })]);
    expect((await api('/orgs/a-1', { method: 'DELETE', token: team.token })).body.error.code).toBe('org-has-members');
    expect((await api('/orgs/college-b', { method: 'DELETE', token: team.token })).body.error.code).toBe(
      'org-has-children',
    );
    expect((await api('/orgs/a-2', { method: 'DELETE', token: team.token })).status).toBe(200);
    expect(ids(await api('/orgs', { token: team.token }))).not.toContain('a-2');
  });
});
