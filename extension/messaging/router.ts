import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageType, Messages } from './protocol';
import { MESSAGE_RULES, type MessageRule } from './rules';

export type Sender = Browser.runtime.MessageSender;

/** One handler per message of a map: a message without one is a type error where the map is routed. */
export type HandlersOf<M extends { [T in keyof M]: { request: unknown; response: unknown } }> = {
  [T in keyof M]: (payload: M[T]['request'], sender: Sender) => Promise<M[T]['response']> | M[T]['response'];
};
export type Handlers = HandlersOf<Messages>;

export interface RouteHooks {
  /** After a message that writes (rules.ts) was handled, whether or not it succeeded. */
  afterWrite?: (type: MessageType) => void;
}

export const PAGES_ONLY = '此操作只能在扩展的弹出窗口或设置页中进行';

/**
 * The background's one listener: each message goes to its handler if its rule lets this sender
 * send it; anything else (not an envelope, not a message of the contract) is left unanswered.
 */
export function route(handlers: Handlers, hooks: RouteHooks = {}): void {
  // Our pages' addresses start with this (`chrome-extension://<id>/`).
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isEnvelope(message) || !Object.hasOwn(MESSAGE_RULES, message.type)) return undefined;
    const rule = MESSAGE_RULES[message.type];
    if (!maySend(rule, sender, ownPages)) return Promise.reject(new Error(PAGES_ONLY));
    const handler = handlers[message.type] as (p: unknown, s: Sender) => unknown;
    const answer = Promise.resolve().then(() => handler(message.payload, sender));
    if (rule.writes) void answer.catch(() => {}).then(() => hooks.afterWrite?.(message.type));
    return answer;
  });
}

/** Whether a rule lets this sender send the message. */
function maySend(rule: MessageRule, sender: Sender, ownPages: string): boolean {
  if (rule.from === 'any') return true;
  const fromOwnPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(ownPages);
  return fromOwnPage || (rule.from === 'pagesOrContentScript' && contentScriptTab(sender) !== null);
}

/** The tab of one of our own content scripts that sent a message, or null for any other sender. */
export function contentScriptTab(sender: Sender): number | null {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined ? sender.tab.id : null;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}
