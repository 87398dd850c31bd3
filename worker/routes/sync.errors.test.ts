import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncBatch, SyncEnvelope } from '../../shared/api/sync';
import { api, bootstrap, idemKey, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

const counts = async (tenantId: string) => {
  const [m, a, p] = await env.DB.batch<{ n: number }>([
    env.DB.prepare('SELECT count(*) AS n FROM members WHERE tenant_id = ?').bind(tenantId),
    env.DB.prepare('SELECT count(*) AS n FROM audit WHERE tenant_id = ?').bind(tenantId),
    env.DB.prepare('SELECT count(*) AS n FROM preflights WHERE tenant_id = ?').bind(tenantId),
  ]);
  return [m!.results[0]!.n, a!.results[0]!.n, p!.results[0]!.n];
};

const sha256Hex = async (s: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** Ways a body goes wrong: each turns a valid batch into text the worker must refuse. */
const corruptions: fc.Arbitrary<(valid: Record<string, unknown>) => string> = fc.oneof(
  fc.constantFrom(
    (v: Record<string, unknown>) => JSON.stringify(v).slice(0, -3), // cut off
    () => '{"observations": [',
    () => 'not json at all',
    () => '',
    () => 'null',
    () => '[]',
    () => JSON.stringify({ observations: 'many' }),
    () => JSON.stringify({ observations: [], preflights: [] }), // empty batch
    (v: Record<string, unknown>) => JSON.stringify({ ...v, extra: true }),
  ),
  // A field of the first observation replaced by a wrong type, a huge string, or a bad date.
  fc
    .record({
      field: fc.constantFrom(
        'name',
        'joinedOn',
        'approvedOn',
        'status',
        'devNumber',
        'observedAt',
        'graduating',
        'org',
        'idHash',
        'idMasked',
        'rejectionReason',
        'hostId',
      ),
      value: fc.oneof(
        fc.constantFrom<unknown>(
          42,
          true,
          [],
          {},
          '',
          '2024-02-30',
          '2024/05/20',
          '20240520',
          'yesterday',
          -1,
          'x'.repeat(100_000),
          '11010519900307123X',
        ),
        fc.string({ maxLength: 3 }),
      ),
    })
    .map(({ field, value }) => (v: Record<string, unknown>) => {
      const obs = [...(v.observations as Record<string, unknown>[])];
      obs[0] = { ...obs[0], [field]: value };
      return JSON.stringify({ ...v, observations: obs });
    }),
);

describe('POST /v1/sync: what is refused, and that nothing of it is written', () => {
  it('refuses a malformed body with a 4xx, and a malformed row on its own, never a 5xx', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [observation({ org: { id: 'a-1' }, hostId: 'keep' })]);
    const valid = {
      observations: [
        observation({ org: { id: 'a-1' }, hostId: 'new1' }),
        observation({ org: { id: 'a-2' }, hostId: 'new2' }),
      ],
    };
    const isNew1 = () =>
      env.DB.prepare("SELECT count(*) AS n FROM members WHERE tenant_id = ? AND key = 'id:new1'")
        .bind(team.tenantId)
        .first<{ n: number }>();
    await fc.assert(
      fc.asyncProperty(corruptions, async (corrupt) => {
        const raw = corrupt(valid);
        // Only bodies the shared schema itself refuses: a mutation that happens to stay valid is no test.
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = undefined;
        }
        fc.pre(parsed === undefined || !SyncBatch.safeParse(parsed).success);
        const before = await counts(team.tenantId);
        const r = await api('/sync', {
          token: team.token,
          raw,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idemKey() },
          method: 'POST',
        });
        // A 身份证号 in clear anywhere refuses the whole request before anything reads it (worker/lib/idCardGuard.ts).
        if (SyncEnvelope.safeParse(parsed).success && !/\d{17}[\dXx]/.test(raw)) {
          // The batch is well formed and its first row is not: that row alone is refused.
          expect(r.status, raw.slice(0, 200)).toBe(200);
          expect(r.body.refused).toEqual([
            { list: 'observations', index: 0, code: 'invalid-row', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
          ]);
          expect((await isNew1())!.n).toBe(0);
          return;
        }
        expect(r.status, raw.slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body.error.code).toMatch(/^[a-z-]+$/);
        expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(await counts(team.tenantId)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('refuses more than 5,000 rows; a row naming an organisation outside the tree is refused alone', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const obs = (n: number, org = 'a-1') =>
      Array.from({ length: n }, (_, i) => observation({ org: { id: org }, hostId: `h${i}` }));
    const tooMany = await api('/sync', {
      token: team.token,
      body: { observations: obs(5001) },
      headers: { 'Idempotency-Key': idemKey() },
    });
    expect(tooMany.status).toBe(400);
    const mixed = [...obs(3), observation({ org: { leagueId: 'L-unknown' }, hostId: 'zz' })];
    const r = await api('/sync', {
      token: team.token,
      body: {
        observations: [...mixed, { ...observation({ org: { id: 'a-1' }, hostId: 'nd' }), joinedOn: undefined }],
      },
      headers: { 'Idempotency-Key': idemKey() },
    });
    expect(r.status).toBe(200);
    expect(r.body.members).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(r.body.refused).toEqual([
      { list: 'observations', index: 3, code: 'unknown-org', message: expect.stringContaining('L-unknown') },
      { list: 'observations', index: 4, code: 'joined-on-required', message: expect.stringContaining('入团时间') },
    ]);
    expect((await counts(team.tenantId))[0]).toBe(3);
  });

  it('refuses a 身份证号 in clear, wherever it is put', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    for (const over of [
      { name: '张三 110105199003071234' },
      { rejectionReason: '身份证110105199003071234不符' },
      { idMasked: '110105199003071234' },
      { idHash: '110105199003071234' },
    ]) {
      const r = await api('/sync', {
        token: team.token,
        body: { observations: [observation({ org: { id: 'a-1' }, hostId: 'x', ...over })] },
        headers: { 'Idempotency-Key': idemKey() },
      });
      expect(r.status).toBe(400);
    }
    expect((await counts(team.tenantId))[0]).toBe(0);
  });

  it('requires an Idempotency-Key; the same key with another body is 422; a key in flight is 409', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const body = { observations: [observation({ org: { id: 'a-1' }, hostId: 'i1' })] };
    expect((await api('/sync', { token: team.token, body })).body.error.code).toBe('idempotency-key-required');
    const key = idemKey();
    expect((await api('/sync', { token: team.token, body, headers: { 'Idempotency-Key': key } })).status).toBe(200);
    const other = await api('/sync', {
      token: team.token,
      body: { observations: [observation({ org: { id: 'a-1' }, hostId: 'i2' })] },
      headers: { 'Idempotency-Key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency-mismatch');
    // A first request still running: its claim is in place, its reply not yet.
    const tokenId = (await api('/tokens/self', { token: team.token })).body.token.id;
    const inflight = 'inflight-key-1';
    const text = JSON.stringify({
      observations: [observation({ org: { id: 'a-1' }, hostId: 'i3', observedAt: '2025-01-01T00:00:00Z' })],
    });
    const hash = await sha256Hex(`POST /v1/sync\n${text}`);
    await env.DB.prepare(
      "INSERT INTO idempotency (tenant_id, key, body_hash, state, created_at) VALUES (?, ?, ?, 'pending', ?)",
    )
      .bind(team.tenantId, `${tokenId}:${inflight}`, hash, Date.now())
      .run();
    const busy = await api('/sync', {
      token: team.token,
      raw: text,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': inflight },
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('in-flight');
    // A claim left by a request that died long ago is taken over.
    await env.DB.prepare('UPDATE idempotency SET created_at = ? WHERE key = ?')
      .bind(Date.now() - 120_000, `${tokenId}:${inflight}`)
      .run();
    const retried = await api('/sync', {
      token: team.token,
      raw: text,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': inflight },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.members.created).toBe(1);
  });

  it('loses no update under concurrent syncs of the same organisation', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({ org: { id: 'a-1' }, hostId: 'shared', observedAt: '2025-01-01T00:00:00Z' }),
    ]);
    const at = (s: number) => new Date(Date.UTC(2025, 0, 2, 0, 0, s)).toISOString();
    const updates = [
      { status: 'pending' as const },
      { approvedOn: '2024-05-10' as never },
      { graduating: true },
      { devNumber: '202412345678' },
      { rejectionReason: '第5页模糊' },
      { idMasked: '110105********1234' },
    ];
    const results = await Promise.all(
      updates.map((u, i) =>
        api('/sync', {
          token: team.token,
          headers: { 'Idempotency-Key': idemKey() },
          body: {
            observations: [
              { org: { id: 'a-1' }, hostId: 'shared', observedAt: at(i + 1), ...u },
              observation({ org: { id: 'a-1' }, hostId: `new-${i}`, observedAt: at(i + 1) }),
            ],
          },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(updates.map(() => 200));
    const row = await env.DB.prepare("SELECT * FROM members WHERE tenant_id = ? AND key = 'id:shared'")
      .bind(team.tenantId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      status: 'pending',
      approved_on: '2024-05-10',
      graduating: 1,
      dev_number: '202412345678',
      rejection_reason: '第5页模糊',
      id_masked: '110105********1234',
    });
    expect((await counts(team.tenantId))[0]).toBe(1 + updates.length);
    const seqs = await env.DB.prepare('SELECT seq FROM audit WHERE tenant_id = ? ORDER BY seq')
      .bind(team.tenantId)
      .all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual(seqs.results.map((_, i) => i + 1));
  });
});
