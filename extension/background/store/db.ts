import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalMember } from '../../model/member';
import type { FrozenRequest, PendingRow, RejectedRequest } from '../sync/types';

/**
 * Everything the extension keeps lives in the background's IndexedDB, on the extension's own
 * origin: content scripts run in the host's origin and cannot open it, so tokens, the tenant's
 * hashing key and members' data stay out of the host page's reach.
 */
export interface LocalSchema extends DBSchema {
  members: { key: string; value: LocalMember; indexes: { byOrg: string; byHostId: string } };
  /** Small named values: settings, keys, sync state. */
  kv: { key: string; value: unknown };
  /** Rows waiting to be frozen into a sync batch, in the order they were seen. */
  pending: { key: number; value: PendingRow };
  /** Requests to the team's worker, frozen with their idempotency key, sent in order. */
  outbox: { key: number; value: FrozenRequest };
  /** Requests the worker refused as invalid: shown to the admin, never retried blindly. */
  rejected: { key: number; value: RejectedRequest };
}

export type LocalDb = IDBPDatabase<LocalSchema>;

export const DB_NAME = 'league-archive-assistant';

export function openLocalDb(name = DB_NAME): Promise<LocalDb> {
  return openDB<LocalSchema>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const members = db.createObjectStore('members', { keyPath: 'key' });
        members.createIndex('byOrg', 'orgKey');
        members.createIndex('byHostId', 'values.hostId');
        db.createObjectStore('kv');
        db.createObjectStore('pending', { autoIncrement: true });
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('rejected', { keyPath: 'seq' });
      }
    },
  });
}
