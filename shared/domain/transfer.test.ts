import { describe, expect, it } from 'vitest';
import { canTransfer, countsAsNewMember, newMemberStats } from './transfer';
import type { CertStatus, ChinaDate } from './types';

const d = (s: string) => s as ChinaDate;
const m = (orgId: string, joinedOn: string, status: CertStatus) => ({ orgId, joinedOn: d(joinedOn), status });

describe('transfer guard (§4.4, §5.4)', () => {
  it('refuses uncertified members who need an archive, with the host’s message', () => {
    for (const status of ['notUploaded', 'pending', 'uncertified', 'rejected', 'unknown'] as const) {
      const r = canTransfer({ joinedOn: d('2024-05-20'), status });
      expect(r.ok, status).toBe(false);
      if (!r.ok) expect(r.reason).toContain('必须认证通过后才能进行组织关系转接');
    }
  });

  it('lets certified members and members who joined before 2020 go', () => {
    expect(canTransfer({ joinedOn: d('2024-05-20'), status: 'certified' }).ok).toBe(true);
    expect(canTransfer({ joinedOn: d('2019-12-31'), status: 'notUploaded' }).ok).toBe(true);
  });
});

describe('new-member statistics (§5.3)', () => {
  it('counts only certified members among those who need an archive', () => {
    expect(countsAsNewMember({ joinedOn: d('2024-05-20'), status: 'certified' })).toBe(true);
    expect(countsAsNewMember({ joinedOn: d('2024-05-20'), status: 'pending' })).toBe(false);
    expect(countsAsNewMember({ joinedOn: d('2019-05-20'), status: 'certified' })).toBe(false);
  });

  it('counts by organisation within a period', () => {
    const members = [
      m('a', '2024-01-01', 'certified'),
      m('a', '2024-03-01', 'rejected'),
      m('b', '2024-12-31', 'certified'),
      m('b', '2025-01-01', 'certified'),
      m('b', '2019-06-01', 'certified'),
    ];
    const s = newMemberStats(members, { from: d('2024-01-01'), to: d('2024-12-31') });
    expect(s.total).toEqual({ developed: 3, counted: 2, notCounted: 1 });
    expect(s.byOrg.get('a')).toEqual({ developed: 2, counted: 1, notCounted: 1 });
    expect(s.byOrg.get('b')).toEqual({ developed: 1, counted: 1, notCounted: 0 });
    expect(newMemberStats(members).total.developed).toBe(4);
  });
});
