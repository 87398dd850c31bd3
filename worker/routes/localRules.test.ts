import { describe, expect, it } from 'vitest';
import { api, bootstrap, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

const RULE = { section: 'courses', phrase: '团纪处分条例', text: '团课内容须包含“团纪处分条例”' };
const PLEDGE = { section: 'application', phrase: '只信仰马克思主义', text: '入团志愿须写明只信仰马克思主义' };

describe('local rules: set by a committee for its subtree, read below it', () => {
  it('a branch reads the rules of every committee above it, top first; a sibling subtree does not', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const college = await tokenFor(team.token, 'college-a', 'committee');
    expect(
      (await api('/local-rules/school', { method: 'PUT', token: team.token, body: { rules: [RULE] } })).status,
    ).toBe(200);
    const put = await api('/local-rules/college-a', { method: 'PUT', token: college, body: { rules: [PLEDGE] } });
    expect(put.status).toBe(200);
    expect(put.body.rules).toEqual([{ ...PLEDGE, orgId: 'college-a', orgName: '计算机学院团委' }]);
    const a1 = await tokenFor(team.token, 'a-1', 'branch');
    const read = await api('/local-rules', { token: a1 });
    expect(read.status).toBe(200);
    expect(read.body.rules).toEqual([
      { ...RULE, orgId: 'school', orgName: '测试大学团委' },
      { ...PLEDGE, orgId: 'college-a', orgName: '计算机学院团委' },
    ]);
    const b1 = await tokenFor(team.token, 'b-1', 'branch');
    expect((await api('/local-rules', { token: b1 })).body.rules.map((r: { orgId: string }) => r.orgId)).toEqual([
      'school',
    ]);
  });

  it('a repeat changes nothing more, and an empty list clears the set', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const a1 = await tokenFor(team.token, 'a-1', 'branch');
    for (let i = 0; i < 2; i++)
      expect(
        (await api('/local-rules/school', { method: 'PUT', token: team.token, body: { rules: [RULE] } })).status,
      ).toBe(200);
    expect((await api('/local-rules', { token: a1 })).body.rules).toHaveLength(1);
    await api('/local-rules/school', { method: 'PUT', token: team.token, body: { rules: [] } });
    expect((await api('/local-rules', { token: a1 })).body.rules).toEqual([]);
  });

  it('refuses a branch, an organisation outside the subtree (as not found), and a bad rule, in Chinese', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const a1 = await tokenFor(team.token, 'a-1', 'branch');
    expect((await api('/local-rules/a-1', { method: 'PUT', token: a1, body: { rules: [RULE] } })).status).toBe(403);
    const collegeB = await tokenFor(team.token, 'college-b', 'committee');
    const outside = await api('/local-rules/college-a', { method: 'PUT', token: collegeB, body: { rules: [RULE] } });
    expect(outside.status).toBe(404);
    const missing = await api('/local-rules/nowhere', { method: 'PUT', token: collegeB, body: { rules: [RULE] } });
    expect([missing.status, missing.body.error.code]).toEqual([outside.status, outside.body.error.code]);
    const bad = await api('/local-rules/school', {
      method: 'PUT',
      token: team.token,
      body: { rules: [{ ...RULE, phrase: '团' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('至少 2 个字');
    expect((await api('/local-rules', { token: a1 })).body.rules).toEqual([]);
  });
});
