/** The reviewer's decisions kept for the team, and everything this browser keeps as one backup file. */
import { browser } from 'wxt/browser';
import type { Handlers } from '../../messaging/router';
import { exportLocalData, importLocalData } from './backup';
import { TeamError } from './client';
import { readConnection } from './connection';
import { attempt, type TeamContext } from './context';
import { parseDecision, recordApprovalDecision } from './decisions';

export function localDataHandlers({ dbReady }: TeamContext) {
  return {
    recordApprovalDecision: async (payload, sender) => {
      if (sender.id !== browser.runtime.id) return { ok: false as const, error: '来源无效' };
      const d = parseDecision(payload);
      if (typeof d === 'string') return { ok: false as const, error: d };
      return attempt(async () => {
        const db = await dbReady;
        await recordApprovalDecision(db, d);
        return { queued: !!(await readConnection(db)) };
      });
    },
    exportLocalData: async () => exportLocalData(await dbReady),
    importLocalData: ({ file }) =>
      attempt(async () => {
        const r = await importLocalData(await dbReady, file);
        if (typeof r === 'string') throw new TeamError(r, 'bad-backup', 0);
        return r;
      }),
  } satisfies Partial<Handlers>;
}
