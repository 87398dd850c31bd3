import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveMembers } from '../background/members';
import { featureProblems, logStop } from '../background/featureLog';
import { serveHotfix } from '../background/hotfix/serve';
import { servePageState } from '../background/pageState';
import { servePreflight } from '../background/preflight';
import { openLocalDb } from '../background/store/db';
import { serveTeam } from '../background/team/serve';
import { listen } from '../messaging/router';

export default defineBackground(() => {
  listen({
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
  });
  const db = openLocalDb();
  serveMembers(db);
  servePreflight(db);
  const version = browser.runtime.getManifest().version;
  servePageState(async (stop) => logStop(await db, stop, version, Date.now()));
  listen({ featureProblems: async () => featureProblems(await db) });
  serveHotfix(db);
  serveTeam(db);
});
