import { SYNC_MAX_ROWS } from '../../../shared/api/sync';
import type { LocalDb } from '../store/db';
import type { FrozenRequest, PendingRow } from './types';

/** Queues rows for the sync batch endpoint; they are frozen into batches when sending starts. */
export async function enqueueRows(db: LocalDb, rows: PendingRow[]): Promise<void> {
  const tx = db.transaction('pending', 'readwrite');
  for (const row of rows) await tx.store.add(row);
  await tx.done;
}

/**
 * Queues one request (an approval date, a decision), frozen now with its own key — after the rows
 * seen before it, so the worker knows a member before it is told the member's approval date.
 */
export async function enqueueRequest(
  db: LocalDb,
  request: Pick<FrozenRequest, 'method' | 'path' | 'body' | 'label'>,
  now = Date.now(),
  place?: Placer,
): Promise<void> {
  await freezeBatches(db, now, SYNC_MAX_ROWS, place);
  await db.add('outbox', { ...request, idempotencyKey: crypto.randomUUID(), queuedAt: now, attempts: 0 });
}

/**
 * Places a row before it is sent (names its organisation as the worker knows it), or answers
 * null when it cannot yet: such a row stays queued, in order, and is tried again next time.
 */
export type Placer = (row: PendingRow) => PendingRow | null;

/**
 * Moves waiting rows into frozen batches of at most `maxRows`, in the order they were seen. The
 * rows leave `pending` and the batch enters `outbox` in one transaction: a crash in between
 * loses nothing and duplicates nothing.
 */
export async function freezeBatches(
  db: LocalDb,
  now = Date.now(),
  maxRows = SYNC_MAX_ROWS,
  place?: Placer,
): Promise<number> {
  let frozen = 0;
  let after: number | null = null;
  for (;;) {
    const tx = db.transaction(['pending', 'outbox'], 'readwrite');
    const pending = tx.objectStore('pending');
    const keys: number[] = [];
    const rows: PendingRow[] = [];
    let last: number | null = null;
    // Rows that cannot be placed are stepped over (they stay): read on until the batch is full.
    for (
      let cursor = await pending.openCursor(after === null ? undefined : IDBKeyRange.lowerBound(after, true));
      cursor && rows.length < maxRows;
      cursor = await cursor.continue()
    ) {
      last = cursor.key;
      const row = place ? place(cursor.value) : cursor.value;
      if (!row) continue;
      keys.push(cursor.key);
      rows.push(row);
    }
    if (!rows.length) {
      await tx.done;
      return frozen;
    }
    const observations = rows.flatMap((r) => (r.kind === 'observation' ? [r.body] : []));
    const preflights = rows.flatMap((r) => (r.kind === 'preflight' ? [r.body] : []));
    await tx.objectStore('outbox').add({
      method: 'POST',
      path: '/v1/sync',
      body: { observations, preflights },
      idempotencyKey: crypto.randomUUID(),
      label: `同步 ${observations.length} 条团员记录${preflights.length ? `、${preflights.length} 条档案检查结果` : ''}`,
      queuedAt: now,
      attempts: 0,
    });
    if (place) for (const k of keys) await pending.delete(k);
    else await pending.delete(IDBKeyRange.bound(keys[0]!, keys[keys.length - 1]!));
    await tx.done;
    frozen++;
    after = last;
  }
}

/** How much is waiting: rows not yet batched, frozen requests not yet acknowledged, and what was refused. */
export async function waiting(db: LocalDb): Promise<{ rows: number; requests: number; rejected: number }> {
  // Refused rows count one by one: the admin reads each.
  const rejected = (await db.getAll('rejected')).reduce((n, r) => n + (r.rows?.length ?? 1), 0);
  return { rows: await db.count('pending'), requests: await db.count('outbox'), rejected };
}
