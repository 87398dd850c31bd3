import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageType, Messages } from './protocol';

export type Handlers = {
  [T in MessageType]: (
    payload: Messages[T]['request'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<Messages[T]['response']> | Messages[T]['response'];
};

/** Routes every runtime message to its handler; unknown messages are left for other listeners. */
export function listen(handlers: Partial<Handlers>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as ((p: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(message.payload, sender));
  });
}

/** The tab of one of our own content scripts that sent a message, or null for any other sender. */
export function contentScriptTab(sender: Browser.runtime.MessageSender): number | null {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined ? sender.tab.id : null;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}
