/**
 * The background's side of the team: the messages of ./protocol.ts, when the queue is sent, the
 * badge and the daily notification. The only part of the extension that talks to the worker.
 */
import { browser, type Browser } from 'wxt/browser';
import { CreateInviteRequest, InviteCreated, InviteList, TenantSettings, TokenInfo } from '../../../shared/api/tenancy';
import { DecideModificationRequest, MemberView, ModificationView } from '../../../shared/api/members';
import { OrgImportResult } from '../../../shared/api/orgs';
import { z } from 'zod';
import { contentScriptTab, listen, type Handlers } from '../../messaging/router';
import { followGlobalBadgeColor } from '../pageState';
import { updateSettings } from '../settings';
import type { LocalDb } from '../store/db';
import { readSyncState } from '../sync/drain';
import { placeWith, unplacedRows } from '../sync/forward';
import { OrgMatcher } from '../sync/orgMatch';
import { waiting } from '../sync/outbox';
import { PERIODIC_ALARM, RETRY_ALARM, SyncScheduler } from '../sync/scheduler';
import { exportLocalData, importLocalData } from './backup';
import { localRulesFor, setLocalRules } from './localRules';
import { TeamError, workerApi } from './client';
import { connect, disconnect, readConnection, refreshSelf, renew, viewOf } from './connection';
import { parseDecision, queueModificationDecision, recordApprovalDecision } from './decisions';
import { notificationIcon } from './icon';
import { openMember, takeJump } from './jump';
import { keptOrgs, orgsFor } from './orgs';
import {
  armDaily,
  BADGE_ALARM,
  badgeFor,
  DAILY_ALARM,
  dailyReminder,
  NOTIFICATION_ID,
  refreshBadge,
  startReminders,
  type ReminderApis,
} from './reminders';
import { latestReview } from './review';
import { searchMembers } from './search';
import { keptSummary, membersFor, summaryFor } from './summary';
import type { Reply, TeamStatus } from '../../messaging/teamViews';
import { itemOf } from './workerView';

/** Messages after which the store holds something new to forward (and the local badge may change). */
const WRITES = new Set([
  'observeRows',
  'setApprovedOn',
  'setGraduating',
  'recordRejectionReasons',
  'recordPreflight',
  'recordApprovalDecision',
  'importLocalData',
]);

async function attempt<T>(fn: () => Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof TeamError) return { ok: false, error: err.message, code: err.code };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function teamStatus(db: LocalDb, origin: string): Promise<TeamStatus> {
  const conn = await readConnection(db);
  const state = await readSyncState(db);
  const orgs = conn ? await keptOrgs(db, conn) : null;
  const unplaced = conn ? await unplacedRows(db, orgs ? new OrgMatcher(orgs.orgs) : null) : { count: 0, orgs: [] };
  return {
    connection: viewOf(conn),
    sync: {
      lastSyncAt: state.lastSyncAt,
      lastError: state.lastError,
      needsAuth: state.needsAuth,
      nextAttemptAt: state.nextAttemptAt,
      waiting: await waiting(db),
      unplaced: unplaced.count,
      unplacedOrgs: unplaced.orgs,
    },
    origin,
  };
}

/** What a content script may ask (it runs inside the host's page): the rest is for the extension's own pages. */
const CONTENT_SCRIPT_MAY: ReadonlySet<string> = new Set([
  'teamLocalRules',
  'teamPendingJump',
  'reviewFindings',
  'recordApprovalDecision',
]);

/**
 * The team's connection, tokens, invites and local data answer only the popup and the options
 * page: nothing in the host page's context can reach the worker or the backup through them.
 */
function extensionPagesOnly(handlers: Partial<Handlers>, origin: string): Partial<Handlers> {
  const out: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [
    string,
    (p: unknown, s: Browser.runtime.MessageSender) => unknown,
  ][]) {
    out[type] = (payload: unknown, sender: Browser.runtime.MessageSender) => {
      const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(`${origin}/`);
      if (fromExtensionPage || (CONTENT_SCRIPT_MAY.has(type) && contentScriptTab(sender) !== null))
        return handler(payload, sender);
      return Promise.reject(new Error('此操作只能在扩展的弹出窗口或设置页中进行'));
    };
  }
  return out as Partial<Handlers>;
}

