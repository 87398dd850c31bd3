import type { Handlers } from '../messaging/router';
import { readSettings, updateSettings } from './settings';
import type { LocalDb } from './store/db';
import { allMembers, recordFact, recordObservations } from './store/members';
import { recordRejectionNotices, rememberOrgType, withNotices } from './store/notices';
import { promptedMembers } from './prompted';

/** The background's answers about members and settings: the one writer of the local store. */
export function memberHandlers(db: Promise<LocalDb>) {
  return {
    observeRows: async ({ rows, observedAt }) => {
      const d = await db;
      return recordObservations(d, await withNotices(d, rows), observedAt);
    },
    setApprovedOn: async ({ keys, approvedOn }) => ({
      updated: await recordFact(await db, keys, 'approvedOn', approvedOn, Date.now()),
    }),
    setGraduating: async ({ keys, graduating }) => ({
      updated: await recordFact(await db, keys, 'graduating', graduating, Date.now()),
    }),
    recordRejectionReasons: async ({ items }) => ({ updated: await recordRejectionNotices(await db, items) }),
    rememberOrgType: async ({ org, type }) => {
      await rememberOrgType(await db, org, type);
      return { ok: true as const };
    },
    promptedMembers: async ({ kinds }) => promptedMembers(await allMembers(await db), kinds),
    getSettings: async () => readSettings(await db),
    setSettings: async (change) => updateSettings(await db, change),
  } satisfies Partial<Handlers>;
}
