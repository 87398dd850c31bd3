/**
 * The popup's "find this member in 智慧团建": the background leaves the member for this tab; the
 * page opens the list that shows the member and runs the host's own search there — the same
 * mechanism as the sign-in prompts' list (the host has no per-member address).
 */
import { onTabMessage } from '../messaging/client';
import { defineFeature } from '../core/feature';
import { openListAndSearch } from '../core/hostActions';
import { readSignedInOrg } from '../core/org';
import type { ListPage } from '../core/pages';
import type { Jump } from '../messaging/teamViews';
import { withoutSpaces } from '../../shared/domain/text';

/**
 * The list that shows the member: the admin's own organisation's, its cadres', or the branches
 * below. The host names the signed-in organisation in full, the team by its own name.
 */
export function listForJump(j: Pick<Jump, 'isCadre' | 'orgName' | 'own'>, signedIn: string): ListPage {
  if (j.isCadre) return 'cadreDatabase';
  const own = withoutSpaces(signedIn);
  const org = withoutSpaces(j.orgName);
  const mine = org && own ? own === org || own.endsWith(org) : j.own === true;
  return mine ? 'memberDatabase' : 'subordinateDatabase';
}

export default defineFeature({
  id: 'popup-jump',
  label: '从弹出窗口定位团员',
  description: '在工具栏弹出窗口中点选一名团员时，打开其所在列表并用系统自带的查询找到该团员。',
  pages: [
    'landing',
    'memberDatabase',
    'subordinateDatabase',
    'cadreDatabase',
    'archiveReview',
    'operationCenter',
    'transfer',
    'memberEntry',
  ],
  init(ctx) {
    const take = async () => {
      const jump = await ctx.send('teamPendingJump', {});
      if (!jump || ctx.signal.aborted) return;
      const list = listForJump(jump, readSignedInOrg(ctx.doc).name);
      const [field, value] = jump.devNumber ? (['devNumber', jump.devNumber] as const) : (['name', jump.name] as const);
      // The search outlives this page: opening the list is a navigation.
      await openListAndSearch(ctx.doc, list, field, value, ctx.lifetime);
    };
    onTabMessage('teamJumpNow', () => ctx.guard(take)(), ctx.signal);
    void take().catch(() => {});
  },
});
