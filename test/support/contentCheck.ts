import type { PreflightEvent, PreflightReport, ContentReport } from '../../shared/pdf/types';
import type { PreflightEngine } from './preflight';

export interface ContentCheck {
  report: PreflightReport;
  /** Absent when the engine did not read the content (a file that failed before its pages). */
  content?: ContentReport;
  /** The `content` progress events, in order: what the panel shows as “第 7/12 页”. */
  progress: { done: number; total: number }[];
  /** From posting the bytes to the picture report, and to the content report. */
  reportMs: number;
  contentMs: number;
}

export interface ContentCheckOptions {
  member?: { devNumber?: string; joinedOn?: string; name?: string; birthDate?: string };
  /** Committees' local rules (shared/api/localRules.ts), as the extension passes them. */
  localRules?: unknown[];
  includeFacts?: boolean;
}

/**
 * The engine as the upload panel uses it for the content: post the bytes, take the picture report,
 * then wait for the content report that follows it (the port's last message).
 */
export async function checkContent(
  engine: PreflightEngine,
  bytes: Uint8Array,
  o: ContentCheckOptions = {},
): Promise<ContentCheck> {
  const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return engine.page.evaluate(
    async ({ b64, o }) => {
      const bin = atob(b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const ch = new MessageChannel();
      const t0 = performance.now();
      const progress: { done: number; total: number }[] = [];
      let report: PreflightReport | undefined;
      let reportMs = 0;
      const done = new Promise<ContentReport | undefined>((resolve, reject) => {
        ch.port1.onmessage = (e: MessageEvent<PreflightEvent>) => {
          const m = e.data;
          if (m.kind === 'progress' && m.stage === 'content') progress.push({ done: m.done, total: m.total });
          else if (m.kind === 'report') {
            report = m.report;
            reportMs = performance.now() - t0;
            if (!m.report.contentPending) resolve(undefined);
          } else if (m.kind === 'content') resolve(m.content);
          else if (m.kind === 'error') reject(new Error(m.message));
        };
      });
      window.postMessage(
        {
          type: 'laa-preflight',
          bytes: buf.buffer,
          fileName: 'form.pdf',
          ...(o.member ? { member: o.member } : {}),
          options: {
            ...(o.includeFacts ? { includeFacts: true } : {}),
            ...(o.localRules ? { localRules: o.localRules } : {}),
          },
        },
        location.origin,
        [ch.port2, buf.buffer],
      );
      const content = await done;
      return {
        report: report!,
        ...(content ? { content } : {}),
        progress,
        reportMs,
        contentMs: performance.now() - t0,
      };
    },
    { b64, o },
  );
}
