import type { MemberObservation, PreflightResult } from '../../../shared/api/sync';

/** A row for the sync batch endpoint, kept until it is frozen into a batch. */
export type PendingRow =
  { kind: 'observation'; body: MemberObservation } | { kind: 'preflight'; body: PreflightResult };

/**
 * One request to the worker, frozen when it is queued: the same body and the same
 * `Idempotency-Key` on every retry, so a request the worker did apply is never applied twice.
 */
export interface FrozenRequest {
  seq?: number;
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body: unknown;
  idempotencyKey: string;
  /** What the admin will read if the worker refuses it. */
  label: string;
  queuedAt: number;
  attempts: number;
}

/** One row of a batch the worker did not write, and why. */
export interface RefusedRow {
  /** Who the row is about, as the admin knows them (name, 发展团员编号). */
  label: string;
  code: string;
  /** The worker's own message (Chinese), shown as is. */
  message: string;
}

/**
 * What the worker refused: a whole request (its status and message), or — for a sync batch — only
 * some of its rows, kept here alone (`body` cut down to them, `rows` their reasons).
 */
export interface RejectedRequest extends FrozenRequest {
  seq: number;
  status: number;
  /** The worker's own message (Chinese), shown as is. */
  message: string;
  rejectedAt: number;
  rows?: RefusedRow[];
}

/** What the worker answered, or that it could not be reached. */
export type TransportReply = { status: number; body: unknown; retryAfterMs?: number };

export interface Transport {
  /** Throws when the worker cannot be reached (offline, DNS, timeout). */
  send(request: FrozenRequest): Promise<TransportReply>;
}

export interface SyncState {
  lastSyncAt: number | null;
  lastError: string | null;
  /** Consecutive failed attempts, for the back-off. */
  failures: number;
  nextAttemptAt: number | null;
  /** The worker refused the token: nothing is sent until the admin renews it. */
  needsAuth: boolean;
}
