/** Shared set-up for the back end's unit tests: a fresh store in a temporary directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChinaDate } from '../../../shared/domain/types';
import type { ReplicaMember } from '../model';
import { createClient, type ApiReply, type ReplicaClient } from './client';
import { ReplicaStore, type ResetOptions } from './store';
import { archiveState, latestRecord, type ArchiveState } from './views';

export const TODAY = '2025-06-15' as ChinaDate;
/** 2025-06-15 10:00 in China. */
export const NOW = Date.UTC(2025, 5, 15, 2, 0, 0);

export interface TestBackend {
  dir: string;
  store: ReplicaStore;
  client: ReplicaClient;
  /** A member of `leagueId` (default: the tzb account's branch) whose archive is in `state`. */
  memberIn(state: ArchiveState, leagueId?: string): ReplicaMember;
  uploadForm(m: ReplicaMember, file: Blob, fileName: string, account?: string): Promise<ApiReply>;
  cleanup(): void;
}

export function testBackend(opts: ResetOptions = {}): TestBackend {
  const dir = mkdtempSync(join(tmpdir(), 'laa-replica-unit-'));
  const store = ReplicaStore.open(dir, { seed: 11, size: 40, today: TODAY, ...opts });
  const client = createClient(store, () => NOW);
  return {
    dir,
    store,
    client,
    memberIn(state, leagueId = '100123') {
      const m = store.state.members.find(
        (x) => x.leagueId === leagueId && !x.isCadre && archiveState(x, latestRecord(store.state, x.userId)) === state,
      );
      if (!m) throw new Error(`no ${state} member in ${leagueId}`);
      return m;
    },
    uploadForm(m, file, fileName, account = 'tzb') {
      const form = new FormData();
      form.set('leagueId', m.leagueId);
      form.set('userId', m.userId);
      form.set('name', m.name);
      form.set('userCode', m.userCode);
      form.set('recordfile', file, fileName);
      return client.api('memberRecord/upload', form, account);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const pdfBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
