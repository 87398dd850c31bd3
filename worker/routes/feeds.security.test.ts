import { describe, expect, it } from 'vitest';
import { api, bootstrap, freshIp, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

describe('calendar feeds: who may revoke one', () => {
  it('a branch admin revokes a feed it created; the feed stops at once', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const feed = await api('/feeds', { token: branch, body: { orgId: 'a-1', label: '支部日历' } });
    expect(feed.status).toBe(201);
    expect((await api(feed.body.path.replace('/v1', ''))).status).toBe(200);
    const listed = (await api('/tokens', { token: branch })).body.tokens.map((t: { id: string }) => t.id);
    expect(listed).toContain(feed.body.tokenId);
    const revoked = await api(`/tokens/${feed.body.tokenId}`, { method: 'DELETE', token: branch });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ tokenId: feed.body.tokenId, revokedAt: expect.any(String) });
    const after = await api(feed.body.path.replace('/v1', ''), { ip: freshIp() });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token-revoked');
  });

  it("a branch admin cannot revoke another organisation's feed, nor another admin's token", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const a1 = await tokenFor(team.token, 'a-1', 'branch');
    const a1Other = await tokenFor(team.token, 'a-1', 'branch', '另一位管理员');
    const a2 = await tokenFor(team.token, 'a-2', 'branch');
    const a2Feed = await api('/feeds', { token: a2, body: { orgId: 'a-2', label: '日历' } });
    const otherId = (await api('/tokens/self', { token: a1Other })).body.token.id;
    for (const id of [a2Feed.body.tokenId, otherId]) {
      const r = await api(`/tokens/${id}`, { method: 'DELETE', token: a1 });
      expect(r.status).toBe(404);
      expect(r.body.error.message).toMatch(/没有找到/);
    }
    expect((await api(a2Feed.body.path.replace('/v1', ''))).status).toBe(200);
    expect((await api('/reminders', { token: a1Other })).status).toBe(200);
  });
});
