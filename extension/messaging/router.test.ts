// The background's one router, driven through the browser's own onMessage event (WXT's fake
// browser): every message of the contract is tried from each kind of sender, from the rules table.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageType } from './protocol';
import { PAGES_ONLY, route, type Handlers, type Sender } from './router';
import { MESSAGE_RULES } from './rules';

const TYPES = Object.keys(MESSAGE_RULES) as MessageType[];
const SENDERS = {
  page: () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }),
  contentScript: () => ({ id: browser.runtime.id, url: 'https://zhtj.youth.cn/zhtj/', tab: { id: 7 } }),
  // Our id, but neither one of our pages nor a tab: e.g. a page the extension framed elsewhere.
  other: () => ({ id: browser.runtime.id, url: 'https://zhtj.youth.cn/zhtj/' }),
} as const;
type SenderKind = keyof typeof SENDERS;

const ALLOWED: Record<(typeof MESSAGE_RULES)[MessageType]['from'], SenderKind[]> = {
  any: ['page', 'contentScript', 'other'],
  pages: ['page'],
  pagesOrContentScript: ['page', 'contentScript'],
};

let handled: MessageType[];
let written: MessageType[];

beforeEach(() => {
  fakeBrowser.reset();
  handled = [];
  written = [];
  const handlers = Object.fromEntries(
    TYPES.map((t) => [
      t,
      async () => {
        handled.push(t);
        return { answeredBy: t };
      },
    ]),
  ) as unknown as Handlers;
  route(handlers, { afterWrite: (t) => written.push(t) });
});

/** What the router answers, as the browser would deliver it from this sender. */
async function deliver(message: unknown, sender: SenderKind): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, SENDERS[sender]() as Sender);
  return answers[0];
}

describe('the router', () => {
  for (const type of TYPES) {
    const rule = MESSAGE_RULES[type];
    for (const sender of Object.keys(SENDERS) as SenderKind[]) {
      const allowed = ALLOWED[rule.from].includes(sender);
      it(`${type} from ${sender}: ${allowed ? 'answered by its handler' : 'refused'}${rule.writes ? ', then the write is announced' : ''}`, async () => {
        const answer = deliver({ type, payload: {} }, sender);
        if (allowed) {
          await expect(answer).resolves.toEqual({ answeredBy: type });
          expect(handled).toEqual([type]);
          await vi.waitFor(() => expect(written).toEqual(rule.writes ? [type] : []));
        } else {
          await expect(answer).rejects.toThrow(PAGES_ONLY);
          expect(handled).toEqual([]);
          expect(written).toEqual([]);
        }
      });
    }
  }

  it('announces a write also when its handler failed (something may have been kept before it did)', async () => {
    fakeBrowser.reset();
    route(Object.fromEntries(TYPES.map((t) => [t, () => Promise.reject(new Error('坏了'))])) as unknown as Handlers, {
      afterWrite: (t) => written.push(t),
    });
    await expect(deliver({ type: 'observeRows', payload: {} }, 'contentScript')).rejects.toThrow('坏了');
    await vi.waitFor(() => expect(written).toEqual(['observeRows']));
  });

  it('leaves anything that is not a message of the contract unanswered', async () => {
    for (const message of [null, 'ping', { type: 42 }, { type: 'teamJumpNow' }, { type: 'toString' }, {}])
      expect(await deliver(message, 'page')).toBeUndefined();
    expect(handled).toEqual([]);
  });
});
