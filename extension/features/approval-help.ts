/**
 * Approval help for reviewers (§3.3.1, §4.2): in the 审批 dialog of 操作中心 and of 下级团员电子档案审批,
 * the checklist beside the form, filled in from the reviewer's one-click check of the PDF
 * (review-check); 不同意 reasons built from the findings, editable in the host's own box; and once
 * the host confirms the decision (审批成功), the decision is kept for the member and — when this
 * browser belongs to a team — recorded in the team's audit log through the worker.
 */
import { parseHostDate } from '../../shared/domain/chinaDate';
import { summaryLine } from '../../shared/pdf/grouping';
import { observeElements, waitForElement } from '../core/elements';
import { defineFeature, type FeatureContext } from '../core/feature';
import { readSignedInOrg } from '../core/org';
import { byOwnText, hasWord, isWord, sel } from '../host/terms';
import { readDescriptions } from '../upload/member';
import { checklist, type Basics, type CheckResult } from './approval-checklist';
import { ApprovalPanel } from './approval-panel';

const POLL_MS = 1500;
/** How long the 审批 dialog may take to show the member's basic info before the help says it cannot read it. */
const INFO_WAIT_MS = 15_000;
/** How long after 同意 / 不同意 the host's confirmation may take. */
const CONFIRM_WINDOW_MS = 15_000;

function fillHostBox(box: HTMLTextAreaElement, text: string): void {
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function checkLine(c: CheckResult | null): { text: string; tone: 'good' | 'bad' | '' } | null {
  if (!c) return null;
  if (c.verdict === 'pass') return { text: `档案检查通过（${c.pages ?? '?'} 页）`, tone: 'good' };
  const text = c.findings ? `档案检查：${summaryLine(c.findings)}` : `档案检查发现 ${c.codes.length} 类问题`;
  return { text, tone: c.verdict === 'fail' ? 'bad' : '' };
}

function attach(ctx: FeatureContext, dialog: HTMLElement): void {
  const info = readDescriptions(dialog);
  const name = info.get('name');
  if (!name) return;
  const devNumber = info.get('devNumber');
  const basics: Basics = {
    name,
    devNumber: devNumber && devNumber !== '--' ? devNumber : null,
    joinedOn: parseHostDate(info.get('joinedOn') ?? ''),
  };
  const box = () => dialog.querySelector<HTMLTextAreaElement>(sel('approval.opinion'));
  const panel = new ApprovalPanel(ctx.doc, {
    fillReason: (text) => {
      const b = box();
      if (b) fillHostBox(b, text);
    },
  });
  let check: CheckResult | null = null;
  panel.update(checklist(basics, null), null);
  // Found by what it says: the heading's class is the site's own (the replica's .section-title).
  const heading = byOwnText(dialog, 'approval.opinionHeading');
  if (heading) heading.before(panel.host);
  else (dialog.querySelector(sel('dialog.body')) ?? dialog).append(panel.host);

  // The reviewer's check keeps its result for the member; the checklist reads it back.
  const lookup = {
    name,
    ...(basics.devNumber ? { devNumber: basics.devNumber } : {}),
    ...(basics.joinedOn ? { joinedOn: basics.joinedOn } : {}),
  };
  let seenAt = 0;
  const poll = async () => {
    // Until the dialog closes (the host removes or hides it).
    if (ctx.signal.aborted || !dialog.isConnected || !dialog.getClientRects().length) return;
    const found = await ctx.send('reviewFindings', lookup).catch(() => null);
    if (found && found.at !== seenAt) {
      seenAt = found.at;
      check = found;
      panel.update(checklist(basics, check), checkLine(check));
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  void poll();

  // Kept once the host says the decision went through; a refusal (no reason, an error) keeps nothing.
  for (const button of dialog.querySelectorAll<HTMLElement>(sel('dialog.footerButton'))) {
    const text = button.textContent ?? '';
    const decision = isWord('approval.approve', text) ? 'approve' : isWord('approval.reject', text) ? 'reject' : null;
    if (!decision) continue;
    button.addEventListener(
      'click',
      () => {
        const reason = box()?.value.trim() ?? '';
        const idCard = info.get('idCard');
        const org = info.get('org');
        awaitConfirmation(ctx, () => {
          void ctx
            .send('recordApprovalDecision', {
              member: {
                org: org ? { name: org } : readSignedInOrg(ctx.doc),
                name,
                ...(basics.devNumber ? { devNumber: basics.devNumber } : {}),
                ...(basics.joinedOn ? { joinedOn: basics.joinedOn } : {}),
                ...(idCard ? { idCard } : {}),
              },
              decision,
              ...(reason ? { reason } : {}),
              at: Date.now(),
            })
            .catch(() => null);
        });
      },
      { capture: true, signal: ctx.signal },
    );
  }
}

/** Calls `then` if the host shows its success message soon after the click. */
function awaitConfirmation(ctx: FeatureContext, then: () => void): void {
  const started = Date.now();
  const known = new WeakSet(ctx.doc.querySelectorAll(sel('message.root')));
  const observer = new MutationObserver(() => {
    for (const m of ctx.doc.querySelectorAll(sel('message.root'))) {
      if (known.has(m)) continue;
      known.add(m);
      if (m.matches(sel('message.success')) && hasWord('approval.successText', m.textContent ?? '')) {
        observer.disconnect();
        then();
        return;
      }
      // Any other message (请填写不同意的理由, an error): the host did not take it.
      observer.disconnect();
      return;
    }
    if (Date.now() - started > CONFIRM_WINDOW_MS) observer.disconnect();
  });
  observer.observe(ctx.doc.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), CONFIRM_WINDOW_MS);
  ctx.lifetime.addEventListener('abort', () => observer.disconnect(), { once: true });
}

export default defineFeature({
  id: 'approval-help',
  label: '审批要点与理由模板',
  description:
    '在“团员电子档案审批”对话框中列出 §4.2 审批要点（姓名、编号、入团时间、公章、12 页完整、日期顺序），自动填入档案检查结果；根据发现的问题生成“不同意”理由，可修改；审批完成后记入团队审计记录。',
  pages: ['operationCenter', 'archiveReview'],
  init(ctx) {
    observeElements<HTMLElement>(
      ctx.doc.body,
      sel('dialog.root'),
      ctx.signal,
      (dialog) => {
        if (!isWord('dialog.reviewTitle', dialog.querySelector(sel('dialog.title'))?.textContent ?? '')) return;
        // The dialog fills in after the host's request answers: wait for the member's name.
        const named = () => (readDescriptions(dialog).get('name') ? true : null);
        void waitForElement(dialog, named, ctx.signal, INFO_WAIT_MS).then(
          ctx.guard((found: true | null) => {
            if (ctx.signal.aborted || !dialog.isConnected) return;
            if (!found) return ctx.fail('审批对话框中没有读到团员的基本信息');
            // A decided record's dialog has no 同意 / 不同意: nothing to help with.
            if (dialog.querySelector('.laa-approval-help') || !dialog.querySelector(sel('dialog.footerButton'))) return;
            attach(ctx, dialog);
          }),
        );
      },
      ctx.fail,
    );
  },
});
