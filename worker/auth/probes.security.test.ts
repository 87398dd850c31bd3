import { describe, expect, it } from 'vitest';
import { api, bootstrap, idemKey, observation, roomInMinute, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

const tooMany = (r: { status: number; headers: Headers; body: { error?: { code: string; message: string } } }) => {
  expect(r.status).toBe(429);
  expect(r.headers.get('Retry-After')).toBe('60');
  expect(r.body.error?.code).toBe('rate-limited');
  expect(r.body.error?.message).toMatch(/一分钟后再试/);
};

describe('probing outside the subtree is rate-limited per token', () => {
  it('answers 429 with Retry-After once a token has had 60 answers of “not in your subtree” in a minute', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    await roomInMinute(15_000);
    for (let i = 0; i < 60; i++) {
      const r = await api(`/members/${encodeURIComponent(`id:guess-${i}`)}`, { token: branch });
      expect(r.status).toBe(404);
    }
    // Past the limit, everything this token asks is refused for the rest of the minute — even what it may see.
    tooMany(await api('/reminders', { token: branch }));
    tooMany(await api('/members/id:guess-x', { token: branch }));
    // Other tokens go on.
    expect((await api('/reminders', { token: team.token })).status).toBe(200);
  }, 30_000);

  it('counts each row of a batch that names an organisation outside the tree', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const rows = Array.from({ length: 61 }, (_, i) => observation({ org: { id: `guess-${i}` }, hostId: `g${i}` }));
    await roomInMinute(15_000);
    const r = await api('/sync', {
      token: branch,
      body: { observations: rows },
      headers: { 'Idempotency-Key': idemKey() },
    });
    expect(r.status).toBe(200);
    expect(r.body.refused).toHaveLength(61);
    tooMany(await api('/reminders', { token: branch }));
  }, 30_000);
});
