import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { MemberDetail, SearchResponse } from '../../shared/api/members';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { EARLIEST_DATE } from '../../shared/domain/sentDate';
import { api, idemKey, observation } from '../../test/worker/helpers';
import { SAMPLES } from '../../test/worker/samples';
import { placeAt, stringFields, type FieldPath } from '../../test/worker/schemaFields';
import { buildWorld, clearRateLimits, rowsChanged, snapshot } from '../../test/worker/world';
import { app } from '../app';
import { requestSchemas } from '../lib/validate';

type Schema = ReturnType<typeof requestSchemas>[number];

/** Impossible or out-of-range dates a clumsy client (or a typo on the host) sends. */
const BAD_DATES = () => [
  '1900-01-01',
  '1948-12-31',
  '2100-01-01',
  '9999-12-31',
  '2023-02-29',
  '2024-13-01',
  addDays(chinaToday(), 2),
];
const GOOD_DATES = () => [EARLIEST_DATE, '2024-02-29', chinaToday(), addDays(chinaToday(), 1)];

const issuesAt = (s: Schema, path: FieldPath, value: string) => {
  const r = s.schema.safeParse(placeAt(path, value));
  return r.success ? [] : r.error.issues.filter((i) => i.path.join('.') === path.join('.'));
};

/** A date field, found by what it does: it takes a date and refuses plain text — no list of names. */
const DATE_FIELDS = requestSchemas(app.routes).flatMap((s) =>
  stringFields(s.schema, s.target === 'query')
    .filter((p) => issuesAt(s, p, '2024-05-10').length === 0 && issuesAt(s, p, 'not-a-date').length > 0)
    .map((field) => ({ ...s, field, name: `${s.method} ${s.path} ${s.target} ${field.join('.')}` })),
);

function withValue(body: unknown, path: FieldPath, value: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = (at[k] ??= typeof k === 'number' ? [] : {}) as typeof at;
  at[path.at(-1)!] = value;
  return copy;
}

describe('dates sent in are real days from 1949-01-01 to tomorrow in China, in every date field of every request', () => {
  it('finds the date fields in the schemas the routes read', () => {
    expect(DATE_FIELDS.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'POST /v1/sync json observations.0.joinedOn',
        'POST /v1/sync json observations.0.approvedOn',
        'PUT /v1/members/:key/approval json approvedOn',
      ]),
    );
  });

  it('each schema refuses the bad dates at the field, naming it, and takes the good ones', () => {
    for (const f of DATE_FIELDS) {
      for (const d of BAD_DATES()) {
        const issues = issuesAt(f, f.field, d);
        expect(issues.length, `${f.name} = ${d}`).toBeGreaterThan(0);
        expect(issues[0]!.message, `${f.name} = ${d}`).toMatch(/^[\u4e00-\u9fff].*[\u4e00-\u9fff]/);
      }
      for (const d of GOOD_DATES()) expect(issuesAt(f, f.field, d), `${f.name} = ${d}`).toEqual([]);
    }
  });

  it('each route refuses them through HTTP with a Chinese message naming the field, and writes nothing', async () => {
    const w = await buildWorld();
    const wrong: string[] = [];
    for (const f of DATE_FIELDS) {
      const route = `${f.method} ${f.path}`;
      if (f.target !== 'json') {
        wrong.push(`${f.name}: a date outside a JSON body is not tried here`);
        continue;
      }
      for (const d of BAD_DATES()) {
        const req = await SAMPLES[route]!(w, 'parent', inject('receiverPort'));
        await clearRateLimits();
        const before = await snapshot();
        const r = await api(req.path, {
          method: f.method,
          token: w.tokens.parent,
          body: withValue(req.body, f.field, d),
          headers: { 'Idempotency-Key': idemKey() },
        });
        const changed = rowsChanged(before, await snapshot());
        // A sync batch answers per row; any other request is refused whole.
        const refusal = f.field[0] === 'observations' ? r.body.refused?.[0] : r.body.error;
        const field = String(f.field.at(-1));
        if (
          r.status !== (f.field[0] === 'observations' ? 200 : 400) ||
          !refusal?.message?.includes(field) ||
          !/[\u4e00-\u9fff]/.test(refusal.message) ||
          changed !== 0
        )
          wrong.push(`${f.name} = ${d}: ${r.status}, ${changed} rows changed — ${r.text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('an approval date before 入团时间 is refused, by the approval route and by sync row by row', async () => {
    const w = await buildWorld();
    const host = `host-A-order-${w.fresh()}`;
    const sent = (approvedOn: string, hostId = host) =>
      observation({
        org: { id: 'A' },
        hostId,
        name: '甲成员',
        joinedOn: '2024-05-10' as never,
        approvedOn: approvedOn as never,
      });
    const r = await api('/sync', {
      token: w.tokens.parent,
      body: { observations: [sent('2024-05-01'), sent('2024-05-20', `${host}-ok`)] },
      headers: { 'Idempotency-Key': idemKey() },
    });
    expect(r.status).toBe(200);
    expect(r.body.refused).toEqual([expect.objectContaining({ index: 0, code: 'approval-before-joining' })]);
    expect(r.body.members.created).toBe(1);

    const before = await snapshot();
    const put = await api(`/members/${encodeURIComponent(`id:${host}-ok`)}/approval`, {
      method: 'PUT',
      token: w.tokens.parent,
      body: { approvedOn: '2024-05-09' },
    });
    expect(put.status).toBe(422);
    expect(put.body.error.code).toBe('approval-before-joining');
    expect(rowsChanged(before, await snapshot())).toBe(0);
  });

  it('a member stored with an impossible date before the rule still shows, with no deadline, in its schema', async () => {
    const w = await buildWorld();
    const host = `host-A-old-${w.fresh()}`;
    const sent = await api('/sync', {
      token: w.tokens.parent,
      body: { observations: [observation({ org: { id: 'A' }, hostId: host, name: '甲成员' })] },
      headers: { 'Idempotency-Key': idemKey() },
    });
    expect(sent.body.members.created).toBe(1);
    await env.DB.prepare("UPDATE members SET joined_on = '9999-12-31' WHERE key = ?").bind(`id:${host}`).run();
    const r = await api(`/members/${encodeURIComponent(`id:${host}`)}`, { token: w.tokens.parent });
    expect(MemberDetail.safeParse(r.body).success, r.text).toBe(true);
    expect(r.body.member.lastDay).toBeNull();
    expect(r.text).not.toContain('+010000');
    const list = await api(`/members/search?by=name&q=${encodeURIComponent('甲')}`, { token: w.tokens.parent });
    expect(SearchResponse.safeParse(list.body).success, list.text.slice(0, 300)).toBe(true);
  });
});
