import { PreflightRequest, type PreflightEvent } from '../../../shared/pdf/types';
import { pictureCheck, warmContent } from '../../pdf/content/run';
import { pool, runPreflight } from '../../pdf/engine';
import { warmOcr } from '../../pdf/ocr';
import { HOST_ORIGINS } from '../../pdf/origins';
import { errorText } from '../../../shared/errorText';

/**
 * The preflight engine's page, on the extension's own origin: the upload panel embeds it as a
 * hidden iframe in 智慧团建's page, the CLI and the tests open it directly. A caller posts
 * `{ type: 'laa-preflight', bytes, fileName, member?, options? }` with a MessagePort; progress
 * events and finally `{ kind: 'report' }` come back on the port. One check runs at a time.
 */
pool.warm();
warmOcr().catch(() => {});

// Picture checks run one at a time, in order; the content stage of each file follows in its own
// line (one file at a time too) and gives way to any picture check.
let chain: Promise<unknown> = Promise.resolve();
let contentChain: Promise<unknown> = Promise.resolve();
/**
 * Checks that asked for the content, counted: only the newest one's is read. The upload dialog
 * shows one file at a time, so an older file's reading (still queued, or half-way) would only
 * keep the cores from the newer one.
 */
let contentRequests = 0;

window.addEventListener('message', (e: MessageEvent) => {
  const data = e.data as { type?: unknown } | null;
  if (!data || data.type !== 'laa-preflight') return;
  const port = e.ports[0];
  if (!port) return;
  if (e.origin !== location.origin && !HOST_ORIGINS.includes(e.origin)) {
    port.postMessage({ kind: 'error', message: '来源不受信任，已拒绝' } satisfies PreflightEvent);
    return;
  }
  const parsed = PreflightRequest.safeParse(data);
  if (!parsed.success) {
    port.postMessage({ kind: 'error', message: '预检请求格式错误' } satisfies PreflightEvent);
    return;
  }
  const failed = (err: unknown) =>
    port.postMessage({
      kind: 'error',
      message: `预检出错：${errorText(err)}`,
    } satisfies PreflightEvent);
  const mine = parsed.data.options?.skipContent ? contentRequests : ++contentRequests;
  const superseded = () => mine !== contentRequests;
  chain = chain.then(async () => {
    try {
      const { report, content } = await pictureCheck(() => runPreflight(parsed.data, (ev) => port.postMessage(ev)));
      port.postMessage({ kind: 'report', report } satisfies PreflightEvent);
      if (!content) return port.close();
      // The content reader's models load once the first file to be read has its verdict, not with
      // the page: loading them (seconds of both cores) would slow that verdict.
      warmContent();
      contentChain = contentChain.then(async () => {
        try {
          port.postMessage({
            kind: 'content',
            content: await content((ev) => port.postMessage(ev), superseded),
          } satisfies PreflightEvent);
        } catch (err) {
          failed(err);
        } finally {
          port.close();
        }
      });
    } catch (err) {
      failed(err);
      port.close();
    }
  });
});

// Tell an embedding page that it can post now (nothing private in this message).
if (window.parent !== window) window.parent.postMessage({ type: 'laa-preflight-ready' }, '*');
document.documentElement.dataset.ready = '1';
