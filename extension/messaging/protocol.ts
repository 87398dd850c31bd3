/**
 * The one typed contract between the extension's parts (content script, pages, background).
 * Each message names its request and its reply; `sendToBackground` is the only way to send.
 * Features add their messages here so every sender and handler agrees on the shapes.
 */
export interface Messages {
  /** Liveness: the background answers with the extension's version. */
  ping: { request: Record<string, never>; response: { ok: true; version: string } };
}

export type MessageType = keyof Messages;
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: Messages[T]['request'] };
