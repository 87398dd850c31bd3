import type { Page } from 'playwright-core';
import type { ContentReport, OrdinaryOcr, PreflightEvent, PreflightReport } from '../../shared/pdf/types';
import type { ExtensionBrowser } from './chromium';

export interface CheckOptions {
  fileName?: string;
  member?: { devNumber?: string; joinedOn?: string; name?: string; birthDate?: string };
  expectedPages?: number;
  skipNumber?: boolean;
  includeFacts?: boolean;
  /** Read what is written too, and wait for the content findings (off by default: slower). */
  content?: boolean;
  /** With `content`: PP-OCR's ordinary pipeline instead of the reader (the benchmark's baseline). */
  ordinaryOcr?: OrdinaryOcr;
}

export interface CheckResult {
  report: PreflightReport;
  /** From the bytes in the engine to the file-level verdict. */
  quickMs: number;
  /** Wall time in the page from posting the bytes to the report. */
  wallMs: number;
  /** With `content`: the content findings, and the wall time to them. */
  content?: ContentReport;
  contentWallMs?: number;
  /** Content progress events seen (done counts, in order). */
  contentProgress?: number[];
}

/**
 * The engine as callers use it: the extension's analysis page, bytes posted with a MessagePort
 * (the ArrayBuffer transferred), progress and the report read back from the port.
 */
export class PreflightEngine {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<PreflightEngine> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/analysis.html`);
    return PreflightEngine.attach(page);
  }

  /** Uses an analysis page that is already open. */
  static async attach(page: Page): Promise<PreflightEngine> {
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    return new PreflightEngine(page);
  }

  async check(bytes: Uint8Array, opts: CheckOptions = {}): Promise<CheckResult> {
    const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return this.page.evaluate(
      async ({ b64, opts }) => {
        const bin = atob(b64);
        const buf = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
        const ch = new MessageChannel();
        const t0 = performance.now();
        let quickMs = -1;
        let wallMs = 0;
        let report: PreflightReport | undefined;
        const contentProgress: number[] = [];
        const done = new Promise<{ report: PreflightReport; content?: ContentReport }>((resolve, reject) => {
          ch.port1.onmessage = (e: MessageEvent<PreflightEvent>) => {
            if (e.data.kind === 'quick') quickMs = e.data.ms;
            else if (e.data.kind === 'progress' && e.data.stage === 'content') contentProgress.push(e.data.done);
            else if (e.data.kind === 'report') {
              report = e.data.report;
              wallMs = performance.now() - t0;
              if (!report.contentPending) resolve({ report });
            } else if (e.data.kind === 'content') resolve({ report: report!, content: e.data.content });
            else if (e.data.kind === 'error') reject(new Error(e.data.message));
          };
        });
        const options = {
          ...(opts.expectedPages ? { expectedPages: opts.expectedPages } : {}),
          ...(opts.skipNumber ? { skipNumber: true } : {}),
          ...(opts.includeFacts ? { includeFacts: true } : {}),
          ...(opts.content ? {} : { skipContent: true }),
          ...(opts.ordinaryOcr ? { ordinaryOcr: opts.ordinaryOcr } : {}),
        };
        window.postMessage(
          {
            type: 'laa-preflight',
            bytes: buf.buffer,
            fileName: opts.fileName ?? 'form.pdf',
            ...(opts.member ? { member: opts.member } : {}),
            options,
          },
          location.origin,
          [ch.port2, buf.buffer],
        );
        const r = await done;
        if (!r.content) return { report: r.report, quickMs, wallMs };
        return {
          report: r.report,
          quickMs,
          wallMs,
          content: r.content,
          contentWallMs: performance.now() - t0,
          contentProgress,
        };
      },
      { b64, opts },
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
