import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listSegmentKeys, getSegment } from '../blobs/auditSegments';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk, tokenFor, runCron } from '../../test/worker/helpers';

const seal = () => runCron('*/5 * * * *');

describe('audit log', () => {
  it('appends a chained entry for every state change: who, where, what, on whom, digest, request id', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'x' })]);
    const r = await api('/audit?limit=100', { token: team.token });
    const actions = r.body.entries.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 4)).toEqual(['tenant.create', 'org.create', 'invite.create', 'token.create']);
    expect(actions).toContain('member.create');
    const m = r.body.entries.find((e: { action: string }) => e.action === 'member.create');
    // The chain names the member by an opaque id and the admin by its token id; the list adds the member's key.
    expect(m).toMatchObject({ orgId: 'a-1', subject: expect.stringMatching(/^s_/), member: 'id:x' });
    expect(m.actor).toMatch(/^tok_[^:]+$/);
    expect(m.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(m.requestId).toBeTruthy();
    expect(r.body.entries.map((e: { seq: number }) => e.seq)).toEqual(
      r.body.entries.map((_: unknown, i: number) => i + 1),
    );
    // The member's name is not in the log: only a digest of the payload.
    expect(JSON.stringify(r.body)).not.toContain('张三伟');
  });

  it('seals on the cron into signed R2 segments; verify passes and counts what is not sealed yet', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'y' })]);
    const before = await api('/audit/verify', { token: team.token });
    expect(before.body).toMatchObject({ ok: true, sealed: 0, checkpoints: 0 });
    expect(before.body.unsealed).toBe(before.body.entries);
    await seal();
    const sealed = await api('/audit/verify', { token: team.token });
    expect(sealed.body).toMatchObject({ ok: true, unsealed: 0, checkpoints: 1, firstMismatch: null });
    expect(sealed.body.sealed).toBe(sealed.body.entries);
    const keys = await listSegmentKeys(env.AUDIT, team.tenantId);
    const seg = await getSegment(env.AUDIT, keys[0]!.key);
    expect(seg).toMatchObject({ from: 1, to: sealed.body.entries, prevHead: '0'.repeat(64) });
    expect(seg!.signature.length).toBeGreaterThan(80);
    await syncOk(team.token, [
      observation({ org: { id: 'a-2' }, hostId: 'z' }),
      observation({ org: { id: 'a-2' }, hostId: 'z2' }),
    ]);
    const later = await api('/audit/verify', { token: team.token });
    expect(later.body).toMatchObject({ ok: true, unsealed: 2 });
    await seal();
    const again = await api('/audit/verify', { token: team.token });
    expect(again.body).toMatchObject({ ok: true, unsealed: 0, checkpoints: 2 });
  });

  it("shows a committee below the top only its subtree's entries; branches not at all", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'p' }),
      observation({ org: { id: 'b-1' }, hostId: 'q' }),
    ]);
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const r = await api('/audit', { token: college });
    expect(r.body.entries.length).toBeGreaterThan(0);
    expect(r.body.entries.every((e: { orgId: string }) => ['college-a', 'a-1', 'a-2'].includes(e.orgId))).toBe(true);
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    expect((await api('/audit', { token: branch })).status).toBe(403);
  });
});
