import { browser } from 'wxt/browser';
import type { MessageType, Messages, TabMessages } from './protocol';

/** Sends one message to the background and returns its typed reply. */
export async function sendToBackground<T extends MessageType>(
  type: T,
  payload: Messages[T]['request'],
): Promise<Messages[T]['response']> {
  return (await browser.runtime.sendMessage({ type, payload })) as Messages[T]['response'];
}

/** The background tells one tab's content script something (no reply is awaited beyond delivery). */
export async function sendToTab<T extends keyof TabMessages>(
  tabId: number,
  type: T,
  payload: TabMessages[T]['request'],
): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type, payload });
}

/** A content script listens for one tab message until `signal` aborts. */
export function onTabMessage<T extends keyof TabMessages>(
  type: T,
  handle: (payload: TabMessages[T]['request']) => void,
  signal: AbortSignal,
): void {
  const listener = (message: unknown) => {
    const m = message as { type?: unknown; payload?: unknown } | null;
    if (m?.type === type) handle((m.payload ?? {}) as TabMessages[T]['request']);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
