import { listen } from '../messaging/router';
import { readSettings, updateSettings } from './settings';
import type { LocalDb } from './store/db';
import { recordFact, recordObservations } from './store/members';

/** The background's answers about members and settings: the one writer of the local store. */
export function serveMembers(db: Promise<LocalDb>): void {
  listen({
    observeRows: async ({ rows, observedAt }) => recordObservations(await db, rows, observedAt),
    setApprovedOn: async ({ keys, approvedOn }) => ({ updated: await recordFact(await db, keys, 'approvedOn', approvedOn, Date.now()) }),
    getSettings: async () => readSettings(await db),
    setSettings: async (change) => updateSettings(await db, change),
  });
}
