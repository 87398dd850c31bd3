import { describe, expect, it } from 'vitest';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk, tokenFor } from '../../test/worker/helpers';

describe('modification requests (§4.5)', () => {
  it("are filed by the member's organisation and decided by the upper committee", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'mod' })]);
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const filed = await api('/modifications', {
      token: branch,
      body: { memberKey: 'id:mod', reason: '上传时错传了他人的志愿书' },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.modification.id;
    expect(
      (await api('/modifications?status=open', { token: college })).body.modifications.map((m: { id: string }) => m.id),
    ).toEqual([id]);
    const noReason = await api(`/modifications/${id}/decision`, { token: college, body: { decision: 'reject' } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toContain('不同意时须写明理由');
    const rejected = await api(`/modifications/${id}/decision`, {
      token: college,
      body: { decision: 'reject', reason: '请附上正确的志愿书扫描件' },
    });
    expect(rejected.body.modification).toMatchObject({
      status: 'rejected',
      decisionReason: '请附上正确的志愿书扫描件',
    });
    const twice = await api(`/modifications/${id}/decision`, { token: college, body: { decision: 'approve' } });
    expect(twice.status).toBe(409);
    const second = await api('/modifications', {
      token: branch,
      body: { memberKey: 'id:mod', reason: '已附正确扫描件，再次申请' },
    });
    const approved = await api(`/modifications/${second.body.modification.id}/decision`, {
      token: college,
      body: { decision: 'approve' },
    });
    expect(approved.body.modification.status).toBe('approved');
  });

  it('are not decided by the requesting organisation itself, nor by a branch, nor from outside', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({ org: { id: 'college-a' }, hostId: 'own' }),
      observation({ org: { id: 'a-1' }, hostId: 'm2' }),
    ]);
    const college = await tokenFor(team.token, 'college-a', 'committee');
    const own = await api('/modifications', {
      token: college,
      body: { memberKey: 'id:own', reason: '本级团委的申请' },
    });
    const self = await api(`/modifications/${own.body.modification.id}/decision`, {
      token: college,
      body: { decision: 'approve' },
    });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('not-upper-committee');
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    const m2 = await api('/modifications', { token: branch, body: { memberKey: 'id:m2', reason: '错传文件' } });
    expect(
      (
        await api(`/modifications/${m2.body.modification.id}/decision`, {
          token: branch,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(403);
    const otherCollege = await tokenFor(team.token, 'college-b', 'committee');
    expect(
      (
        await api(`/modifications/${m2.body.modification.id}/decision`, {
          token: otherCollege,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api('/modifications', { token: otherCollege, body: { memberKey: 'id:m2', reason: '越权申请' } })).status,
    ).toBe(404);
    // The top committee, above the college, may decide the college's own request.
    expect(
      (
        await api(`/modifications/${own.body.modification.id}/decision`, {
          token: team.token,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200);
  });
});
