import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, api, bootstrap, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

describe('tenancy: bootstrap, invites, tokens', () => {
  it('creates a tenant and a first invite; redeeming returns a token and the hashing key', async () => {
    const created = await api('/admin/tenants', {
      token: ADMIN_SECRET,
      body: { name: '某市团委', topOrg: { id: 'top', name: '共青团某市委员会', type: '03TW' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.invite.code).toMatch(/^[A-Z0-9-]{20,}$/);
    const redeemed = await api('/invites/redeem', {
      body: { code: created.body.invite.code.toLowerCase(), label: '市团委张老师' },
    });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({
      role: 'committee',
      org: { id: 'top', type: '03TW' },
      tenant: { id: created.body.tenantId, storeNames: true },
    });
    expect(redeemed.body.token).toMatch(/^laa_/);
    expect(atob(redeemed.body.tenant.hashKey)).toHaveLength(32);
    // Only the hash is stored.
    const stored = await env.DB.prepare('SELECT hash FROM tokens WHERE id = ?')
      .bind(redeemed.body.tokenId)
      .first<{ hash: string }>();
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM tokens').all())).not.toContain(redeemed.body.token);
    const self = await api('/tokens/self', { token: redeemed.body.token });
    expect(self.body).toMatchObject({
      token: { id: redeemed.body.tokenId, label: '市团委张老师', role: 'committee' },
      org: { id: 'top' },
    });
  });

  it('lets a committee invite below it; a branch token sees its own organisation only', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const branch = await tokenFor(college, 'a-1', 'branch');
    const orgsOfBranch = await api('/orgs', { token: branch });
    expect(orgsOfBranch.body.orgs.map((o: { id: string }) => o.id)).toEqual(['a-1']);
    const orgsOfCollege = await api('/orgs', { token: college });
    expect(orgsOfCollege.body.orgs.map((o: { id: string }) => o.id).sort()).toEqual(['a-1', 'a-2', 'college-a']);
    expect(orgsOfCollege.body.orgs.find((o: { id: string }) => o.id === 'a-1').path).toEqual([
      '计算机学院团委',
      '计科2301团支部',
    ]);
    const tokens = await api('/tokens', { token: college });
    expect(tokens.body.tokens).toHaveLength(2);
  });

  it('renews a token and revokes it at handover', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const branch = await tokenFor(team.token, 'a-1', 'branch', '2023级学生干部');
    const renewed = await api('/tokens/renew', { token: branch, body: { days: 30 } });
    expect(renewed.status).toBe(200);
    const days = (Date.parse(renewed.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const self = await api('/tokens/self', { token: branch });
    const revoked = await api(`/tokens/${self.body.token.id}`, { method: 'DELETE', token: team.token });
    expect(revoked.status).toBe(200);
    const after = await api('/tokens/self', { token: branch, ip: 'revoked-client' });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token-revoked');
    const log = await env.DB.prepare('SELECT action FROM audit WHERE tenant_id = ? ORDER BY seq')
      .bind(team.tenantId)
      .all<{ action: string }>();
    expect(log.results.map((r) => r.action)).toEqual(
      expect.arrayContaining(['token.create', 'token.renew', 'token.revoke', 'invite.create']),
    );
  });

  it('answers CORS preflights for configured extension origins only, without cookies', async () => {
    const team = await bootstrap();
    const ask = (origin: string) =>
      api('/reminders', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const unknown = await ask('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(unknown.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const set = await api('/settings', {
      method: 'PATCH',
      token: team.token,
      body: { allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] },
    });
    expect(set.status).toBe(200);
    const known = await ask('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(known.headers.get('Access-Control-Allow-Origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(known.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect((await ask('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
