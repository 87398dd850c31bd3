import { browser } from 'wxt/browser';
import type { MessageType, Messages } from './protocol';

/** Sends one message to the background and returns its typed reply. */
export async function sendToBackground<T extends MessageType>(
  type: T,
  payload: Messages[T]['request'],
): Promise<Messages[T]['response']> {
  return (await browser.runtime.sendMessage({ type, payload })) as Messages[T]['response'];
}
