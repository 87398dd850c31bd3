import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_SECRET,
  api,
  bootstrap,
  freshIp,
  observation,
  SCHOOL_TREE,
  syncOk,
  tokenFor,
  type Team,
} from '../../test/worker/helpers';

const seqOf = async (tenantId: string, id: string) =>
  (
    await env.DB.prepare('SELECT seq FROM orgs WHERE tenant_id = ? AND id = ?')
      .bind(tenantId, id)
      .first<{ seq: number }>()
  )?.seq;

/** An organisation with a branch token, a calendar feed, a robot and an unused invite; then deleted. */
async function deletedOrg(team: Team, id: string) {
  expect(
    (
      await api('/orgs/import', {
        token: team.token,
        body: { orgs: [{ id, name: `${id}团支部`, type: '01TZB', parentId: 'college-a' }] },
      })
    ).status,
  ).toBe(200);
  const seq = (await seqOf(team.tenantId, id))!;
  const token = await tokenFor(team.token, id, 'branch');
  const feed = await api('/feeds', { token, body: { orgId: id, label: '日历' } });
  const invite = await api('/invites', { token: team.token, body: { orgId: id, role: 'branch' } });
  const hook = await api('/webhooks', {
    token: team.token,
    body: { orgId: id, kind: 'json', url: 'https://robot.example/hook', label: '群' },
  });
  expect(hook.status).toBe(201);
  const del = await api(`/orgs/${id}`, { method: 'DELETE', token: team.token });
  expect(del.status).toBe(200);
  return { seq, token, feedPath: feed.body.path.replace('/v1', ''), code: invite.body.code as string };
}

async function expectDead(z: Awaited<ReturnType<typeof deletedOrg>>) {
  const ip = freshIp();
  const read = await api('/reminders', { token: z.token, ip });
  expect(read.status).toBe(401);
  expect((await api('/orgs', { token: z.token, ip })).status).toBe(401);
  expect((await api(z.feedPath, { ip })).status).toBe(401);
  const redeem = await api('/invites/redeem', { body: { code: z.code, label: '新管理员' }, ip });
  expect(redeem.status).toBe(401);
  expect(redeem.body.error.message).toMatch(/撤销|不存在/);
}

describe('a deleted organisation: its number is never reused, and what it had stays dead', () => {
  it('in the same tenant: the next organisation gets a new number; the old token, feed and invite are refused', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const z = await deletedOrg(team, 'z-1');
    await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'y-1', name: '新团支部', type: '01TZB', parentId: 'college-a' }] },
    });
    const y = (await seqOf(team.tenantId, 'y-1'))!;
    expect(y).toBeGreaterThan(z.seq);
    await syncOk(team.token, [observation({ org: { id: 'y-1' }, hostId: 'y-member' })]);
    await expectDead(z);
    // The tokens of the deleted organisation show as revoked to the committee; its robot is gone.
    const tokens = (await api('/tokens', { token: team.token })).body.tokens as { orgId: string }[];
    expect(tokens.some((t) => t.orgId === 'z-1')).toBe(false);
    const dead = await env.DB.prepare('SELECT count(*) AS n FROM tokens WHERE org_seq = ? AND revoked_at IS NULL')
      .bind(z.seq)
      .first<{ n: number }>();
    expect(dead!.n).toBe(0);
    const hooks = await env.DB.prepare('SELECT count(*) AS n FROM webhooks WHERE org_seq = ?')
      .bind(z.seq)
      .first<{ n: number }>();
    expect(hooks!.n).toBe(0);
  });

  it('re-created under the same id, it is a new organisation: the old token does not come back', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const z = await deletedOrg(team, 'z-2');
    await api('/orgs/import', {
      token: team.token,
      body: { orgs: [{ id: 'z-2', name: 'z-2团支部', type: '01TZB', parentId: 'college-a' }] },
    });
    expect(await seqOf(team.tenantId, 'z-2')).not.toBe(z.seq);
    await expectDead(z);
  });

  it('in another tenant: a new tenant or organisation never takes the number, and the old token reads nothing there', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const z = await deletedOrg(team, 'z-3');
    const other = await bootstrap({
      rootId: 'other-root',
      orgs: [{ id: 'o-1', name: '别的团支部', type: '01TZB', parentId: 'other-root' }],
    });
    const otherSeqs = (
      await env.DB.prepare('SELECT seq FROM orgs WHERE tenant_id = ?').bind(other.tenantId).all<{ seq: number }>()
    ).results.map((r) => r.seq);
    expect(otherSeqs.every((s) => s > z.seq)).toBe(true);
    await syncOk(other.token, [observation({ org: { id: 'o-1' }, hostId: 'secret-member', name: '王秘密' })]);
    await expectDead(z);
    // A second admin tenant created right after the deletion does not take it either.
    const created = await api('/admin/tenants', {
      token: ADMIN_SECRET,
      body: { name: '又一个团委', topOrg: { id: 'third', name: '第三团委', type: '03TW' } },
    });
    const t3 = (await env.DB.prepare('SELECT root_seq FROM tenants WHERE id = ?')
      .bind(created.body.tenantId)
      .first<{ root_seq: number }>())!;
    expect(t3.root_seq).toBeGreaterThan(z.seq);
  });
});

