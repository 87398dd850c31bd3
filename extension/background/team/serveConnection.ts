/** The team messages about this browser's connection: join, renew, leave, send now, and its own settings. */
import type { Handlers } from '../../messaging/router';
import { updateSettings } from '../settings';
import { connect, disconnect, refreshSelf, renew } from './connection';
import { attempt, type TeamContext } from './context';
import { workerApi } from './client';
import { orgsFor } from './orgs';
import { armDaily } from './reminders';

export function connectionHandlers(ctx: TeamContext) {
  const { dbReady, origin, scheduler } = ctx;
  return {
    teamStatus: () => ctx.status(),
    teamConnect: (input) =>
      attempt(async () => {
        const db = await dbReady;
        const conn = await connect(db, input, origin);
        await orgsFor(db, conn, workerApi(conn, origin), 0).catch(() => null);
        void scheduler.run(true).then(ctx.badge);
        return ctx.status();
      }),
    teamRenew: () =>
      attempt(async () => {
        await renew(await dbReady, origin);
        void scheduler.run(true);
        return ctx.status();
      }),
    teamDisconnect: ({ revoke }) =>
      attempt(async () => {
        const r = await disconnect(await dbReady, revoke, origin);
        void ctx.badge();
        return { revoked: r.revoked, ...(r.error ? { warning: `令牌未能在同步服务上撤销：${r.error}` } : {}) };
      }),
    teamSyncNow: async () => {
      const db = await dbReady;
      await refreshSelf(db, origin).catch(() => null);
      await scheduler.run(true).catch(() => null);
      return ctx.status();
    },
    teamRejected: async () =>
      (await (await dbReady).getAll('rejected')).map((r) => ({
        seq: r.seq,
        label: r.label,
        status: r.status,
        message: r.message,
        rejectedAt: r.rejectedAt,
        ...(r.rows ? { rows: r.rows.map((row) => ({ label: row.label, message: row.message })) } : {}),
      })),
    teamDismissRejected: async ({ seq }) => {
      await (await dbReady).delete('rejected', seq);
      return { ok: true as const };
    },
    teamSetReminderTime: ({ time }) =>
      attempt(async () => {
        const db = await dbReady;
        await updateSettings(db, { reminderTime: time });
        return { next: await armDaily(db, ctx.apis) };
      }),
    teamSetShareNames: ({ shareNames }) =>
      attempt(async () => {
        const s = await updateSettings(await dbReady, { shareNames: !!shareNames });
        return { shareNames: s.shareNames };
      }),
  } satisfies Partial<Handlers>;
}