export function serveTeam(dbReady: Promise<LocalDb>): SyncScheduler {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const deps = { origin };
  const apis: ReminderApis = {
    async setBadge(look) {
      await Promise.all([
        browser.action.setBadgeText({ text: look.text }),
        browser.action.setBadgeBackgroundColor({ color: look.color }).then(() => followGlobalBadgeColor(look.color)),
        browser.action.setTitle({ title: look.title }),
      ]);
    },
    async notify(id, n) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: await notificationIcon(),
        title: n.title,
        message: n.message,
        priority: 1,
      });
    },
    alarms: browser.alarms,
  };
  const badge = () => dbReady.then((db) => refreshBadge(db, deps, apis)).catch(() => {});
  let badgeTimer: ReturnType<typeof setTimeout> | null = null;
  const badgeSoon = () => {
    if (badgeTimer) clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => void badge(), 2000);
  };
  const scheduler = new SyncScheduler({
    db: dbReady,
    origin,
    alarms: browser.alarms,
    onRun: (r) => {
      if (r.drain?.sent || r.queued) void badge();
    },
  });
  const api = async () => {
    const db = await dbReady;
    const conn = await readConnection(db);
    if (!conn) throw new TeamError('尚未连接团队：请先在设置页用邀请码连接', 'not-connected', 0);
    return { db, conn, call: workerApi(conn, origin) };
  };
  const status = async () => teamStatus(await dbReady, origin);

  const handlers: Partial<Handlers> = {
    teamStatus: () => status(),
    teamConnect: (input) =>
      attempt(async () => {
        const db = await dbReady;
        const conn = await connect(db, input, origin);
        await orgsFor(db, conn, workerApi(conn, origin), 0).catch(() => null);
        void scheduler.run(true).then(badge);
        return status();
      }),
    teamRenew: () =>
      attempt(async () => {
        await renew(await dbReady, origin);
        void scheduler.run(true);
        return status();
      }),
    teamDisconnect: ({ revoke }) =>
      attempt(async () => {
        const r = await disconnect(await dbReady, revoke, origin);
        void badge();
        return { revoked: r.revoked, ...(r.error ? { warning: `令牌未能在同步服务上撤销：${r.error}` } : {}) };
      }),
    teamSyncNow: async () => {
      const db = await dbReady;
      await refreshSelf(db, origin).catch(() => null);
      await scheduler.run(true).catch(() => null);
      return status();
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
      return { ok: true };
    },
    teamSummary: async ({ cached }) => {
      const db = await dbReady;
      if (cached) return keptSummary(db);
      const summary = await summaryFor(db, deps);
      // The popup was opened: the badge shows what it shows.
      if (!summary.stale) void apis.setBadge(badgeFor(summary.counters)).catch(() => {});
      return summary;
    },
    teamMembers: async (q) => membersFor(await dbReady, q, deps),
    teamSearch: ({ by, q }) => attempt(async () => searchMembers(await dbReady, by, q, deps)),
    teamOpenMember: ({ member }) => attempt(async () => ({ tabId: await openMember(member) })),
    teamPendingJump: async (_p, sender) => {
      const tab = contentScriptTab(sender);
      return tab === null ? null : takeJump(tab);
    },
    teamSetReminderTime: ({ time }) =>
      attempt(async () => {
        const db = await dbReady;
        await updateSettings(db, { reminderTime: time });
        return { next: await armDaily(db, apis) };
      }),
    teamSetShareNames: ({ shareNames }) =>
      attempt(async () => {
        const s = await updateSettings(await dbReady, { shareNames: !!shareNames });
        return { shareNames: s.shareNames };
      }),
    teamOrgs: ({ refresh }) =>
      attempt(async () => {
        const { db, conn, call } = await api();
        return orgsFor(db, conn, call, refresh ? 0 : 60_000);
      }),
    teamImportOrgs: ({ csv }) =>
      attempt(async () => {
        const { db, conn, call } = await api();
        const r = await call('/v1/orgs/import', OrgImportResult, { csv });
        await orgsFor(db, conn, call, 0);
        // Rows that waited for these organisations can go now.
        void scheduler.run(true);
        return r;
      }),
    teamCreateInvite: (req) =>
      attempt(async () => {
        const body = CreateInviteRequest.parse(req);
        return (await api()).call('/v1/invites', InviteCreated, { body });
      }),
    teamInvites: () => attempt(async () => (await (await api()).call('/v1/invites', InviteList)).invites),
    teamRevokeInvite: ({ id }) =>
      attempt(async () =>
        (await api()).call(
          `/v1/invites/${encodeURIComponent(id)}`,
          z.object({ id: z.string(), revokedAt: z.string() }),
          { method: 'DELETE' },
        ),
      ),
    teamTokens: () =>
      attempt(async () => (await (await api()).call('/v1/tokens', z.object({ tokens: z.array(TokenInfo) }))).tokens),
    teamRevokeToken: ({ id }) =>
      attempt(async () => {
        const { conn, call } = await api();
        if (id === conn.tokenId) throw new TeamError('这是本机正在使用的令牌：请用“断开连接”', 'own-token', 0);
        return call(`/v1/tokens/${encodeURIComponent(id)}`, z.object({ tokenId: z.string(), revokedAt: z.string() }), {
          method: 'DELETE',
        });
      }),
    teamModifications: ({ status: s }) =>
      attempt(async () => {
        const { conn, call } = await api();
        const { modifications } = await call(
          `/v1/modifications${s ? `?status=${s}` : ''}`,
          z.object({ modifications: z.array(ModificationView) }),
        );
        // Each request names the member by key: the member's name and 编号 come with it.
        return Promise.all(
          modifications.map(async (m) => {
            const view = await call(
              `/v1/members/${encodeURIComponent(m.memberKey)}`,
              z.object({ member: MemberView }),
            ).catch(() => null);
            return { ...m, member: view ? itemOf(view.member, conn) : null };
          }),
        );
      }),
    teamRequestModification: (req) =>
      attempt(
        async () =>
          (
            await (
              await api()
            ).call('/v1/modifications', z.object({ modification: ModificationView }), {
              body: { memberKey: req.memberKey, reason: req.reason },
            })
          ).modification,
      ),
    teamDecideModification: ({ id, ...rest }) =>
      attempt(async () => {
        const { db, conn } = await api();
        const body = DecideModificationRequest.parse(rest);
        if (body.decision === 'reject' && !body.reason?.trim())
          throw new TeamError('驳回修改申请须写明理由（§3.3.1）', 'reason-required', 0);
        const orgs = await keptOrgs(db, conn);
        const seq = await queueModificationDecision(
          db,
          id,
          body,
          orgs ? placeWith(new OrgMatcher(orgs.orgs)) : undefined,
        );
        await scheduler.run(true).catch(() => null);
        const refused = await db.get('rejected', seq);
        if (refused) return { state: 'refused' as const, message: refused.message };
        if (await db.get('outbox', seq))
          return { state: 'queued' as const, message: (await readSyncState(db)).lastError ?? undefined };
        return { state: 'sent' as const };
      }),
    teamTenantSettings: ({ change }) =>
      attempt(async () => {
        const { call } = await api();
        const Reply = z.object({ storeNames: z.boolean(), allowedOrigins: z.array(z.string()) });
        if (!change) return call('/v1/settings', Reply);
        const next = await call('/v1/settings', Reply, { method: 'PATCH', body: TenantSettings.parse(change) });
        // What is forwarded follows the tenant's name setting at once.
        await refreshSelf(await dbReady, origin).catch(() => null);
        return next;
      }),
    reviewFindings: async (q) => (typeof q?.name === 'string' ? latestReview(await dbReady, q) : null),
    recordApprovalDecision: async (payload, sender) => {
      if (sender.id !== browser.runtime.id) return { ok: false, error: '来源无效' };
      const d = parseDecision(payload);
      if (typeof d === 'string') return { ok: false, error: d };
      return attempt(async () => {
        const db = await dbReady;
        await recordApprovalDecision(db, d);
        return { queued: !!(await readConnection(db)) };
      });
    },
    teamLocalRules: async () => {
      const db = await dbReady;
      const conn = await readConnection(db);
      return localRulesFor(db, conn ? workerApi(conn, origin) : null);
    },
    teamSetLocalRules: ({ orgId, rules }) =>
      attempt(async () => {
        const { db, call } = await api();
        return setLocalRules(db, call, orgId, rules);
      }),
    exportLocalData: async () => exportLocalData(await dbReady),
    importLocalData: ({ file }) =>
      attempt(async () => {
        const r = await importLocalData(await dbReady, file);
        if (typeof r === 'string') throw new TeamError(r, 'bad-backup', 0);
        return r;
      }),
  };
  listen(extensionPagesOnly(handlers, origin));

  // Something was kept: forward it (connected) or recount this browser's badge (local mode).
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !WRITES.has(type)) return undefined;
    void dbReady.then(readConnection).then((conn) => (conn ? scheduler.soon() : badgeSoon()));
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void scheduler.run(true).catch(() => {});
    // Others' changes reach this browser's badge through the worker's reminders.
    if (alarm.name === PERIODIC_ALARM)
      void scheduler
        .run()
        .catch(() => {})
        .then(badge);
    if (alarm.name === BADGE_ALARM) void badge();
    if (alarm.name === DAILY_ALARM) void dbReady.then((db) => dailyReminder(db, deps, apis)).catch(() => {});
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    void browser.action.openPopup().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  });
  globalThis.addEventListener?.('online', () => void scheduler.run(true).catch(() => {}));

  // Startup: what waited while the browser was closed goes out; the badge and reminders resume.
  browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 15 });
  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
  void scheduler
    .run(true)
    .catch(() => {})
    .then(badge);
  void dbReady.then((db) => startReminders(db, deps, apis)).catch(() => {});
  return scheduler;
}
