/**
 * The team's organisation tree as the token sees it (its organisation and, for a committee,
 * everything below), kept for placing rows (../sync/orgMatch.ts) and for the options page.
 */
import { OrgList, type OrgView } from '../../../shared/api/orgs';
import type { LocalDb } from '../store/db';
import type { WorkerApi } from './client';
import type { Connection } from './types';

const ORGS = 'team.orgs';
/** How long the kept tree is used before it is read again when rows wait for their organisation. */
export const ORGS_MAX_AGE_MS = 5 * 60_000;

interface KeptOrgs {
  tenantId: string;
  tokenId: string;
  fetchedAt: number;
  orgs: OrgView[];
}

export async function keptOrgs(db: LocalDb, conn: Connection): Promise<KeptOrgs | null> {
  const kept = (await db.get('kv', ORGS)) as KeptOrgs | undefined;
  return kept && kept.tenantId === conn.tenant.id && kept.tokenId === conn.tokenId ? kept : null;
}

export async function fetchOrgs(db: LocalDb, conn: Connection, api: WorkerApi, now = Date.now()): Promise<OrgView[]> {
  const { orgs } = await api('/v1/orgs', OrgList);
  await db.put(
    'kv',
    { tenantId: conn.tenant.id, tokenId: conn.tokenId, fetchedAt: now, orgs } satisfies KeptOrgs,
    ORGS,
  );
  return orgs;
}

/** The kept tree, read again when missing or (with `maxAgeMs`) older than that. */
export async function orgsFor(
  db: LocalDb,
  conn: Connection,
  api: WorkerApi,
  maxAgeMs = Number.POSITIVE_INFINITY,
  now = Date.now(),
): Promise<OrgView[]> {
  const kept = await keptOrgs(db, conn);
  if (kept && now - kept.fetchedAt < maxAgeMs) return kept.orgs;
  return fetchOrgs(db, conn, api, now);
}