describe('the migration: tokens and invites that may point at a reused number are revoked', () => {
  /** The data-fixing statements of the migration that revokes them, run again over a crafted past. */
  async function rerunRevocation() {
    const m = env.TEST_MIGRATIONS.find((x) => x.name.startsWith('0016'))!;
    for (const q of m.queries.filter((q) => !q.includes('schema_info'))) await env.DB.prepare(q).run();
  }
  const revoked = async (table: 'tokens' | 'invites', where: string, arg: string) =>
    (await env.DB.prepare(`SELECT revoked_at FROM ${table} WHERE ${where} = ?`)
      .bind(arg)
      .first<{ revoked_at: string | null }>())!.revoked_at !== null;

  it('revokes those whose organisation was deleted and its number taken, keeps the others', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const keep = await tokenFor(team.token, 'a-1', 'branch');
    const keepId = (await api('/tokens/self', { token: keep })).body.token.id;
    const openInvite = await api('/invites', { token: team.token, body: { orgId: 'a-2', role: 'branch' } });
    // The past as it could be before the fix: a token and an invite of an organisation "x" that was
    // deleted, whose number a later organisation (b-1's) took; one pointing at another tenant's org.
    const other = await bootstrap({ rootId: 'elsewhere' });
    const b1 = (await seqOf(team.tenantId, 'b-1'))!;
    const foreign = (await seqOf(other.tenantId, 'elsewhere'))!;
    const past = '2000-01-01T00:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO tokens (hash, id, tenant_id, org_seq, role, kind, label, created_at, expires_at) VALUES ('h-old', 'tok_old', ?, ?, 'branch', 'admin', '旧', ?, '2999-01-01T00:00:00.000Z')",
      ).bind(team.tenantId, b1, past),
      env.DB.prepare(
        "INSERT INTO tokens (hash, id, tenant_id, org_seq, role, kind, label, created_at, expires_at) VALUES ('h-far', 'tok_far', ?, ?, 'committee', 'admin', '远', ?, '2999-01-01T00:00:00.000Z')",
      ).bind(team.tenantId, foreign, past),
      env.DB.prepare(
        "INSERT INTO invites (code_hash, tenant_id, org_seq, role, created_by, created_at, expires_at) VALUES ('00000000000000000000old', ?, ?, 'branch', 'x', ?, '2999-01-01T00:00:00.000Z')",
      ).bind(team.tenantId, b1, past),
      // Their creation entries come before b-1's own creation entry: they were made for "x".
      env.DB.prepare(
        "INSERT INTO audit (tenant_id, seq, at, actor, org_id, action, subject, digest, request_id, hash) VALUES (?, -100, ?, 'a', 'x', 'token.create', 'tok_old', 'd', 'r', 'h'), (?, -99, ?, 'a', 'x', 'invite.create', '0000000000000000', 'd', 'r', 'h')",
      ).bind(team.tenantId, past, team.tenantId, past),
    ]);
    await rerunRevocation();
    expect(await revoked('tokens', 'id', 'tok_old')).toBe(true);
    expect(await revoked('tokens', 'id', 'tok_far')).toBe(true);
    expect(await revoked('invites', 'code_hash', '00000000000000000000old')).toBe(true);
    expect(await revoked('tokens', 'id', keepId)).toBe(false);
    expect(await revoked('tokens', 'id', (await api('/tokens/self', { token: team.token })).body.token.id)).toBe(false);
    expect((await api('/reminders', { token: keep })).status).toBe(200);
    const open = (await api('/invites', { token: team.token })).body.invites.find(
      (i: { id: string }) => i.id === openInvite.body.id,
    );
    expect(open.state).toBe('open');
  });
});
