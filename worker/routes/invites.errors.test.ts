import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, api, bootstrap, freshIp, SCHOOL_TREE } from '../../test/worker/helpers';

describe('tenancy: what is refused', () => {
  it('refuses a used, unknown or malformed invite code with a Chinese message', async () => {
    const created = await api('/admin/tenants', {
      token: ADMIN_SECRET,
      body: { name: '团委', topOrg: { id: 'x', name: '团委', type: '03TW' } },
    });
    const ip = freshIp();
    expect((await api('/invites/redeem', { body: { code: created.body.invite.code, label: 'a' }, ip })).status).toBe(
      201,
    );
    const again = await api('/invites/redeem', { body: { code: created.body.invite.code, label: 'b' }, ip });
    expect(again.status).toBe(401);
    expect(again.body.error).toMatchObject({ code: 'invite-used' });
    expect(again.body.error.message).toMatch(/只能用一次/);
    const wrong = await api('/invites/redeem', { body: { code: 'AAAAA-BBBBB-CCCCC-DDDDD', label: 'c' }, ip });
    expect(wrong.body.error.code).toBe('invite-invalid');
    const bad = await api('/invites/redeem', { body: { code: 1, label: '' }, ip });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-request');
  });

  it('gives one token for an invite redeemed many times at once', async () => {
    const created = await api('/admin/tenants', {
      token: ADMIN_SECRET,
      body: { name: '团委', topOrg: { id: 'y', name: '团委', type: '03TW' } },
    });
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api('/invites/redeem', { body: { code: created.body.invite.code, label: `抢先${i}` }, ip: freshIp() }),
      ),
    );
    expect(tries.filter((r) => r.status === 201)).toHaveLength(1);
    expect(tries.filter((r) => r.status !== 201).every((r) => r.body.error.code === 'invite-used')).toBe(true);
    const tokens = await env.DB.prepare('SELECT count(*) AS n FROM tokens WHERE tenant_id = ?')
      .bind(created.body.tenantId)
      .first<{ n: number }>();
    expect(tokens!.n).toBe(1);
    const issued = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit WHERE tenant_id = ? AND action = 'token.create'",
    )
      .bind(created.body.tenantId)
      .first<{ n: number }>();
    expect(issued!.n).toBe(1);
  });

  it('refuses the admin routes without the admin secret', async () => {
    const r = await api('/admin/tenants', {
      token: 'wrong-secret-wrong-secret',
      body: { name: 'x', topOrg: { id: 'x', name: 'x', type: '03TW' } },
      ip: freshIp(),
    });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('admin-secret-invalid');
  });

  it('lets only a committee invite, and only inside its subtree', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const inv = await api('/invites', { token: team.token, body: { orgId: 'a-1', role: 'branch' } });
    const branch = (await api('/invites/redeem', { body: { code: inv.body.code, label: '支书' } })).body.token;
    const byBranch = await api('/invites', { token: branch, body: { orgId: 'a-1', role: 'branch' } });
    expect(byBranch.status).toBe(403);
    expect(byBranch.body.error.code).toBe('committee-only');
    const collegeInv = await api('/invites', { token: team.token, body: { orgId: 'college-a', role: 'committee' } });
    const college = (await api('/invites/redeem', { body: { code: collegeInv.body.code, label: '院团委' } })).body
      .token;
    const sideways = await api('/invites', { token: college, body: { orgId: 'b-1', role: 'branch' } });
    expect(sideways.status).toBe(403);
    const up = await api('/invites', { token: college, body: { orgId: 'school', role: 'committee' } });
    expect(up.status).toBe(403);
  });

  it('refuses settings changes below the top committee', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const inv = await api('/invites', { token: team.token, body: { orgId: 'school', role: 'committee' } });
    const school = (await api('/invites/redeem', { body: { code: inv.body.code, label: '校团委' } })).body.token;
    const r = await api('/settings', { method: 'PATCH', token: school, body: { storeNames: false } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('top-committee-only');
  });
});
