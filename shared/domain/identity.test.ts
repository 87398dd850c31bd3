import { describe, expect, it } from 'vitest';
import { findSameMember, memberKey, type IdentityFields } from './identity';
import type { ChinaDate } from './types';

const base: IdentityFields = {
  orgId: 'o1',
  name: '张伟',
  devNumber: '202400000001',
  joinedOn: '2024-05-20' as ChinaDate,
};

describe('member identity', () => {
  it('prefers the host’s id, then organisation + 编号, then name + 入团时间', () => {
    expect(memberKey({ ...base, hostId: 'u9' })).toBe('id:u9');
    expect(memberKey(base)).toBe('no:o1:202400000001');
    expect(memberKey({ ...base, devNumber: ' ' })).toBe('nj:o1:张伟:2024-05-20');
  });

  it('treats a new 编号 under the same name and 入团时间 as a correction, not a new member', () => {
    const known = [base, { ...base, name: '李娜', devNumber: '202400000002' }];
    expect(findSameMember(known, { ...base, devNumber: '202400000009' })).toEqual({ index: 0, correction: true });
    expect(findSameMember(known, { ...base, devNumber: '2024 0000 0001' })).toEqual({ index: 0, correction: false });
  });

  it('does not merge members of other organisations or other names', () => {
    expect(findSameMember([base], { ...base, orgId: 'o2' })).toBeNull();
    expect(findSameMember([base], { ...base, name: '张卫', devNumber: '202400000003' })).toBeNull();
  });

  it('does not guess when two known members fit', () => {
    const twins = [base, { ...base, devNumber: '202400000005' }];
    expect(findSameMember(twins, { ...base, devNumber: '202400000009' })).toBeNull();
  });

  it('matches by host id even when the number changed', () => {
    expect(findSameMember([{ ...base, hostId: 'u1' }], { ...base, hostId: 'u1', devNumber: '202400000007' })).toEqual({
      index: 0,
      correction: true,
    });
    expect(findSameMember([{ ...base, hostId: 'u1' }], { ...base, hostId: 'u2' })).toBeNull();
  });
});

describe('two members on one page', () => {
  it('are never merged by a correction when one of them is named by its own 编号', () => {
    const known = [base];
    const newcomer = { ...base, devNumber: '202400000002' };
    // Alone, the newcomer looks like a corrected number of the known member…
    expect(findSameMember(known, newcomer)).toEqual({ index: 0, correction: true });
    // …but not when the known member is on the same page under its own number.
    const taken = new Set([findSameMember(known, base)!.index]);
    expect(findSameMember(known, newcomer, taken)).toBeNull();
  });

  it('match a row without a 编号 by name and 入团时间, without calling it a correction', () => {
    expect(findSameMember([base], { ...base, devNumber: undefined })).toEqual({ index: 0, correction: false });
  });
});
