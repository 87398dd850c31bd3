import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRejectionReason, needsApproval } from './approval';
import { transition, type ArchiveEvent, type ArchiveState } from './lifecycle';
import { OrgType } from './types';

function run(events: ArchiveEvent[], from: ArchiveState = { kind: 'none' }) {
  let state = from;
  for (const e of events) {
    const t = transition(state, e);
    if (!t.ok) return { state, refused: t.reason };
    state = t.state;
  }
  return { state, refused: null };
}

describe('approval (§3.2.1, §3.2.2, §3.3.1)', () => {
  it('is needed for uploads by branch-level organisations only', () => {
    expect(OrgType.options.filter(needsApproval)).toEqual(['01TZB', '02TZZ', '06BYBTZB', '00DJZTZB']);
  });

  it('needs a non-blank reason to reject', () => {
    expect(checkRejectionReason('')).toContain('须写明理由');
    expect(checkRejectionReason('  \n')).toContain('须写明理由');
    expect(checkRejectionReason('第3页缺少介绍人签名')).toBeNull();
  });
});

describe('the archive life cycle', () => {
  it('plays upload → reject → replace → approve for a 团支部', () => {
    const r = run([
      { type: 'upload', by: '01TZB' },
      { type: 'reject', reason: '缺页' },
    ]);
    expect(r.state).toEqual({ kind: 'rejected', reason: '缺页' });
    expect(run([{ type: 'upload', by: '01TZB' }, { type: 'approve' }], r.state).state).toEqual({ kind: 'certified' });
  });

  it('certifies an upload by a 团委 at once', () => {
    expect(run([{ type: 'upload', by: '03TW' }]).state).toEqual({ kind: 'certified' });
    expect(run([{ type: 'upload', by: '04TGW' }]).state).toEqual({ kind: 'certified' });
  });

  it('refuses a second upload while one is under review, with the host’s message', () => {
    expect(
      run([
        { type: 'upload', by: '01TZB' },
        { type: 'upload', by: '01TZB' },
      ]).refused,
    ).toBe('团员电子档案审批中,不能重复发起');
  });

  it('refuses a rejection without a reason and leaves the state as it was', () => {
    const r = run([
      { type: 'upload', by: '02TZZ' },
      { type: 'reject', reason: ' ' },
    ]);
    expect(r.state).toEqual({ kind: 'underReview' });
    expect(r.refused).toContain('须写明理由');
  });

  it('changes a certified archive only through an approved modification request (§4.5)', () => {
    const certified: ArchiveState = { kind: 'certified' };
    expect(transition(certified, { type: 'upload', by: '01TZB' })).toMatchObject({ ok: false });
    const r = run(
      [
        { type: 'requestModification', reason: '上传错误' },
        { type: 'approveModification' },
        { type: 'upload', by: '01TZB' },
      ],
      certified,
    );
    expect(r).toEqual({ state: { kind: 'underReview' }, refused: null });
    expect(
      run(
        [
          { type: 'requestModification', reason: '上传错误' },
          { type: 'rejectModification', reason: '无需修改' },
        ],
        certified,
      ).state,
    ).toEqual(certified);
  });

  it('refuses approvals and rejections when nothing is under review', () => {
    expect(transition({ kind: 'none' }, { type: 'approve' }).ok).toBe(false);
    expect(transition({ kind: 'certified' }, { type: 'reject', reason: 'x' }).ok).toBe(false);
    expect(transition({ kind: 'none' }, { type: 'approveModification' }).ok).toBe(false);
  });

  it('never certifies a branch’s archive without an approval', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('upload' as const), by: fc.constantFrom(...OrgType.options) }),
      fc.constant({ type: 'approve' as const }),
      fc.record({ type: fc.constant('reject' as const), reason: fc.string() }),
      fc.record({ type: fc.constant('requestModification' as const), reason: fc.string() }),
      fc.constant({ type: 'approveModification' as const }),
      fc.record({ type: fc.constant('rejectModification' as const), reason: fc.string() }),
      fc.constant({ type: 'endReview' as const }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state: ArchiveState = { kind: 'none' };
        for (const e of events) {
          const t = transition(state, e);
          if (!t.ok) continue;
          if (t.state.kind === 'certified' && state.kind !== 'certified' && state.kind !== 'modificationRequested') {
            // Certification comes from an approval, or from an upload that needs none.
            expect(e.type === 'approve' || (e.type === 'upload' && !needsApproval(e.by))).toBe(true);
          }
          if (t.state.kind === 'rejected') expect(t.state.reason.trim()).not.toBe('');
          state = t.state;
        }
      }),
    );
  });
});
