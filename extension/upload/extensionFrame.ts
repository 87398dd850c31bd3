/**
 * One of the extension's own pages in a frame on the host page (its own origin and process), and
 * the moment it says it is ready. Requests then go to it over MessageChannels the host's scripts
 * cannot see; its messages are trusted only from that frame and that origin.
 */
import { browser } from 'wxt/browser';

const READY_TIMEOUT_MS = 20_000;

export interface ExtensionFrame {
  frame: HTMLIFrameElement;
  origin: string;
  /** Settles when the page posts `readyType`, or fails with `notReady` after 20 s. */
  ready: Promise<void>;
  dispose(): void;
}

export function openExtensionFrame(
  doc: Document,
  signal: AbortSignal,
  opts: {
    path: '/analysis.html' | '/fix.html';
    readyType: string;
    notReady: string;
    setUp(frame: HTMLIFrameElement): void;
  },
): ExtensionFrame {
  const src = browser.runtime.getURL(opts.path);
  const origin = new URL(src).origin;
  const frame = doc.createElement('iframe');
  opts.setUp(frame);
  frame.src = src;
  let onMessage: ((e: MessageEvent) => void) | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(opts.notReady)), READY_TIMEOUT_MS);
    onMessage = (e: MessageEvent) => {
      if (e.origin !== origin || e.source !== frame.contentWindow) return;
      if ((e.data as { type?: unknown } | null)?.type !== opts.readyType) return;
      clearTimeout(timer);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
  ready.catch(() => {});
  (doc.body ?? doc.documentElement).append(frame);
  const dispose = () => {
    if (onMessage) window.removeEventListener('message', onMessage);
    frame.remove();
  };
  signal.addEventListener('abort', dispose, { once: true });
  return { frame, origin, ready, dispose };
}
