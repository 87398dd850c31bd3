import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { api, type Reply } from '../../test/worker/helpers';
import { SAMPLES, type SampleRequest } from '../../test/worker/samples';
import { buildWorld, clearRateLimits, rowsChanged, snapshot, type Caller, type World } from '../../test/worker/world';
import { routeSpecs, type RouteSpec } from './table';

/** Every route that writes, asked by a caller it allows: the top committee, or the operator. */
const callerFor = (spec: RouteSpec): Caller => (spec.auth === 'operator' ? 'operator' : 'parent');

const send = (w: World, spec: RouteSpec, caller: Caller, req: SampleRequest, key?: string, body = req.body) =>
  api(req.path, {
    method: spec.method,
    token: w.tokens[caller],
    body,
    raw: req.raw,
    headers: { ...(key ? { 'Idempotency-Key': key } : {}), ...req.headers },
  });

/** A different body for the same route, to show a key is bound to its request. */
const otherBody = (body: unknown) => (body && typeof body === 'object' ? { ...body, extraField: 1 } : undefined);

/** The secret a reply carries: an invite code, a token, a calendar feed's token. */
interface SecretReply {
  code?: string;
  invite?: { code?: string };
  token?: string;
  path?: string;
}
function secretOf(body: SecretReply): { kind: 'code' | 'token' | 'feed'; value: string } {
  if (typeof body.code === 'string') return { kind: 'code', value: body.code };
  if (typeof body.invite?.code === 'string') return { kind: 'code', value: body.invite.code };
  if (typeof body.token === 'string') return { kind: 'token', value: body.token };
  return {
    kind: 'feed',
    value: String(body.path)
      .replace('/v1/calendar/', '')
      .replace(/\.ics$/, ''),
  };
}

/** Whether a secret still opens anything. */
async function works(s: { kind: string; value: string }): Promise<boolean> {
  if (s.kind === 'code')
    return (await api('/invites/redeem', { body: { code: s.value, label: '试用' } })).status === 201;
  if (s.kind === 'token') return (await api('/tokens/self', { token: s.value })).status === 200;
  return (await api(`/calendar/${s.value}.ics`)).status === 200;
}

const dbText = async () => JSON.stringify([...(await snapshot()).values(), ...(await idempotencyRows())]);
const idempotencyRows = async () => (await env.DB.prepare('SELECT * FROM idempotency').all()).results;

const rowCount = (s: Map<string, string[]>) =>
  [...s].filter(([t]) => t !== 'audit' && t !== 'audit_subjects').reduce((n, [, rows]) => n + rows.length, 0);

