/**
 * The numbers the popup and the badge show: the worker's when connected (kept, so they still
 * show — marked as such — when the worker cannot be reached), else what this browser has seen.
 */
import { RemindersResponse } from '../../../shared/api/reminders';
import { chinaToday } from '../../../shared/domain/chinaDate';
import type { Counters } from '../../../shared/domain/urgency';
import type { LocalDb } from '../store/db';
import { allMembers } from '../store/members';
import { workerApi } from './client';
import { readConnection } from './connection';
import { localMembers, localSummary } from './localView';
import type { MemberList, MemberQuery, Summary } from '../../messaging/teamViews';
import type { Connection } from './types';
import { workerMembers, workerSummary } from './workerView';
import { errorText } from '../../../shared/errorText';

const KEPT = 'team.summary';

interface KeptSummary {
  tenantId: string;
  tokenId: string;
  summary: Summary;
}

export interface ViewDeps {
  origin: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

async function kept(db: LocalDb, conn: Connection): Promise<Summary | null> {
  const k = (await db.get('kv', KEPT)) as KeptSummary | undefined;
  return k && k.tenantId === conn.tenant.id && k.tokenId === conn.tokenId ? k.summary : null;
}

/** The worker's numbers as last read (the popup paints them while it asks again), or null. */
export async function keptSummary(db: LocalDb): Promise<Summary | null> {
  const conn = await readConnection(db);
  return conn ? kept(db, conn) : null;
}

export async function summaryFor(db: LocalDb, deps: ViewDeps): Promise<Summary> {
  const now = (deps.now ?? Date.now)();
  const conn = await readConnection(db);
  if (conn) {
    try {
      const summary = await workerSummary(workerApi(conn, deps.origin, deps.fetchImpl), conn, now);
      await db.put('kv', { tenantId: conn.tenant.id, tokenId: conn.tokenId, summary } satisfies KeptSummary, KEPT);
      return summary;
    } catch (err) {
      const note = `暂时无法从同步服务读取：${errorText(err)}`;
      const last = await kept(db, conn);
      if (last) return { ...last, stale: true, note };
      return { ...localSummary(await allMembers(db), chinaToday(now), now), note };
    }
  }
  return localSummary(await allMembers(db), chinaToday(now), now);
}

/** Just the counters, for the badge and the daily notification: one cheap read of the worker. */
export async function countersFor(
  db: LocalDb,
  deps: ViewDeps,
): Promise<{ counters: Counters; source: 'worker' | 'local' }> {
  const now = (deps.now ?? Date.now)();
  const conn = await readConnection(db);
  if (conn) {
    try {
      const r = await workerApi(conn, deps.origin, deps.fetchImpl)('/v1/reminders', RemindersResponse);
      return { counters: r.counters, source: 'worker' };
    } catch {
      const last = await kept(db, conn);
      if (last) return { counters: last.counters, source: 'worker' };
    }
  }
  return { counters: localSummary(await allMembers(db), chinaToday(now), now).counters, source: 'local' };
}

export async function membersFor(db: LocalDb, q: MemberQuery, deps: ViewDeps): Promise<MemberList> {
  const now = (deps.now ?? Date.now)();
  const conn = await readConnection(db);
  if (conn) {
    try {
      return { source: 'worker', ...(await workerMembers(workerApi(conn, deps.origin, deps.fetchImpl), conn, q)) };
    } catch {
      // The worker cannot be reached: what this browser has seen (its organisations are named differently).
      return { source: 'local', ...localMembers(await allMembers(db), { ...q, orgId: undefined }, chinaToday(now)) };
    }
  }
  return { source: 'local', ...localMembers(await allMembers(db), q, chinaToday(now)) };
}
