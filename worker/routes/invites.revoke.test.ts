import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, bootstrap, SCHOOL_TREE, tokenFor } from '../../test/worker/helpers';

describe('invites: listing and withdrawing', () => {
  it('lists the invites of the subtree with their state, never their codes', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const open = await api('/invites', { token: college, body: { orgId: 'a-1', role: 'branch' } });
    const used = await api('/invites', { token: college, body: { orgId: 'a-2', role: 'branch' } });
    await api('/invites/redeem', { body: { code: used.body.code, label: '计科2302' } });
    const list = await api('/invites', { token: college });
    expect(list.status).toBe(200);
    const states = list.body.invites.map((i: { orgId: string; state: string }) => [i.orgId, i.state]).sort();
    // The college's own invite (used to make its token) is in its subtree too.
    expect(states).toEqual([
      ['a-1', 'open'],
      ['a-2', 'used'],
      ['college-a', 'used'],
    ]);
    expect(list.body.invites.find((i: { orgId: string }) => i.orgId === 'a-1')).toMatchObject({
      id: open.body.id,
      orgName: '计科2301团支部',
      role: 'branch',
    });
    expect(list.text).not.toContain(open.body.code);
    // The top committee sees the college's invites too, and its own first one.
    expect((await api('/invites', { token: team.token })).body.invites).toHaveLength(4);
  });

  it('withdraws an unused invite: redeeming it is then refused, and the audit log says who', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const inv = await api('/invites', { token: team.token, body: { orgId: 'a-1', role: 'branch' } });
    const del = await api(`/invites/${inv.body.id}`, { token: team.token, method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.body.id).toBe(inv.body.id);
    const again = await api(`/invites/${inv.body.id}`, { token: team.token, method: 'DELETE' });
    expect(again.body.revokedAt).toBe(del.body.revokedAt);
    const redeem = await api('/invites/redeem', { body: { code: inv.body.code, label: 'x' } });
    expect(redeem.status).toBe(401);
    expect(redeem.body.error).toMatchObject({ code: 'invite-revoked' });
    expect(redeem.body.error.message).toContain('撤销');
    const audit = await env.DB.prepare("SELECT subject FROM audit WHERE action = 'invite.revoke'").all<{
      subject: string;
    }>();
    expect(audit.results.map((a) => a.subject)).toEqual([inv.body.id]);
    const list = await api('/invites', { token: team.token });
    expect(list.body.invites.find((i: { id: string }) => i.id === inv.body.id).state).toBe('revoked');
  });

  it('refuses to withdraw a used invite, one outside the subtree, and to branch admins', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const used = await api('/invites', { token: team.token, body: { orgId: 'a-1', role: 'branch' } });
    const branch = (await api('/invites/redeem', { body: { code: used.body.code, label: '计科2301' } })).body.token;
    const usedDel = await api(`/invites/${used.body.id}`, { token: team.token, method: 'DELETE' });
    expect(usedDel.status).toBe(409);
    expect(usedDel.body.error.message).toContain('撤销由它生成的令牌');
    const elsewhere = await api('/invites', { token: team.token, body: { orgId: 'school', role: 'committee' } });
    expect((await api(`/invites/${elsewhere.body.id}`, { token: college, method: 'DELETE' })).status).toBe(404);
    expect((await api(`/invites/${elsewhere.body.id}`, { token: branch, method: 'DELETE' })).status).toBe(403);
    expect((await api('/invites/not-an-id', { token: team.token, method: 'DELETE' })).status).toBe(404);
    // Still usable: nothing was withdrawn.
    expect((await api('/invites/redeem', { body: { code: elsewhere.body.code, label: '校团委' } })).status).toBe(201);
  });
});
