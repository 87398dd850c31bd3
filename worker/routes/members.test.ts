import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { hashIdCard, hashName } from '../../shared/domain/idCard';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk, tokenFor } from '../../test/worker/helpers';

const key = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe('members: search, export, approval date', () => {
  it('finds by 姓名, 发展团员编号 and the 身份证号 hashed in the extension', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const idHash = await hashIdCard('11010519900307123X', key(team.hashKey));
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 's1',
        name: '张三伟',
        devNumber: '202412345678',
        idHash,
        idMasked: '110105********123X',
      }),
      observation({ org: { id: 'b-1' }, hostId: 's2', name: '张小红' }),
      observation({ org: { id: 'a-2' }, hostId: 's3', name: '李四' }),
    ]);
    const byName = await api(`/members/search?by=name&q=${encodeURIComponent('张')}`, { token: team.token });
    expect(byName.body.members.map((m: { key: string }) => m.key).sort()).toEqual(['id:s1', 'id:s2']);
    const byNumber = await api('/members/search?by=devNumber&q=202412345678', { token: team.token });
    expect(byNumber.body.members).toHaveLength(1);
    const byId = await api(`/members/search?by=idHash&q=${idHash}`, { token: team.token });
    expect(byId.body.members[0]).toMatchObject({ key: 'id:s1', idMasked: '110105********123X' });
    const clear = await api('/members/search?by=idHash&q=11010519900307123X', { token: team.token });
    expect(clear.status).toBe(400);
    expect(clear.body.error.code).toBe('id-card-in-clear');
    const inCollege = await api(`/members/search?by=name&q=${encodeURIComponent('张')}&orgId=college-b`, {
      token: team.token,
    });
    expect(inCollege.body.members.map((m: { key: string }) => m.key)).toEqual(['id:s2']);
    // Wildcards in a name are literal.
    expect(
      (await api(`/members/search?by=name&q=${encodeURIComponent('%')}`, { token: team.token })).body.members,
    ).toEqual([]);
  });

  it('finds a whole name through its keyed hash when names are kept out', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE, storeNames: false });
    const nameHash = await hashName('王五', key(team.hashKey));
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'n1', name: undefined, nameMasked: '王*', nameHash }),
    ]);
    const byClear = await api(`/members/search?by=name&q=${encodeURIComponent('王五')}`, { token: team.token });
    expect(byClear.body.members.map((m: { key: string; name: string | null }) => [m.key, m.name])).toEqual([
      ['id:n1', null],
    ]);
    const byHash = await api(`/members/search?by=name&q=${nameHash}`, { token: team.token });
    expect(byHash.body.members).toHaveLength(1);
  });

  it('exports the subtree as CSV with a UTF-8 BOM', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'e1',
        name: '张三伟',
        devNumber: '202412345678',
        rejectionReason: '第3页缺少公章, 请补盖',
        status: 'rejected',
      }),
      observation({ org: { id: 'b-1' }, hostId: 'e2', name: '=HYPERLINK("x")' }),
    ]);
    const r = await api('/members/export.csv?orgId=college-a', { token: team.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('Content-Disposition')).toContain("filename*=UTF-8''");
    const raw = new Uint8Array(
      await (
        await SELF.fetch('https://sync.test/v1/members/export.csv?orgId=college-a', {
          headers: { Authorization: `Bearer ${team.token}` },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toContain('发展团员编号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"第3页缺少公章, 请补盖"');
    expect(lines[1]).toContain('认证不通过');
    const all = await api('/members/export.csv', { token: team.token });
    expect(all.text).toContain(`'=HYPERLINK`);
  });

  it("records the upper committee's approval date, which moves the deadline", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const today = chinaToday();
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'ap', joinedOn: addDays(today, -35) })]);
    expect((await api('/members/id:ap', { token: team.token })).body.member).toMatchObject({
      bucket: 'maybeOverdue',
      estimated: true,
    });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const r = await api('/members/id:ap/approval', {
      method: 'PUT',
      token: branch,
      body: { approvedOn: addDays(today, -10) },
    });
    expect(r.status).toBe(200);
    expect(r.body.member).toMatchObject({
      approvedOn: addDays(today, -10),
      lastDay: addDays(today, 20),
      estimated: false,
      bucket: 'later',
      daysLeft: 20,
    });
    const early = await api('/members/id:ap/approval', {
      method: 'PUT',
      token: branch,
      body: { approvedOn: addDays(today, -50) },
    });
    expect(early.body.error.code).toBe('approval-before-joining');
    const detail = await api('/members/id:ap', { token: team.token });
    expect(detail.body.member.approvedOn).toBe(addDays(today, -10));
  });
});
