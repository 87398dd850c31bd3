// The background answers every message of the contract with exactly one handler. At the type level
// a message added to the contract without a handler (or without a rule) fails the typecheck, shown
// by the `@ts-expect-error` lines below, which `npm run typecheck` compiles; at run time the
// handlers put together match the rules table key for key.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Messages } from '../messaging/protocol';
import type { Handlers, HandlersOf } from '../messaging/router';
import { MESSAGE_RULES, type MessageRule } from '../messaging/rules';
import { backgroundHandlers } from './handlers';
import { openLocalDb } from './store/db';
import { teamContext } from './team/context';
import { teamHandlers } from './team/serve';

type Built = ReturnType<typeof backgroundHandlers>;
/** The contract with one message more, as if someone added it and forgot the rest. */
type Grown = Messages & { teamArchiveYear: { request: { year: number }; response: { ok: true } } };

export const typeChecks = {
  complete: (h: Built): Handlers => h,
  // @ts-expect-error -- the new message has no handler in backgroundHandlers
  missingHandler: (h: Built): HandlersOf<Grown> => h,
  // @ts-expect-error -- the new message has no line in the rules table
  missingRule: (): Record<keyof Grown, MessageRule> => MESSAGE_RULES,
};

describe('the background handlers', () => {
  it('answer exactly the messages of the rules table', async () => {
    fakeBrowser.reset();
    const db = openLocalDb(`handlers-${crypto.randomUUID()}`);
    const ctx = teamContext(db, 'chrome-extension://test-extension-id', {
      setBadge: async () => {},
      notify: async () => {},
      alarms: fakeBrowser.alarms,
    });
    const handlers = backgroundHandlers(db, teamHandlers(ctx));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(MESSAGE_RULES).sort());
    for (const h of Object.values(handlers)) expect(typeof h).toBe('function');
    expect(typeChecks.complete(handlers)).toBe(handlers);
    await (await db).close();
  });
});
