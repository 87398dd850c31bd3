import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../shared/domain/chinaDate';
import { checkDevNumber, findDuplicateDevNumbers } from '../../../shared/domain/devNumber';
import { isValidIdCard } from '../../../shared/domain/idCard';
import type { ChinaDate } from '../../../shared/domain/types';
import { APPROVED_TEXT } from '../messages';
import { MESSAGE_TYPES } from '../model';
import { archiveState, latestRecord } from '../backend/views';
import { generateReplicaData } from './generate';
import { approverOf, MAIN_BRANCH_ID } from './orgs';

const today = '2025-06-15' as ChinaDate;

describe('the seeded replica data', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateReplicaData({ seed: 7, today });
    const b = generateReplicaData({ seed: 7, today });
    const c = generateReplicaData({ seed: 8, today });
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
    expect(c.state.members.map((m) => m.name)).not.toEqual(a.state.members.map((m) => m.name));
  });

  it('builds 团委 → 团总支 → 团支部 with a graduating-class branch, each upload routed to the 团委', () => {
    const { state } = generateReplicaData({ today });
    const types = new Set(state.orgs.map((o) => o.leagueType));
    for (const t of ['03TW', '02TZZ', '01TZB', '06BYBTZB'] as const) expect(types).toContain(t);
    const root = state.orgs.find((o) => o.parentId === null)!;
    expect(root.leagueType).toBe('03TW');
    for (const o of state.orgs) {
      if (o.parentId) expect(state.orgs.some((p) => p.leagueId === o.parentId)).toBe(true);
      expect(approverOf(state.orgs, o.leagueId)?.leagueId ?? null).toBe(o.leagueType === '03TW' ? null : root.leagueId);
    }
  });

  it('gives every member a valid, unique 身份证号 that makes them 14–17 when they joined, and a Chinese name', () => {
    const { state } = generateReplicaData({ seed: 3, size: 800, today });
    const ids = new Set<string>();
    for (const m of state.members) {
      expect(isValidIdCard(m.identityCardNo), m.identityCardNo).toBe(true);
      ids.add(m.identityCardNo);
      const birth =
        `${m.identityCardNo.slice(6, 10)}-${m.identityCardNo.slice(10, 12)}-${m.identityCardNo.slice(12, 14)}` as ChinaDate;
      const age = daysBetween(birth, m.joinLeagueTime) / 365.25;
      expect(age).toBeGreaterThanOrEqual(14);
      expect(age).toBeLessThan(18);
      expect(Number(m.identityCardNo[16]) % 2).toBe(m.sex === '男' ? 1 : 0);
      expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
    expect(ids.size).toBe(state.members.length);
  });

  it('dates every 入团时间 from 2018 to today, a good share in the last 45 days', () => {
    const { state } = generateReplicaData({ seed: 4, size: 600, today });
    const recent = state.members.filter((m) => daysBetween(m.joinLeagueTime, today) <= 45).length;
    for (const m of state.members) {
      expect(m.joinLeagueTime >= '2018-01-01').toBe(true);
      expect(m.joinLeagueTime <= today).toBe(true);
    }
    expect(recent / state.members.length).toBeGreaterThan(0.2);
    expect(state.members.some((m) => m.joinLeagueTime < '2020-01-01')).toBe(true);
  });

  it('writes 编号 by the rules, spoiled in the configured share the way the host flags them', () => {
    const { state, truth } = generateReplicaData({ seed: 5, size: 2000, defectRate: 0.1, today });
    const dups = findDuplicateDevNumbers(state.members.map((m) => ({ devNumber: m.userCode })));
    const duplicated = new Set([...dups.values()].flat().map((i) => state.members[i]!.userId));
    let defects = 0;
    for (const m of state.members) {
      const defect = truth.get(m.userId)?.defect;
      const codes = checkDevNumber(m.userCode, m.joinLeagueTime).map((f) => f.code);
      if (!defect) {
        if (!duplicated.has(m.userId)) expect(codes, `${m.userCode} ${m.joinLeagueTime}`).toEqual([]);
        continue;
      }
      defects++;
      if (defect === 'wrongYear') expect(codes).toEqual(['wrong-year']);
      if (defect === 'wrongLength') expect(codes).toEqual(['wrong-length']);
      if (defect === 'duplicate') expect(duplicated.has(m.userId)).toBe(true);
    }
    expect(defects / state.members.length).toBeGreaterThan(0.07);
    expect(defects / state.members.length).toBeLessThan(0.13);
    const clean = generateReplicaData({ seed: 5, size: 300, defectRate: 0, today });
    expect([...clean.truth.values()].filter((t) => t.defect)).toEqual([]);
    expect(findDuplicateDevNumbers(clean.state.members.map((m) => ({ devNumber: m.userCode }))).size).toBe(0);
  });

  it('mixes every archive state, and the history behind each agrees with it', () => {
    const { state, truth } = generateReplicaData({ seed: 6, size: 60, today });
    const main = state.members.filter((m) => m.leagueId === MAIN_BRANCH_ID);
    const seen = new Set(main.map((m) => truth.get(m.userId)!.status));
    for (const s of ['exempt', 'notUploaded', 'pending', 'rejected', 'certified']) expect(seen).toContain(s);
    const asHost = {
      exempt: 'exempt',
      notUploaded: 'none',
      pending: 'pending',
      rejected: 'rejected',
      certified: 'certified',
    } as const;
    for (const m of state.members) {
      const status = truth.get(m.userId)!.status;
      const record = latestRecord(state, m.userId);
      expect(archiveState(m, record)).toBe(asHost[status]);
      const msgs = state.messages.filter((x) => x.businessId === record?.recordId);
      if (status === 'pending')
        expect(msgs).toMatchObject([{ messageType: MESSAGE_TYPES.recordAudit, handleStatus: 0 }]);
      if (status === 'rejected') {
        const feedback = msgs.find((x) => x.messageType === MESSAGE_TYPES.recordFeedback)!;
        expect(feedback.messageContent).toBe(
          `您提交的团员电子档案未通过上级团组织审核，理由为：'${record!.auditOpinion}'。请根据上级审核意见重新修改并上传新的文件。`,
        );
        expect(msgs.find((x) => x.messageType === MESSAGE_TYPES.recordAudit)?.handleStatus).toBe(3);
      }
      if (status === 'certified' && record!.approverLeagueId)
        expect(msgs.some((x) => x.messageContent === APPROVED_TEXT)).toBe(true);
    }
  });

  it('makes 5,000 members in one branch quickly', () => {
    const started = performance.now();
    const { state } = generateReplicaData({ seed: 9, size: 5000, today });
    expect(state.members.filter((m) => m.leagueId === MAIN_BRANCH_ID)).toHaveLength(5000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
