import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { MemberDetail } from '../../shared/api/members';
import { SyncResponse } from '../../shared/api/sync';
import { addDays, chinaToday, daysBetween } from '../../shared/domain/chinaDate';
import { EARLIEST_DATE } from '../../shared/domain/sentDate';
import { CertStatus, type ChinaDate } from '../../shared/domain/types';
import { api, idemKey, observation } from '../../test/worker/helpers';
import { SAMPLES } from '../../test/worker/samples';
import { buildWorld } from '../../test/worker/world';
import { routeSpecs } from './table';

/** Any day a client may send: 1949-01-01 to tomorrow, the edges weighted in. */
const sentDay = () => {
  const span = daysBetween(EARLIEST_DATE as ChinaDate, addDays(chinaToday(), 1));
  return fc
    .oneof(fc.integer({ min: 0, max: span }), fc.constantFrom(0, span, span - 1, span - 30, span - 31))
    .map((n) => addDays(EARLIEST_DATE as ChinaDate, n));
};

/** A member as a host page may show it: every state, dates anywhere in range, approval on or after 入团时间. */
const member = fc
  .record({
    org: fc.constantFrom('A', 'A1'),
    joinedOn: sentDay(),
    approvedAfter: fc.option(fc.integer({ min: 0, max: 400 })),
    status: fc.constantFrom(...CertStatus.options),
    name: fc.constantFrom('张三伟', '李*', 'Ａｌｉ', '欧阳娜娜'),
    graduating: fc.boolean(),
    rejectionReason: fc.option(fc.constantFrom('照片不清晰', '')),
  })
  .map((m) => {
    const approvedOn = m.approvedAfter === null ? null : addDays(m.joinedOn, m.approvedAfter);
    return {
      org: { id: m.org },
      joinedOn: m.joinedOn,
      // An approval after tomorrow would be refused: it is left out then.
      approvedOn: approvedOn && approvedOn <= addDays(chinaToday(), 1) ? approvedOn : null,
      status: m.status,
      name: m.name,
      graduating: m.graduating,
      rejectionReason: m.rejectionReason,
    };
  });

/** The reads whose replies show the members: each route of the table an admin token reads, with a JSON schema. */
const reads = routeSpecs().filter((s) => !s.writes && s.auth === 'token' && 'schema' in s.reply);

describe('every reply validates against its schema in shared/api, whatever valid data was sent in', () => {
  it('property: after any valid batch, the sync reply and every read route answer to their schema', async () => {
    expect(reads.map((s) => s.path)).toEqual(
      expect.arrayContaining(['/v1/members/search', '/v1/reminders/:orgId/members', '/v1/modifications']),
    );
    const w = await buildWorld();
    const port = inject('receiverPort');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 6 }), async (members) => {
        const hosts = members.map(() => `host-prop-${++n}`);
        const sent = await api('/sync', {
          token: w.tokens.parent,
          body: { observations: members.map((m, i) => observation({ ...m, hostId: hosts[i] } as never)) },
          headers: { 'Idempotency-Key': idemKey() },
        });
        expect(sent.status, sent.text).toBe(200);
        expect(SyncResponse.safeParse(sent.body).success, sent.text).toBe(true);
        expect(sent.body.refused, sent.text).toEqual([]);
        for (const spec of reads) {
          const req = await SAMPLES[`${spec.method} ${spec.path}`]!(w, 'parent', port);
          const r = await api(req.path, { token: w.tokens.parent, headers: req.headers });
          const parsed = 'schema' in spec.reply && spec.reply.schema.safeParse(r.body);
          expect(r.status, `${spec.path}: ${r.text.slice(0, 200)}`).toBe(200);
          expect(parsed && parsed.success, `${spec.path} off its schema: ${r.text.slice(0, 300)}`).toBe(true);
        }
        for (const host of hosts) {
          const r = await api(`/members/${encodeURIComponent(`id:${host}`)}`, { token: w.tokens.parent });
          expect(MemberDetail.safeParse(r.body).success, r.text.slice(0, 300)).toBe(true);
        }
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
