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
import { getSegment, listSegmentKeys } from '../blobs/auditSegments';
import { GENESIS, hashEntry, type AuditEntry } from './chain';
import { rechainStep } from './rechain';

const seal = () => runCron('*/5 * * * *');
const LABEL = '李老师的电脑';
const LEGACY_REQUEST = 'legacy-client-request';

type Row = AuditEntry & { tenant_id: string };
const rows = async (tenantId: string) =>
  (await env.DB.prepare('SELECT * FROM audit WHERE tenant_id = ? ORDER BY seq').bind(tenantId).all<Row>()).results;

/**
 * The log as the worker wrote it before migration 0018: the token's label in `actor`, member keys
 * in `subject`, the client's request id — all hashed. Rewritten here from a fresh log, hashes and all.
 */
async function makeLegacy(team: Team) {
  const labels = new Map(
    (
      await env.DB.prepare('SELECT id, label FROM tokens WHERE tenant_id = ?')
        .bind(team.tenantId)
        .all<{ id: string; label: string }>()
    ).results.map((t) => [t.id, t.label]),
  );
  const readable = new Map(
    (
      await env.DB.prepare('SELECT readable, opaque FROM audit_subjects WHERE tenant_id = ?')
        .bind(team.tenantId)
        .all<{ readable: string; opaque: string }>()
    ).results.map((s) => [s.opaque, s.readable]),
  );
  let prev = GENESIS;
  const stmts = [];
  for (const r of await rows(team.tenantId)) {
    const e = {
      ...r,
      actor: labels.has(r.actor) ? `${r.actor}:${labels.get(r.actor)}` : r.actor,
      subject: (r.subject && readable.get(r.subject)) ?? r.subject,
      request_id: LEGACY_REQUEST,
    };
    const hash = hashEntry(prev, e);
    prev = hash;
    stmts.push(
      env.DB.prepare(
        'UPDATE audit SET actor = ?, subject = ?, request_id = ?, hash = ? WHERE tenant_id = ? AND seq = ?',
      ).bind(e.actor, e.subject, e.request_id, hash, team.tenantId, r.seq),
    );
  }
  stmts.push(env.DB.prepare('DELETE FROM audit_subjects WHERE tenant_id = ?').bind(team.tenantId));
  await env.DB.batch(stmts);
}

/** What migration 0018 does for every tenant with entries. */
async function markForRechain(team: Team) {
  const m = env.TEST_MIGRATIONS.find((x) => x.name.startsWith('0018'))!;
  const mark = m.queries.find((q) => q.includes('INSERT INTO audit_rechain'))!;
  await env.DB.prepare(`${mark.replace(/;\s*$/, '')} WHERE tenant_id = ?`)
    .bind(team.tenantId)
    .run();
}

async function legacyTeam() {
  const team = await bootstrap({ orgs: SCHOOL_TREE });
  const branch = await tokenFor(team.token, 'a-1', 'branch', LABEL);
  for (let i = 0; i < 3; i++)
    expect(
      (
        await api('/sync', {
          token: branch,
          body: { observations: [observation({ org: { id: 'a-1' }, hostId: `legacy-${i}`, name: `旧成员${i}` })] },
          headers: { 'Idempotency-Key': idemKey() },
        })
      ).status,
    ).toBe(200);
  await makeLegacy(team);
  await seal();
  const v = (await api('/audit/verify', { token: team.token })).body;
  expect(v).toMatchObject({ ok: true, unsealed: 0 });
  const legacy = await rows(team.tenantId);
  expect(JSON.stringify(legacy)).toContain(LABEL);
  expect(JSON.stringify(legacy)).toContain('id:legacy-1');
  await markForRechain(team);
  return { team, branch, n: v.entries as number };
}

const state = async (tenantId: string) =>
  env.DB.prepare('SELECT state, next_seq, note FROM audit_rechain WHERE tenant_id = ?')
    .bind(tenantId)
    .first<{ state: string; next_seq: number; note: string | null }>();

describe('migrating a log that hashed readable values', () => {
  it('the cron re-chains it once: no readable value left, verify passes, the old checkpoints stay as they were', async () => {
    const { team, branch, n } = await legacyTeam();
    const oldKeys = await listSegmentKeys(env.AUDIT, team.tenantId);
    const oldSegments = await Promise.all(oldKeys.map((k) => getSegment(env.AUDIT, k.key)));
    await seal();
    expect(await state(team.tenantId)).toMatchObject({ state: 'done' });
    const after = await rows(team.tenantId);
    const text = JSON.stringify(after.map((r) => [r.actor, r.subject, r.request_id]));
    for (const readable of [LABEL, 'legacy-1', LEGACY_REQUEST, '市团委管理员']) expect(text).not.toContain(readable);
    // The re-chain is itself an entry, by the system, after the n old ones.
    expect(after).toHaveLength(n + 1);
    expect(after[n]).toMatchObject({ seq: n + 1, action: 'audit.rechain', actor: 'system' });
    const v = (await api('/audit/verify', { token: team.token })).body;
    expect(v).toMatchObject({ ok: true, entries: n + 1, unsealed: 0, firstMismatch: null });
    // Members are still named in the audit list through their new opaque ids.
    const list = (await api('/audit?limit=100', { token: team.token })).body.entries;
    expect(list.find((e: { action: string; member?: string }) => e.member === 'id:legacy-1')).toBeDefined();
    // The old epoch's segments are untouched; the new ones sit beside them.
    for (const [i, k] of oldKeys.entries()) expect(await getSegment(env.AUDIT, k.key)).toEqual(oldSegments[i]);
    expect((await env.AUDIT.list({ prefix: `audit/${team.tenantId}/` })).objects.length).toBeGreaterThan(
      oldKeys.length,
    );
    // Writing and sealing go on in the new epoch; a second cron re-chains nothing.
    await api('/sync', {
      token: branch,
      body: { observations: [observation({ org: { id: 'a-1' }, hostId: 'after' })] },
      headers: { 'Idempotency-Key': idemKey() },
    });
    await seal();
    expect((await rows(team.tenantId)).filter((r) => r.action === 'audit.rechain')).toHaveLength(1);
    expect((await api('/audit/verify', { token: team.token })).body).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('an interrupted re-chain resumes where it stopped', async () => {
    const { team, n } = await legacyTeam();
    const r = await rechainStep(env, team.tenantId, { pageSize: 3 });
    expect(r).toBe('running');
    expect(await state(team.tenantId)).toMatchObject({ state: 'running', next_seq: 4 });
    await seal();
    expect(await state(team.tenantId)).toMatchObject({ state: 'done' });
    expect((await api('/audit/verify', { token: team.token })).body).toMatchObject({ ok: true, entries: n + 1 });
  });

  it('a log that does not verify is not re-chained (it would launder the change): it stays as it is, reported', async () => {
    const { team } = await legacyTeam();
    await env.DB.prepare("UPDATE audit SET digest = 'forged' WHERE tenant_id = ? AND seq = 3")
      .bind(team.tenantId)
      .run();
    const before = await rows(team.tenantId);
    await seal();
    expect(await state(team.tenantId)).toMatchObject({ state: 'blocked', note: expect.stringContaining('3') });
    expect(await rows(team.tenantId)).toEqual(before);
    const v = (await api('/audit/verify', { token: team.token })).body;
    expect(v).toMatchObject({ ok: false, firstMismatch: { seq: 3 } });
  });
});
