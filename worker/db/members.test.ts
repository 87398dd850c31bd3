import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { scopeRange } from '../auth/context';
import { emptyRow } from '../members/row';
import { bootstrap } from '../../test/worker/helpers';
import { writeMembers } from './members';
import { upsertPreflights } from './preflights';

const seqOf = async (tenantId: string, id: string) =>
  (await env.DB.prepare('SELECT seq, path FROM orgs WHERE tenant_id = ? AND id = ?')
    .bind(tenantId, id)
    .first<{ seq: number; path: string }>())!;

describe('member and preflight writes carry the writer’s subtree in SQL', () => {
  it('neither inserts nor overwrites a row outside it, whatever the plan says', async () => {
    const team = await bootstrap({
      orgs: [
        { id: 'A', name: '甲', type: '01TZB', parentId: 'root' },
        { id: 'B', name: '乙', type: '01TZB', parentId: 'root' },
      ],
    });
    const [a, b] = [await seqOf(team.tenantId, 'A'), await seqOf(team.tenantId, 'B')];
    const aRange = scopeRange('branch', a.path);
    const inB = { ...emptyRow(team.tenantId, 'id:x', b.seq, 1), status: 'pending' as const };
    await env.DB.batch(
      writeMembers(env.DB, team.tenantId, scopeRange('branch', b.path), [{ before: null, after: inB }]),
    );
    // A plan that went wrong: A's write names B's member, and a new member placed in B.
    await env.DB.batch(
      writeMembers(env.DB, team.tenantId, aRange, [
        { before: inB, after: { ...inB, org_seq: a.seq, status: 'certified' } },
        { before: null, after: emptyRow(team.tenantId, 'id:y', b.seq, 1) },
      ]),
    );
    const rows = await env.DB.prepare('SELECT key, org_seq, status FROM members WHERE tenant_id = ?')
      .bind(team.tenantId)
      .all();
    expect(rows.results).toEqual([{ key: 'id:x', org_seq: b.seq, status: 'pending' }]);
    const pf = (org_seq: number, verdict: string) => ({
      tenant_id: team.tenantId,
      file_hash: 'f'.repeat(64),
      member_ref: 'm:id:x',
      org_seq,
      size: 1,
      pages: 12,
      verdict,
      codes: '[]',
      page1_number: null,
      decision: null,
      override_reason: null,
      observed_at: Date.now(),
    });
    await env.DB.batch(upsertPreflights(env.DB, team.tenantId, scopeRange('branch', b.path), [pf(b.seq, 'pass')]));
    await env.DB.batch(upsertPreflights(env.DB, team.tenantId, aRange, [pf(a.seq, 'fail'), pf(b.seq, 'fail')]));
    const kept = await env.DB.prepare('SELECT org_seq, verdict FROM preflights WHERE tenant_id = ?')
      .bind(team.tenantId)
      .all();
    expect(kept.results).toEqual([{ org_seq: b.seq, verdict: 'pass' }]);
  });
});
