/**
 * The fix tools as the host page reaches them: the extension's fix page in a frame of its own
 * (extension origin, own process, its workers doing the pixel work), hidden while a fix runs by
 * itself and shown over the page for the tools the admin works in (assemble, edit, split,
 * folder). Requests and files go over a MessageChannel the host's scripts cannot see.
 */
import { HEADLESS_TOOLS, type FixEvent, type FixRequest } from '../fix/protocol';
import { openExtensionFrame } from './extensionFrame';

export type FixOutcome = Extract<FixEvent, { kind: 'result' | 'handoff' | 'cancel' }>;

export interface FixFrame {
  run(
    req: Omit<FixRequest, 'type'>,
    onProgress?: (e: Extract<FixEvent, { kind: 'progress' }>) => void,
  ): Promise<FixOutcome>;
  dispose(): void;
}

const HIDDEN = 'display:none';
const SHOWN =
  'position:fixed;inset:0;width:100vw;height:100vh;border:0;margin:0;padding:0;z-index:2147483001;background:transparent;color-scheme:normal';

export function openFixFrame(doc: Document, signal: AbortSignal): FixFrame {
  const { frame, origin, ready, dispose } = openExtensionFrame(doc, signal, {
    path: '/fix.html',
    readyType: 'laa-fix-ready',
    notReady: '修复工具未能启动，请刷新页面后重试',
    setUp(f) {
      f.className = 'laa-root laa-fix-frame';
      f.title = '团员电子档案助手 · 修复工具';
      f.style.cssText = HIDDEN;
    },
  });
  let chain: Promise<unknown> = Promise.resolve();

  return {
    run(req, onProgress) {
      const go = async (): Promise<FixOutcome> => {
        await ready;
        const visible = !HEADLESS_TOOLS.includes(req.tool);
        const ch = new MessageChannel();
        try {
          if (visible) {
            frame.style.cssText = SHOWN;
            frame.focus();
          }
          return await new Promise<FixOutcome>((resolve, reject) => {
            ch.port1.onmessage = (e: MessageEvent<FixEvent>) => {
              const ev = e.data;
              if (ev.kind === 'progress') onProgress?.(ev);
              else if (ev.kind === 'error') reject(new Error(ev.message));
              else resolve(ev);
            };
            const transfer: Transferable[] = [ch.port2, ...(req.files ?? []).map((f) => f.bytes)];
            frame.contentWindow!.postMessage({ type: 'laa-fix', ...req } satisfies FixRequest, origin, transfer);
          });
        } finally {
          ch.port1.close();
          frame.style.cssText = HIDDEN;
        }
      };
      const p = chain.then(go, go);
      chain = p.catch(() => {});
      return p;
    },
    dispose,
  };
}
