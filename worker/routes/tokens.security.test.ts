import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  api,
  bootstrap,
  freshIp,
  idemKey,
  observation,
  roomInMinute,
  SCHOOL_TREE,
  tokenFor,
} from '../../test/worker/helpers';

describe('tokens: expired, revoked and wrong tokens are refused; limits trigger', () => {
  it('refuses a missing, unknown, expired, or feed token on the API', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const ip = freshIp();
    expect((await api('/reminders', { ip })).body.error.code).toBe('no-token');
    expect((await api('/reminders', { token: 'laa_not-a-real-token', ip })).body.error.code).toBe('token-invalid');
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const id = (await api('/tokens/self', { token: branch })).body.token.id;
    await env.DB.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run();
    const expired = await api('/reminders', { token: branch, ip });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token-expired');
    const feed = await api('/feeds', { token: team.token, body: { orgId: 'a-1', label: '日历' } });
    const feedToken = feed.body.path.match(/calendar\/(.+)\.ics$/)[1];
    expect((await api('/reminders', { token: feedToken, ip })).body.error.code).toBe('token-invalid');
  });

  it('rate-limits failed authentications per client, even for a right token afterwards', async () => {
    const team = await bootstrap();
    const ip = freshIp();
    await roomInMinute(10_000);
    let last = 0;
    for (let i = 0; i < 20; i++) last = (await api('/reminders', { token: `laa_guess_${i}`, ip })).status;
    expect(last).toBe(401);
    const limited = await api('/reminders', { token: 'laa_guess_x', ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect((await api('/reminders', { token: team.token, ip })).status).toBe(429);
    // Another client is not affected.
    expect((await api('/reminders', { token: team.token, ip: freshIp() })).status).toBe(200);
  }, 30_000);

  it('rate-limits invite guessing', async () => {
    const ip = freshIp();
    const codes = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        api('/invites/redeem', { body: { code: `WRONG-CODE-${i}`, label: 'x' }, ip }),
      ),
    );
    expect(codes.map((r) => r.status)).toContain(429);
  });

  it('rate-limits writes per token', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const statuses: number[] = [];
    await roomInMinute(30_000);
    // Every write attempt counts, even one refused later for its body: the first is real, the rest empty.
    const first = await api('/sync', {
      token: branch,
      body: { observations: [observation({ org: { id: 'a-1' }, hostId: 'w' })] },
      headers: { 'Idempotency-Key': idemKey() },
      ip: freshIp(),
    });
    statuses.push(first.status);
    for (let i = 1; i < 245; i++)
      statuses.push(
        (await api('/sync', { token: branch, body: {}, headers: { 'Idempotency-Key': idemKey() }, ip: freshIp() }))
          .status,
      );
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1, 240).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(240)).toEqual([429, 429, 429, 429, 429]);
    // Reads are not writes.
    expect((await api('/reminders', { token: branch })).status).toBe(200);
  }, 60_000);
});
