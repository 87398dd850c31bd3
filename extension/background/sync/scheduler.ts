/**
 * When the queue is sent: shortly after something is kept (a debounce), when the back-off ends
 * (an alarm at `nextAttemptAt`, which survives the service worker sleeping), when the network
 * returns, at startup, and when the admin asks. One drain at a time; a request for another while
 * one runs is answered by one more run after it.
 */
import { readSettings } from '../settings';
import type { LocalDb } from '../store/db';
import { currentHashKey } from '../store/hashKey';
import { workerApi } from '../team/client';
import { readConnection } from '../team/connection';
import { keptOrgs, orgsFor, ORGS_MAX_AGE_MS } from '../team/orgs';
import { drain, readSyncState, type DrainResult } from './drain';
import { forwardKept, placeWith, unplacedRows } from './forward';
import { OrgMatcher } from './orgMatch';
import { httpTransport } from './transport';

export const RETRY_ALARM = 'sync.retry';
export const PERIODIC_ALARM = 'sync.periodic';
export const DEBOUNCE_MS = 1500;

export interface AlarmsLike {
  create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): unknown;
  clear(name: string): unknown;
}

export interface SchedulerDeps {
  db: Promise<LocalDb>;
  origin: string;
  alarms: AlarmsLike;
  fetchImpl?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** After every run that reached the worker (the badge and the popup read fresh numbers). */
  onRun?: (result: RunResult) => void | Promise<void>;
}

export interface RunResult {
  queued: number;
  drain: DrainResult | null;
  unplaced: number;
}

export class SyncScheduler {
  /** The run in progress (or the last one), and the one waiting to start after it. */
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: Promise<RunResult | null> | null = null;
  private forceNext = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Runs after a short quiet moment: many rows kept in a burst go out together. */
  soon(delayMs = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run().catch(() => {});
    }, delayMs);
  }

  /**
   * Runs once the run in progress (if any) ends. Callers that ask while a run waits to start
   * share it: never two at once, and nothing asked for is skipped. During a back-off only a
   * forced run (the admin's 立即同步, the network returning, startup, the retry alarm) sends.
   */
  run(force = false): Promise<RunResult | null> {
    this.forceNext ||= force;
    if (this.waiting) return this.waiting;
    const next = this.tail.then(() => {
      this.waiting = null;
      const f = this.forceNext;
      this.forceNext = false;
      return this.once(f);
    });
    this.waiting = next;
    this.tail = next.catch(() => null);
    return next;
  }

  private async once(force: boolean): Promise<RunResult | null> {
    const { deps } = this;
    const now = deps.now ?? Date.now;
    const db = await deps.db;
    const conn = await readConnection(db);
    if (!conn) return null;
    const api = workerApi(conn, deps.origin, deps.fetchImpl);
    let queued = 0;
    const key = await currentHashKey(db);
    // Rows are hashed with the tenant's key or not sent at all.
    if (key.id === conn.tenant.id) {
      const settings = await readSettings(db);
      queued = await forwardKept(db, {
        tenantId: conn.tenant.id,
        clearNames: conn.tenant.storeNames && settings.shareNames,
        key: key.key,
        keySince: conn.connectedAt,
      });
    }
    let orgs = (await keptOrgs(db, conn))?.orgs ?? null;
    if (!orgs) orgs = await orgsFor(db, conn, api).catch(() => null);
    let matcher = orgs ? new OrgMatcher(orgs) : null;
    const state = await readSyncState(db);
    const backingOff = !force && state.nextAttemptAt !== null && now() < state.nextAttemptAt;
    if (state.needsAuth || backingOff)
      return { queued, drain: null, unplaced: (await unplacedRows(db, matcher)).count };
    const clock = { now, random: deps.random ?? Math.random };
    const transport = httpTransport(conn, deps.fetchImpl);
    let result = await drain(db, transport, clock, matcher ? { place: placeWith(matcher) } : {});
    let unplaced = (await unplacedRows(db, matcher)).count;
    // Rows wait for organisations the tree did not have: the committee may have added them since.
    if (unplaced && !result.state.lastError) {
      const kept = await keptOrgs(db, conn);
      if (!kept || now() - kept.fetchedAt >= ORGS_MAX_AGE_MS) {
        const fresh = await orgsFor(db, conn, api, 0, now()).catch(() => null);
        if (fresh) {
          matcher = new OrgMatcher(fresh);
          result = await drain(db, transport, clock, { place: placeWith(matcher) });
          unplaced = (await unplacedRows(db, matcher)).count;
        }
      }
    }
    if (result.state.nextAttemptAt) deps.alarms.create(RETRY_ALARM, { when: result.state.nextAttemptAt });
    else deps.alarms.clear(RETRY_ALARM);
    const out: RunResult = { queued, drain: result, unplaced };
    await deps.onRun?.(out);
    return out;
  }
}
