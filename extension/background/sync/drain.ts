import type { LocalDb } from '../store/db';
import { freezeBatches, type Placer } from './outbox';
import { refusedRows } from './refused';
import type { FrozenRequest, RefusedRow, SyncState, Transport, TransportReply } from './types';
import { errorText } from '../../../shared/errorText';

const STATE_KEY = 'syncState';
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 30 * 60_000;

export const INITIAL_SYNC_STATE: SyncState = {
  lastSyncAt: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  needsAuth: false,
};

export async function readSyncState(db: LocalDb): Promise<SyncState> {
  return { ...INITIAL_SYNC_STATE, ...((await db.get('kv', STATE_KEY)) as Partial<SyncState> | undefined) };
}

export async function writeSyncState(db: LocalDb, state: SyncState): Promise<void> {
  await db.put('kv', state, STATE_KEY);
}

export interface DrainClock {
  now(): number;
  /** In [0, 1): spreads retries so many browsers do not return at once. */
  random(): number;
}

export interface DrainResult {
  sent: number;
  rejected: number;
  state: SyncState;
}

/** What a reply means for the request: done, refused for good, or try again later. */
type Outcome =
  | { kind: 'done' }
  | { kind: 'partly'; body: unknown; rows: RefusedRow[] }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'retry'; message: string; afterMs?: number };

function outcomeOf(request: FrozenRequest, reply: TransportReply): Outcome {
  const { status } = reply;
  if (status >= 200 && status < 300) {
    const refused = refusedRows(request, reply.body);
    return refused ? { kind: 'partly', ...refused } : { kind: 'done' };
  }
  const message = workerMessage(reply.body) ?? `同步服务返回 ${status}`;
  if (status === 401) return { kind: 'auth', message };
  // Busy, rate-limited, still processing an earlier attempt, or failing: the request is fine.
  if (status === 408 || status === 409 || status === 425 || status === 429 || status >= 500)
    return { kind: 'retry', message, afterMs: reply.retryAfterMs };
  return { kind: 'refused', status, message };
}

function workerMessage(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : null;
}

export function retryDelay(failures: number, random: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * Sends what is queued, oldest first. A request is removed only once the worker acknowledged it;
 * one the worker refuses as invalid moves to the visible `rejected` list and the rest go on; of a
 * sync batch the worker answered row by row, only the refused rows move there, with their reasons; when
 * the worker is down, slow or busy, sending stops (keeping the order) until the back-off ends.
 */
export async function drain(
  db: LocalDb,
  transport: Transport,
  clock: DrainClock,
  opts: { place?: Placer } = {},
): Promise<DrainResult> {
  await freezeBatches(db, clock.now(), undefined, opts.place);
  let state = await readSyncState(db);
  const result: DrainResult = { sent: 0, rejected: 0, state };
  if (state.needsAuth) return result;

  for (;;) {
    const next = (await db.getAll('outbox', undefined, 1))[0];
    if (!next) {
      state = {
        ...state,
        lastError: null,
        failures: 0,
        nextAttemptAt: null,
        lastSyncAt: result.sent ? clock.now() : state.lastSyncAt,
      };
      break;
    }
    let outcome: Outcome;
    try {
      outcome = outcomeOf(next, await transport.send(next));
    } catch (err) {
      outcome = {
        kind: 'retry',
        message: `无法连接同步服务：${errorText(err)}。数据已保存在本机，恢复后自动补传`,
      };
    }
    if (outcome.kind === 'done') {
      await db.delete('outbox', next.seq!);
      result.sent++;
      state = { ...state, lastSyncAt: clock.now(), failures: 0, lastError: null };
      continue;
    }
    if (outcome.kind === 'partly') {
      // The rest of the batch was written: only the refused rows stay, with their reasons.
      const { body, rows } = outcome;
      const message = `${rows.length} 行未被同步服务接受，其余已同步`;
      await refuse(
        db,
        { ...next, body, label: `${next.label}中的 ${rows.length} 行` },
        200,
        message,
        clock.now(),
        rows,
      );
      result.sent++;
      result.rejected++;
      state = { ...state, lastSyncAt: clock.now(), failures: 0, lastError: null };
      continue;
    }
    if (outcome.kind === 'refused') {
      await refuse(db, next, outcome.status, outcome.message, clock.now());
      result.rejected++;
      continue;
    }
    await db.put('outbox', { ...next, attempts: next.attempts + 1 });
    if (outcome.kind === 'auth') {
      state = {
        ...state,
        needsAuth: true,
        lastError: `${outcome.message}（请在设置页重新连接或续期）`,
        nextAttemptAt: null,
      };
      break;
    }
    const failures = state.failures + 1;
    const wait = Math.max(retryDelay(failures, clock.random()), outcome.afterMs ?? 0);
    state = { ...state, failures, lastError: outcome.message, nextAttemptAt: clock.now() + wait };
    break;
  }
  await writeSyncState(db, state);
  result.state = state;
  return result;
}

async function refuse(
  db: LocalDb,
  request: FrozenRequest,
  status: number,
  message: string,
  now: number,
  rows?: RefusedRow[],
): Promise<void> {
  const tx = db.transaction(['outbox', 'rejected'], 'readwrite');
  const kept = { ...request, seq: request.seq!, status, message, rejectedAt: now, ...(rows ? { rows } : {}) };
  await tx.objectStore('rejected').put(kept);
  await tx.objectStore('outbox').delete(request.seq!);
  await tx.done;
}
