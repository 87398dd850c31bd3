import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/chinaDate';
import { countMembers } from '../../../shared/domain/urgency';
import type { CertStatus, ChinaDate } from '../../../shared/domain/types';
import type { LocalMember } from '../../model/member';
import { localMembers, localSummary, ownName, TIMELINE_DAYS } from './localView';

const today = '2024-06-10' as ChinaDate;
let n = 0;
function member(org: string, joinedOn: string, status: CertStatus, approvedOn?: string): LocalMember {
  n++;
  return {
    key: `k${n}`,
    orgKey: `P:${org}`,
    org: { name: org },
    values: {
      name: `成员${n}`,
      joinedOn: joinedOn as ChinaDate,
      status,
      ...(approvedOn ? { approvedOn: approvedOn as ChinaDate } : {}),
    },
    at: {},
    firstSeenAt: 0,
    lastSeenAt: 0,
  };
}

const A = '一班团支部';
const B = '二班团支部';
const members = [
  member(A, '2024-04-01', 'notUploaded', '2024-04-20'), // last day 05-20: overdue
  member(A, '2024-05-01', 'notUploaded'), // 05-31, estimated: maybe overdue
  member(A, '2024-05-11', 'rejected', '2024-05-11'), // 06-10: due today
  member(B, '2024-05-20', 'notUploaded'), // 06-19: later
  member(B, '2024-06-01', 'pending'),
  member(B, '2019-09-01', 'unknown'), // exempt
  member(B, '2023-01-01', 'certified'),
  { ...member(B, '2024-01-01', 'notUploaded'), values: { name: '无入团时间' } },
];

describe('the local view', () => {
  const s = localSummary(members, today, 5);

  it('counts with the shared rules, per organisation, worst first', () => {
    const classifiable = members.filter((m) => m.values.joinedOn);
    expect(s.counters).toEqual(
      countMembers(
        classifiable.map((m) => ({
          joinedOn: m.values.joinedOn!,
          approvedOn: m.values.approvedOn ?? undefined,
          status: m.values.status!,
        })),
        today,
      ),
    );
    expect(s.counters).toMatchObject({
      overdue: 1,
      maybeOverdue: 1,
      dueToday: 1,
      later: 1,
      pending: 1,
      exempt: 1,
      certified: 1,
      rejected: 1,
      total: 7,
    });
    expect(s.orgs.map((o) => o.name)).toEqual([A, B]);
    expect(s.stats).toEqual({ developed: 6, counted: 1, notCounted: 5 });
    expect(s.source).toBe('local');
  });

  it('lays the next 30 days’ deadlines on a timeline', () => {
    expect(s.timeline).toHaveLength(TIMELINE_DAYS + 1);
    expect(s.timeline[0]).toEqual({ day: today, count: 1, estimated: 0 });
    expect(s.timeline[9]).toEqual({ day: addDays(today, 9), count: 1, estimated: 1 });
    expect(s.timeline.reduce((a, d) => a + d.count, 0)).toBe(2);
  });

  it('lists the members behind a number, most urgent first', () => {
    expect(localMembers(members, { bucket: 'owed' }, today).members.map((m) => m.bucket)).toEqual([
      'overdue',
      'maybeOverdue',
      'dueToday',
      'later',
    ]);
    expect(localMembers(members, { bucket: 'rejected' }, today).members.map((m) => m.status)).toEqual(['rejected']);
    expect(localMembers(members, { orgId: `P:${B}`, bucket: 'pending' }, today).members).toHaveLength(1);
    expect(localMembers(members, { day: addDays(today, 9) }, today).members.map((m) => m.lastDay)).toEqual([
      '2024-06-19',
    ]);
    expect(localMembers(members, { bucket: 'owed' }, today, 2)).toMatchObject({ truncated: true });
  });

  it('shows an organisation by its own name, not the host’s run-together full name', () => {
    expect(ownName('演示市第一中学团委高二年级团总支高二（3）班团支部')).toBe('高二（3）班团支部');
    expect(ownName('共青团演示市第一中学委员会')).toBe('共青团演示市第一中学委员会');
    expect(ownName('某市团委教工团支部')).toBe('教工团支部');
  });
});
