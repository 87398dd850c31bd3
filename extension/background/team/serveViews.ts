/** The team messages that show things: the popup's numbers, lists and search, the jump to a member, the reviewer's check, the local rules. */
import type { Handlers } from '../../messaging/router';
import { contentScriptTab } from '../../messaging/router';
import { readConnection } from './connection';
import { workerApi } from './client';
import { attempt, type TeamContext } from './context';
import { localRulesFor } from './localRules';
import { openMember, takeJump } from './jump';
import { badgeFor } from './reminders';
import { latestReview } from './review';
import { searchMembers } from './search';
import { keptSummary, membersFor, summaryFor } from './summary';

export function viewHandlers(ctx: TeamContext) {
  const { dbReady, deps } = ctx;
  return {
    teamSummary: async ({ cached }) => {
      const db = await dbReady;
      if (cached) return keptSummary(db);
      const summary = await summaryFor(db, deps);
      // The popup was opened: the badge shows what it shows.
      if (!summary.stale) void ctx.apis.setBadge(badgeFor(summary.counters)).catch(() => {});
      return summary;
    },
    teamMembers: async (q) => membersFor(await dbReady, q, deps),
    teamSearch: ({ by, q }) => attempt(async () => searchMembers(await dbReady, by, q, deps)),
    teamOpenMember: ({ member }) => attempt(async () => ({ tabId: await openMember(member) })),
    teamPendingJump: async (_p, sender) => {
      const tab = contentScriptTab(sender);
      return tab === null ? null : takeJump(tab);
    },
    reviewFindings: async (q) => (typeof q?.name === 'string' ? latestReview(await dbReady, q) : null),
    teamLocalRules: async () => {
      const db = await dbReady;
      const conn = await readConnection(db);
      return localRulesFor(db, conn ? workerApi(conn, ctx.origin) : null);
    },
  } satisfies Partial<Handlers>;
}