describe('Idempotency-Key on every write, from the route table', () => {
  it('a replay answers the first reply, status and body, and changes nothing', async () => {
    const w = await buildWorld();
    const routes = routeSpecs().filter((s) => s.idempotency === 'replay' || s.idempotency === 'required');
    const wrong: string[] = [];
    for (const spec of routes) {
      const route = `${spec.method} ${spec.path}`;
      const caller = callerFor(spec);
      const req = await SAMPLES[route]!(w, caller, inject('receiverPort'));
      await clearRateLimits();
      const key = `replay-${crypto.randomUUID()}`;
      const first = await send(w, spec, caller, req, key);
      const before = await snapshot();
      const again = await send(w, spec, caller, req, key);
      const changed = rowsChanged(before, await snapshot());
      const problems = [
        first.status >= 300 && `first answer ${first.status} ${first.text.slice(0, 120)}`,
        again.status !== first.status && `replay status ${again.status} (first ${first.status})`,
        again.text !== first.text && `replay body differs: ${again.text.slice(0, 120)} / ${first.text.slice(0, 120)}`,
        again.headers.get('Idempotent-Replayed') !== 'true' && 'no Idempotent-Replayed header',
        changed > 0 && `replay changed ${changed} rows`,
      ];
      const other = otherBody(req.body);
      if (other) {
        const mismatch = await send(w, spec, caller, req, key, other);
        if (mismatch.status !== 422 || mismatch.body.error?.code !== 'idempotency-mismatch')
          problems.push(`another body under the key: ${mismatch.status}`);
      }
      const bad = problems.filter(Boolean);
      if (bad.length) wrong.push(`${route}: ${bad.join('; ')}`);
    }
    expect(wrong).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /v1/sync',
        'POST /v1/modifications',
        'POST /v1/modifications/:id/decision',
        'PUT /v1/members/:key/approval',
        'POST /v1/webhooks',
      ]),
    );
  }, 300_000);

  it('a retry of a request whose reply carries a secret issues it afresh, withdraws the first, and stores neither', async () => {
    const w = await buildWorld();
    const routes = routeSpecs().filter((s) => s.idempotency === 'reissue');
    const wrong: string[] = [];
    for (const spec of routes) {
      const route = `${spec.method} ${spec.path}`;
      const caller = callerFor(spec);
      const req = await SAMPLES[route]!(w, caller, inject('receiverPort'));
      await clearRateLimits();
      const key = `reissue-${crypto.randomUUID()}`;
      const first: Reply = await send(w, spec, caller, req, key);
      const again: Reply = await send(w, spec, caller, req, key);
      if (first.status !== spec.reply.status || again.status !== spec.reply.status) {
        wrong.push(`${route}: ${first.status} then ${again.status} — ${again.text.slice(0, 160)}`);
        continue;
      }
      const [s1, s2] = [secretOf(first.body), secretOf(again.body)];
      const stored = await dbText();
      const problems = [
        'schema' in spec.reply && !spec.reply.schema.safeParse(again.body).success && 'retry reply off its schema',
        s1.value === s2.value && 'the same secret twice',
        (stored.includes(s1.value) || stored.includes(s2.value)) && 'a secret is stored in the database',
        (await works(s1)) && 'the first secret still works',
        !(await works(s2)) && 'the new secret does not work',
      ];
      const other = otherBody(req.body);
      if (other) {
        const mismatch = await send(w, spec, caller, req, key, other);
        if (mismatch.status !== 422) problems.push(`another body under the key: ${mismatch.status}`);
      }
      const bad = problems.filter(Boolean);
      if (bad.length) wrong.push(`${route}: ${bad.join('; ')}`);
    }
    expect(wrong).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /v1/invites/redeem', 'POST /v1/invites', 'POST /v1/feeds']),
    );
  }, 300_000);

  it('a redemption retried after its window is refused and leaves the first token working', async () => {
    const w = await buildWorld();
    const req = await SAMPLES['POST /v1/invites/redeem']!(w, 'noToken', inject('receiverPort'));
    const key = `late-${crypto.randomUUID()}`;
    // The earlier tests' refused secrets count as failed authentications from the same client.
    await clearRateLimits();
    const first = await api(req.path, { body: req.body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    // The first redemption happened 16 minutes ago.
    await env.DB.prepare('UPDATE invites SET used_at = ? WHERE used_at LIKE ?')
      .bind(`${new Date(Date.now() - 16 * 60_000).toISOString()}#${first.body.tokenId}`, `%#${first.body.tokenId}`)
      .run();
    const late = await api(req.path, { body: req.body, headers: { 'Idempotency-Key': key } });
    expect(late.body.error?.code).toBe('invite-used');
    expect(late.status).toBe(401);
    expect(await works({ kind: 'token', value: first.body.token })).toBe(true);
  });

  it('a repeat of a write that needs no key never makes a second thing and never answers 5xx', async () => {
    const w = await buildWorld();
    const wrong: string[] = [];
    for (const spec of routeSpecs().filter((s) => s.idempotency === 'natural')) {
      const route = `${spec.method} ${spec.path}`;
      const caller = callerFor(spec);
      const req = await SAMPLES[route]!(w, caller, inject('receiverPort'));
      await clearRateLimits();
      const first = await send(w, spec, caller, req);
      const before = await snapshot();
      const again = await send(w, spec, caller, req);
      const grew = rowCount(await snapshot()) - rowCount(before);
      if (first.status >= 300 || again.status >= 500 || grew > 0)
        wrong.push(`${route}: ${first.status} then ${again.status}, ${grew} more rows — ${again.text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
