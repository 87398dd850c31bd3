/**
 * The reviewer's check (§3.3): in the 审批 dialog, one click fetches the PDF the host shows
 * (same-origin, with the reviewer's own session, as the dialog's 查看 link would) and checks it in
 * the analysis frame against the 姓名, 发展团员编号 and 入团时间 the dialog shows; the form's content
 * follows the picture report. Nothing is sent anywhere; the result is kept for the member like an
 * upload's, with the content when it was read (the §4.2 checklist reads it).
 */
import { parseHostDate } from '../../shared/domain/chinaDate';
import type { SendFn } from '../core/feature';
import { observeElements, waitForElement, type OnError } from '../core/elements';
import { readSignedInOrg } from '../core/org';
import { squash } from '../core/table';
import type { PreflightReport } from '../../shared/pdf/types';
import { isWord, sel } from '../host/terms';
import { rulesSource, withContent } from './content';
import { openEngine, type EngineFrame } from './engineClient';
import { readDescriptions } from './member';
import { UploadPanel } from './panel';
import { summaryOf } from './summary';
import { errorText } from '../../shared/errorText';

export interface ReviewOptions {
  doc: Document;
  signal: AbortSignal;
  send: SendFn;
  /** An error, or a 审批 dialog without the file's link: the feature stops (the host's dialog goes on untouched). */
  onError?: OnError;
}

/** How long the 审批 dialog may take to show the file's 查看 link. */
const LINK_WAIT_MS = 15_000;

/** The dialog's link to the PDF (查看), when it serves one from the host's own origin. */
function fileLink(dialog: Element, doc: Document): HTMLAnchorElement | null {
  const links = Array.from(dialog.querySelectorAll<HTMLAnchorElement>(sel('review.link')));
  const link =
    links.find((a) => isWord('review.view', a.textContent ?? '')) ??
    links.find((a) => isWord('review.download', a.textContent ?? ''));
  if (!link) return null;
  const url = new URL(link.getAttribute('href') ?? '', doc.location.href);
  return url.origin === doc.location.origin ? link : null;
}

export function startReviewCheck(o: ReviewOptions): void {
  const { doc, signal, send } = o;
  const onError: OnError = o.onError ?? ((e) => console.debug('[团员电子档案助手]', e));
  let engine: EngineFrame | null = null;
  const rules = rulesSource(send);
  observeElements<HTMLElement>(doc.body, sel('dialog.root'), signal, (dialog) => attachTo(dialog), onError);
  function attachTo(dialog: HTMLElement): void {
    if (!isWord('dialog.reviewTitle', dialog.querySelector(sel('dialog.title'))?.textContent ?? '')) return;
    void waitForElement(dialog, () => fileLink(dialog, doc), signal, LINK_WAIT_MS).then((link) => {
      if (signal.aborted || !dialog.isConnected) return;
      if (!link) return onError('审批对话框中没有找到档案的“查看”链接');
      if (dialog.querySelector('.laa-upload-panel')) return;
      const panel = new UploadPanel(
        doc,
        '团员电子档案助手 · 档案检查',
        {
          fix: () => {},
          override: () => {},
          chooseAgain: () => {},
        },
        sel('dialog.root'),
      );
      (link.parentElement ?? dialog).after(panel.host);
      const run = async () => {
        engine ??= openEngine(doc, signal);
        const info = readDescriptions(dialog);
        const devNumber = info.get('devNumber');
        const joinedOn = parseHostDate(info.get('joinedOn') ?? '') ?? undefined;
        const url = new URL(link.getAttribute('href') ?? '', doc.location.href);
        const name =
          squash(link.closest('div')?.textContent ?? '')
            .replace(/(查看|下载|在线预览|收起预览)/g, '')
            .trim() || '电子档案.pdf';
        panel.checking(name, 0, '正在读取并检查');
        try {
          const res = await fetch(url, { credentials: 'same-origin' });
          if (!res.ok) throw new Error(`读取文件失败（${res.status}）`);
          const blob = await res.blob();
          const memberName = info.get('name');
          const keep = (r: PreflightReport, contentRead: boolean) =>
            send('recordPreflight', {
              member: memberName
                ? {
                    org: info.get('org') ? { name: info.get('org')! } : readSignedInOrg(doc),
                    name: memberName,
                    ...(devNumber !== undefined ? { devNumber } : {}),
                    ...(joinedOn ? { joinedOn } : {}),
                  }
                : null,
              result: { ...summaryOf(r), ...(contentRead ? { contentRead: true } : {}) },
              context: 'review',
              decision: 'reviewed',
            }).catch(() => null);
          // The checklist reads what is kept: kept once, with the content when it was read.
          const report: PreflightReport = await engine.check(
            blob,
            name,
            {
              ...(memberName ? { name: memberName } : {}),
              ...(devNumber !== undefined ? { devNumber } : {}),
              ...(joinedOn ? { joinedOn } : {}),
            },
            (ev) => panel.progress(ev),
            {
              onContent: (content) => {
                const merged = withContent(report, content);
                panel.report(merged, 'reviewed', []);
                void keep(merged, true);
              },
              onFailed: (message) => {
                panel.contentFailed(message);
                void keep(report, false);
              },
              localRules: await rules(),
            },
          );
          panel.report(report, 'reviewed', []);
          if (!report.contentPending) await keep(report, false);
        } catch (err) {
          panel.prompt(`未能完成检查：${errorText(err)}`, '重新检查', () => void run());
        }
      };
      panel.prompt(
        '在本机检查上级收到的《入团志愿书》：页数、清晰度、公章，以及首页编号是否与上方的发展团员编号一致。文件不会发送到别处。',
        '检查此 PDF',
        () => void run(),
      );
    });
  }
}
