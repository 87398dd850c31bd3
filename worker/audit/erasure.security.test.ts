import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  api,
  bootstrap,
  idemKey,
  observation,
  runCron,
  SCHOOL_TREE,
  tokenFor,
  type Team,
} from '../../test/worker/helpers';

const seal = () => runCron('*/5 * * * *');
const HOST = 'host-7731';
const NAME = '欧阳娜娜';
const DEV = '202412345678';
const LABEL = '王老师的笔记本';
const CLIENT_REQUEST = 'client-req-ouyang-nana';

/** Everything D1 holds for a tenant (and in tables without one): where readable data could hide. */
async function everythingStored(tenantId: string): Promise<string> {
  const tables = (
    await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    ).all<{ name: string }>()
  ).results.map((t) => t.name);
  const dump: Record<string, unknown> = {};
  for (const t of tables) {
    const rows = (await env.DB.prepare(`SELECT * FROM ${t}`).all<Record<string, unknown>>()).results;
    dump[t] = rows.filter((r) => !('tenant_id' in r) || r.tenant_id === tenantId);
  }
  return JSON.stringify(dump);
}

/** A member with a file check, a modification request, an approval date and a decision, written by a labelled token with a client request id. */
async function memberWithHistory(team: Team, host: string) {
  const branch = await tokenFor(team.token, 'a-1', 'branch', LABEL);
  const headers = { 'Idempotency-Key': idemKey(), 'X-Request-Id': CLIENT_REQUEST };
  const synced = await api('/sync', {
    token: branch,
    headers,
    body: {
      observations: [
        observation({ org: { id: 'a-1' }, hostId: host, name: NAME, devNumber: DEV, joinedOn: '2024-05-04' as never }),
      ],
      preflights: [
        {
          org: { id: 'a-1' },
          member: { hostId: host },
          fileHash: 'e'.repeat(64),
          size: 1000,
          pages: 12,
          verdict: 'fail',
          codes: ['blurry'],
          page1Number: DEV,
          decision: 'override',
          overrideReason: `${NAME}的档案今天必须上传`,
          observedAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(synced.status).toBe(200);
  const mod = await api('/modifications', {
    token: branch,
    body: { memberKey: `id:${host}`, reason: `${NAME}的志愿书错传` },
    headers: { 'X-Request-Id': CLIENT_REQUEST },
  });
  expect(mod.status).toBe(201);
  const college = await tokenFor(team.token, 'college-a', 'committee', LABEL);
  await api(`/modifications/${mod.body.modification.id}/decision`, {
    token: college,
    body: { decision: 'reject', reason: `请${NAME}本人重新签名后上传` },
  });
  const approval = await api(`/members/id:${host}/approval`, {
    method: 'PUT',
    token: branch,
    body: { approvedOn: '2024-05-10' },
    headers: { 'Idempotency-Key': idemKey() },
  });
  expect(approval.status).toBe(200);
  return { branch, college };
}

const auditRows = async (tenantId: string) =>
  (
    await env.DB.prepare('SELECT * FROM audit WHERE tenant_id = ? ORDER BY seq')
      .bind(tenantId)
      .all<Record<string, string>>()
  ).results;

describe('the audit chain holds only opaque ids and digests', () => {
  it('no label, host id, name, 编号 or client request id in any hashed field', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await memberWithHistory(team, HOST);
    const rows = await auditRows(team.tenantId);
    expect(rows.length).toBeGreaterThan(8);
    const hashed = JSON.stringify(rows.map((r) => [r.actor, r.org_id, r.action, r.subject, r.digest, r.request_id]));
    for (const readable of [HOST, NAME, DEV, LABEL, CLIENT_REQUEST, '市团委管理员', '欧', '娜'])
      expect(hashed).not.toContain(readable);
    for (const r of rows) {
      expect(r.actor).toMatch(/^(tok_[A-Za-z0-9_-]+|admin|system)$/);
      expect(r.request_id).toMatch(/^[0-9a-f]{32}$/);
      if (/^(member|preflight|modification)\./.test(r.action!)) expect(r.subject).toMatch(/^s_[A-Za-z0-9_-]{16}$/);
    }
    // One person, one opaque subject across the member's entries; the audit list names the member while it exists.
    const memberSubjects = new Set(rows.filter((r) => r.action!.startsWith('member.')).map((r) => r.subject));
    expect(memberSubjects.size).toBe(1);
    const list = await api('/audit?limit=1000', { token: team.token });
    const created = list.body.entries.find((e: { action: string }) => e.action === 'member.create');
    expect(created).toMatchObject({ subject: [...memberSubjects][0], member: `id:${HOST}` });
  });
});

describe('erasure (PIPL art. 47): a committee erases a member, the chain still verifies', () => {
  it('removes every readable trace of the member from D1, logs the erasure, and verify passes before and after sealing', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const { branch, college } = await memberWithHistory(team, HOST);
    await seal();
    expect((await api('/audit/verify', { token: team.token })).body).toMatchObject({ ok: true, unsealed: 0 });
    const before = await everythingStored(team.tenantId);
    expect(before).toContain(HOST);
    // A branch admin may not erase; a committee of another subtree does not find the member.
    const refused = await api(`/members/id:${HOST}`, { method: 'DELETE', token: branch });
    expect(refused.status).toBe(403);
    const other = await tokenFor(team.token, 'college-b', 'committee');
    expect((await api(`/members/id:${HOST}`, { method: 'DELETE', token: other })).status).toBe(404);
    const erased = await api(`/members/id:${HOST}`, { method: 'DELETE', token: college });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ erased: true });
    const after = await everythingStored(team.tenantId);

    for (const readable of [HOST, NAME, DEV, '欧**娜']) {
      const i = after.indexOf(readable);
      expect(i, `${readable} still stored: …${after.slice(Math.max(0, i - 300), i + 50)}`).toBe(-1);
    }
    expect((await api(`/members/id:${HOST}`, { token: team.token })).status).toBe(404);
    // The counts no longer include the member.
    expect((await api('/reminders', { token: team.token })).body.counters.total).toBe(0);
    // The erasure is itself in the log, on the same opaque subject as the member's earlier entries.
    const rows = await auditRows(team.tenantId);
    const erasure = rows.find((r) => r.action === 'member.erase')!;
    expect(erasure).toBeDefined();
    expect(rows.find((r) => r.action === 'member.create')!.subject).toBe(erasure.subject);
    let v = await api('/audit/verify', { token: team.token });
    expect(v.body).toMatchObject({ ok: true, firstMismatch: null });
    await seal();
    v = await api('/audit/verify', { token: team.token });
    expect(v.body).toMatchObject({ ok: true, unsealed: 0 });
    // Erasing again finds nothing.
    expect((await api(`/members/id:${HOST}`, { method: 'DELETE', token: college })).status).toBe(404);
  });
});
