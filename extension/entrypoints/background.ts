import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '../background/handlers';
import { startHotfixRefresh } from '../background/hotfix/serve';
import { openLocalDb } from '../background/store/db';
import { startTeam } from '../background/team/serve';
import { route } from '../messaging/router';

export default defineBackground(() => {
  const db = openLocalDb();
  const team = startTeam(db);
  route(backgroundHandlers(db, team.handlers), { afterWrite: team.afterWrite });
  startHotfixRefresh(db);
});
