/**
 * Every message's handler, put together: the router takes exactly one for each message of the
 * contract, so a message without a handler here fails the typecheck (handlers.typecheck.test.ts).
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { featureProblems, logStop } from './featureLog';
import { hotfixHandlers } from './hotfix/serve';
import { memberHandlers } from './members';
import { pageStateHandlers } from './pageState';
import { preflightHandlers } from './preflight';
import type { LocalDb } from './store/db';
import type { teamHandlers } from './team/serve';

export function backgroundHandlers(db: Promise<LocalDb>, team: ReturnType<typeof teamHandlers>) {
  const version = () => browser.runtime.getManifest().version;
  return {
    ping: () => ({ ok: true as const, version: version() }),
    ...memberHandlers(db),
    ...preflightHandlers(db),
    ...pageStateHandlers(async (stop) => logStop(await db, stop, version(), Date.now())),
    featureProblems: async () => featureProblems(await db),
    ...hotfixHandlers(db),
    ...team,
  } satisfies Handlers;
}
