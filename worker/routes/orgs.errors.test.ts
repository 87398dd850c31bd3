import { describe, expect, it } from 'vitest';
import { api, bootstrap, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

describe('organisation tree: what is refused', () => {
  it('refuses cycles, unknown parents, duplicate ids and taken leagueIds', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const cycle = await api('/orgs/school', { method: 'PATCH', token: team.token, body: { parentId: 'a-1' } });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe('cycle');
    const orphan = await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'z', name: '某支部', type: '01TZB', parentId: 'nowhere' }] },
    });
    expect(orphan.status).toBe(403);
    expect(orphan.body.error.code).toBe('out-of-scope');
    const dup = await api('/orgs/import', { token: team.token, body: { orgs: [SCHOOL_TREE[0], SCHOOL_TREE[0]] } });
    expect(dup.body.error.code).toBe('duplicate-id');
    const taken = await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'n', name: '新支部', type: '01TZB', parentId: 'college-a', leagueId: 'L-a1' }] },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.error.code).toBe('league-id-taken');
    const badType = await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'n', name: '新支部', type: '99XX', parentId: 'college-a' }] },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/请求内容有误/);
    const slash = await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'n', name: 'a/b', type: '01TZB', parentId: 'college-a' }] },
    });
    expect(slash.status).toBe(400);
  });

  it('keeps a committee inside its subtree when importing or editing', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const under = await api('/orgs/import', {
      token: college,
      body: { orgs: [{ id: 'b-9', name: '外院支部', type: '01TZB', parentId: 'college-b' }] },
    });
    expect(under.status).toBe(403);
    // A parent in another branch is answered as one that does not exist.
    const nowhere = await api('/orgs/import', {
      token: college,
      body: { orgs: [{ id: 'b-9', name: '外院支部', type: '01TZB', parentId: 'nowhere' }] },
    });
    expect({ ...nowhere.body.error, message: nowhere.body.error.message.replace('nowhere', 'college-b') }).toEqual(
      under.body.error,
    );
    const steal = await api('/orgs/import', {
      token: college,
      body: { orgs: [{ id: 'b-1', name: '改名', type: '01TZB', parentId: 'college-a' }] },
    });
    expect(steal.status).toBe(409);
    expect(steal.body.error.code).toBe('org-id-taken');
    const moveOwn = await api('/orgs/college-a', { method: 'PATCH', token: college, body: { parentId: 'college-b' } });
    expect(moveOwn.status).toBe(403);
    const patchOther = await api('/orgs/b-1', { method: 'PATCH', token: college, body: { name: '改名' } });
    expect(patchOther.status).toBe(404);
    const branch = await tokenFor(college, 'a-1', 'branch');
    expect(
      (
        await api('/orgs/import', {
          token: branch,
          body: { orgs: [{ id: 'q', name: 'q', type: '01TZB', parentId: 'a-1' }] },
        })
      ).status,
    ).toBe(403);
    const names = (await api('/orgs', { token: team.token })).body.orgs.map((o: { name: string }) => o.name);
    expect(names).not.toContain('改名');
    expect(names).not.toContain('外院支部');
  });
});
