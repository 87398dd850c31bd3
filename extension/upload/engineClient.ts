/**
 * The preflight engine as the host page reaches it: the extension's analysis page in a hidden
 * frame (its own origin and process, so the host's main thread never decodes a page), spoken to
 * over a MessageChannel the host's scripts cannot see. The frame starts when an upload dialog
 * opens, so the engine (page workers, OCR) is warm by the time the admin has chosen a file.
 */
import type { LocalRule } from '../../shared/api/localRules';
import type { ContentReport, PreflightEvent, PreflightReport } from '../../shared/pdf/types';
import { openExtensionFrame } from './extensionFrame';

export interface CheckMember {
  devNumber?: string;
  joinedOn?: string;
  /** 姓名 in the system: the content check compares the names written on the form. */
  name?: string;
}

/** What the content stage needs and where its result goes (issue 14). */
export interface ContentHooks {
  /** The form's content, judged: arrives after the report (the admin may upload meanwhile). */
  onContent(content: ContentReport): void;
  /** The content could not be read (the picture report stands). */
  onFailed(message: string): void;
  /** Committees' local rules that apply to the member's organisation. */
  localRules?: readonly LocalRule[];
}

export interface EngineFrame {
  check(
    file: Blob,
    fileName: string,
    member: CheckMember | undefined,
    onEvent?: (e: PreflightEvent) => void,
    content?: ContentHooks,
  ): Promise<PreflightReport>;
  dispose(): void;
}

/** A check that never answers (a crashed frame) is given up on, with a message. */
const CHECK_TIMEOUT_MS = 120_000;

export function openEngine(doc: Document, signal: AbortSignal): EngineFrame {
  const { frame, origin, ready, dispose } = openExtensionFrame(doc, signal, {
    path: '/analysis.html',
    readyType: 'laa-preflight-ready',
    notReady: '检查引擎未能启动，请刷新页面后重试',
    setUp(f) {
      f.className = 'laa-root';
      f.setAttribute('aria-hidden', 'true');
      f.tabIndex = -1;
      f.style.display = 'none';
    },
  });
  // One check at a time, in order: the engine itself runs one at a time anyway.
  let chain: Promise<unknown> = Promise.resolve();
  /**
   * Stops waiting for the last file's content: a newer file is being checked, and the engine reads
   * only the newest (the older reading ends unheard; no failure is shown for it).
   */
  let dropContent: (() => void) | null = null;

  return {
    check(file, fileName, member, onEvent, content) {
      const run = async (): Promise<PreflightReport> => {
        await ready;
        if (content) dropContent?.();
        const bytes = await file.arrayBuffer();
        const ch = new MessageChannel();
        return new Promise<PreflightReport>((resolve, reject) => {
          let reported = false;
          let timer = setTimeout(() => {
            ch.port1.close();
            reject(new Error('检查超时，请重试'));
          }, CHECK_TIMEOUT_MS);
          const end = () => {
            clearTimeout(timer);
            ch.port1.close();
            if (dropContent === end) dropContent = null;
          };
          ch.port1.onmessage = (e: MessageEvent<PreflightEvent>) => {
            const ev = e.data;
            if (ev.kind === 'report') {
              resolve(ev.report);
              // The content follows on the same port; the report is the admin's answer meanwhile.
              if (!ev.report.contentPending || !content) return end();
              reported = true;
              dropContent = end;
              clearTimeout(timer);
              timer = setTimeout(() => {
                end();
                content.onFailed('读取内容超时');
              }, CHECK_TIMEOUT_MS);
            } else if (ev.kind === 'content') {
              end();
              content?.onContent(ev.content);
            } else if (ev.kind === 'error') {
              end();
              if (reported) content?.onFailed(ev.message);
              else reject(new Error(ev.message));
            } else onEvent?.(ev);
          };
          const options = content
            ? content.localRules?.length
              ? { localRules: [...content.localRules] }
              : {}
            : { skipContent: true };
          const request = {
            type: 'laa-preflight',
            bytes,
            fileName,
            ...(member ? { member: clean(member) } : {}),
            options,
          };
          frame.contentWindow!.postMessage(request, origin, [ch.port2, bytes]);
        });
      };
      const p = chain.then(run, run);
      chain = p.catch(() => {});
      return p;
    },
    dispose,
  };
}

/** Only what the engine's schema accepts: a 入团时间 it cannot parse is left out, not sent wrong. */
function clean(m: CheckMember): CheckMember {
  const out: CheckMember = {};
  if (m.devNumber !== undefined) out.devNumber = m.devNumber.slice(0, 32);
  if (m.joinedOn && /^\d{4}-\d{2}-\d{2}$/.test(m.joinedOn)) out.joinedOn = m.joinedOn;
  if (m.name?.trim()) out.name = m.name.trim().slice(0, 64);
  return out;
}
