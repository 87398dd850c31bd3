import { describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../shared/domain/types';
import type { MemberFacts } from '../messaging/members';
import type { RowObservation } from '../model/member';
import { Keeper, toObservation } from './keeping';
import type { MemberRow, RowMember } from './rows';

const row = (m: Partial<RowMember>, sig = JSON.stringify(m)): MemberRow => ({
  tr: null as unknown as HTMLTableRowElement,
  index: 0,
  cells: {},
  member: { name: '张伟', org: { name: '一班' }, joinedOn: '2024-05-20' as ChinaDate, ...m },
  signature: sig,
  facts: null,
});

describe('keeping rows', () => {
  it('keeps only precise statuses, the graduating flag of a 毕业班, and a 身份证号 only when the page showed a whole one', () => {
    expect(toObservation(row({ status: 'uncertified' }), false)).not.toHaveProperty('status');
    expect(toObservation(row({ status: 'unknown' }), false)).not.toHaveProperty('status');
    expect(toObservation(row({ status: 'pending', devNumber: '' }), true)).toMatchObject({
      status: 'pending',
      devNumber: '',
      isCadre: true,
    });
    expect(toObservation(row({ org: { name: '高三（1）班', type: '06BYBTZB' } }), false)!.graduating).toBe(true);
    expect(toObservation(row({}), false)).not.toHaveProperty('idCard');
    expect(toObservation(row({ idCard: '11010519491231002X' }), false)!.idCard).toBe('11010519491231002X');
    expect(toObservation(row({ joinedOn: null }), false)).toBeNull();
    expect(toObservation(row({ name: '' }), false)).toBeNull();
  });

  it('sends each observation once, in chunks, and says when an answer changes what a row shows', async () => {
    const sent: RowObservation[][] = [];
    const keeper = new Keeper(async (_type, { rows }) => {
      sent.push(rows);
      const facts: MemberFacts[] = rows.map((r) => ({
        key: r.name,
        approvedOn: r.name === '李娜' ? ('2024-05-25' as ChinaDate) : null,
        page1Number: null,
        rejectionReason: null,
        graduating: false,
      }));
      return { facts };
    }, false);
    const rows = Array.from({ length: 1200 }, (_, i) => row({ name: i === 7 ? '李娜' : `团员${i}` }));
    expect(await keeper.observe(rows)).toBe(true);
    expect(sent.map((s) => s.length)).toEqual([500, 500, 200]);
    expect(keeper.factsFor(rows[7]!.signature)?.approvedOn).toBe('2024-05-25');
    expect(await keeper.observe(rows)).toBe(false);
    expect(sent.length).toBe(3);
    expect(await keeper.observe([rows[7]!], true)).toBe(false);
    expect(sent.length).toBe(4);
  });
});
