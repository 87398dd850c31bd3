/**
 * Joining a team: an invite code is traded for a token and the tenant's hashing key, both kept
 * in the background's IndexedDB (content scripts cannot open it). Renewing, refreshing what the
 * worker says of the token, and leaving.
 */
import { z } from 'zod';
import { RedeemInviteResponse, RenewTokenResponse, TokenInfo, TenantInfo } from '../../../shared/api/tenancy';
import { OrgType } from '../../../shared/domain/types';
import type { LocalDb } from '../store/db';
import { currentHashKey, setTenantHashKey } from '../store/hashKey';
import { readSyncState, writeSyncState } from '../sync/drain';
import { callWorker, normaliseBaseUrl, TeamError, workerApi } from './client';
import type { ConnectionView } from '../../messaging/teamViews';
import type { Connection } from './types';
import { errorText } from '../../../shared/errorText';

const CONNECTION = 'team.connection';
/** Tenant keys this browser held before: local search by 身份证号 still finds what they hashed. */
const FORMER_KEYS = 'team.formerHashKeys';
/** Which tenant the queued rows were hashed for: another tenant's queue is never sent. */
const QUEUE_TENANT = 'sync.queueTenant';

export async function readConnection(db: LocalDb): Promise<Connection | null> {
  return ((await db.get('kv', CONNECTION)) as Connection | undefined) ?? null;
}

export function viewOf(c: Connection | null): ConnectionView | null {
  if (!c) return null;
  const { token: _token, ...view } = c;
  return view;
}

function decodeKey(base64: string): Uint8Array {
  const bin = atob(base64);
  const key = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  if (key.length < 16) throw new TeamError('同步服务给出的哈希密钥无效：请联系部署同步服务的管理员', 'bad-key', 0);
  return key;
}

async function rememberFormerKey(db: LocalDb): Promise<void> {
  const current = await currentHashKey(db);
  if (current.id.startsWith('local-')) return;
  const former = ((await db.get('kv', FORMER_KEYS)) as { id: string; key: Uint8Array }[] | undefined) ?? [];
  if (!former.some((k) => k.id === current.id)) await db.put('kv', [...former, current].slice(-5), FORMER_KEYS);
}

/** Every key a hash kept in this browser may have been made with: the current one first. */
export async function hashKeysToTry(db: LocalDb): Promise<Uint8Array[]> {
  const current = await currentHashKey(db);
  const local = (await db.get('kv', 'hashKey.local')) as { key: Uint8Array } | undefined;
  const former = ((await db.get('kv', FORMER_KEYS)) as { key: Uint8Array }[] | undefined) ?? [];
  return [current.key, ...(local && local.key !== current.key ? [local.key] : []), ...former.map((k) => k.key)];
}

/** Codes come as 20 characters in groups of five; people paste them with or without the dashes. */
export function inviteCode(text: string): string {
  const bare = text.replace(/[\s\u3000\-－—]+/g, '').toUpperCase();
  return bare.length === 20 ? bare.match(/.{5}/g)!.join('-') : text.trim().toUpperCase();
}

export interface ConnectInput {
  baseUrl: string;
  code: string;
  label: string;
}

/** Redeems an invite. On success the tenant's key replaces this browser's own for new hashes. */
export async function connect(
  db: LocalDb,
  input: ConnectInput,
  origin: string,
  fetchImpl?: typeof fetch,
): Promise<Connection> {
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  if (!baseUrl)
    throw new TeamError('同步服务地址应为 https:// 开头的网址（如 https://sync.example.org）', 'bad-url', 0);
  const code = inviteCode(input.code);
  if (code.length < 8) throw new TeamError('请输入上级管理员给你的邀请码', 'bad-code', 0);
  const label = input.label.trim();
  if (!label) throw new TeamError('请填写这台电脑的名称（如“张老师的电脑”），便于团队识别令牌', 'bad-label', 0);
  const r = await callWorker(baseUrl, '/v1/invites/redeem', RedeemInviteResponse, {
    body: { code, label },
    fetchImpl,
    origin,
  });
  const key = decodeKey(r.tenant.hashKey);
  await rememberFormerKey(db);
  const queueTenant = (await db.get('kv', QUEUE_TENANT)) as string | undefined;
  if (queueTenant && queueTenant !== r.tenant.id) await clearQueue(db);
  const now = Date.now();
  const conn: Connection = {
    baseUrl,
    token: r.token,
    tokenId: r.tokenId,
    expiresAt: r.expiresAt,
    role: r.role,
    org: r.org,
    tenant: { id: r.tenant.id, name: r.tenant.name, storeNames: r.tenant.storeNames },
    label,
    // Hashes made from now on are the tenant's; any earlier one may be this browser's own key's.
    connectedAt: now,
  };
  await db.put('kv', conn, CONNECTION);
  await db.put('kv', r.tenant.id, QUEUE_TENANT);
  await setTenantHashKey(db, { id: r.tenant.id, key });
  await writeSyncState(db, {
    ...(await readSyncState(db)),
    needsAuth: false,
    lastError: null,
    failures: 0,
    nextAttemptAt: null,
  });
  return conn;
}

async function clearQueue(db: LocalDb): Promise<void> {
  const tx = db.transaction(['pending', 'outbox', 'rejected'], 'readwrite');
  await Promise.all([
    tx.objectStore('pending').clear(),
    tx.objectStore('outbox').clear(),
    tx.objectStore('rejected').clear(),
    tx.done,
  ]);
}

/** Another year for the token (counted from today). */
export async function renew(db: LocalDb, origin: string, fetchImpl?: typeof fetch): Promise<Connection> {
  const conn = await readConnection(db);
  if (!conn) throw new TeamError('尚未连接团队', 'not-connected', 0);
  const r = await workerApi(conn, origin, fetchImpl)('/v1/tokens/renew', RenewTokenResponse, { body: { days: 365 } });
  const next = { ...conn, expiresAt: r.expiresAt };
  await db.put('kv', next, CONNECTION);
  const state = await readSyncState(db);
  if (state.needsAuth) await writeSyncState(db, { ...state, needsAuth: false, lastError: null, nextAttemptAt: null });
  return next;
}

const SelfReply = z.object({
  token: TokenInfo,
  org: z.object({ id: z.string(), name: z.string(), type: OrgType }),
  tenant: TenantInfo,
});

/**
 * Asks the worker what it holds of this token now: the tenant's name setting may have changed,
 * the organisation may have been renamed, the token revoked (the sync state then says so).
 */
export async function refreshSelf(db: LocalDb, origin: string, fetchImpl?: typeof fetch): Promise<Connection | null> {
  const conn = await readConnection(db);
  if (!conn) return null;
  try {
    const r = await workerApi(conn, origin, fetchImpl)('/v1/tokens/self', SelfReply);
    const next: Connection = {
      ...conn,
      expiresAt: r.token.expiresAt,
      org: r.org,
      tenant: { ...conn.tenant, name: r.tenant.name, storeNames: r.tenant.storeNames },
    };
    await db.put('kv', next, CONNECTION);
    return next;
  } catch (err) {
    if (err instanceof TeamError && err.status === 401) {
      await writeSyncState(db, {
        ...(await readSyncState(db)),
        needsAuth: true,
        lastError: `${err.message}（请在设置页重新连接或续期）`,
        nextAttemptAt: null,
      });
    }
    throw err;
  }
}

/**
 * Leaves the team: the token is revoked at the worker when asked (and reachable), the token and
 * the tenant's key leave this browser. Members seen stay (local mode); the queue is kept for a
 * reconnection to the same team and dropped on joining another.
 */
export async function disconnect(
  db: LocalDb,
  revoke: boolean,
  origin: string,
  fetchImpl?: typeof fetch,
): Promise<{ revoked: boolean; error?: string }> {
  const conn = await readConnection(db);
  if (!conn) return { revoked: false };
  let revoked = false;
  let error: string | undefined;
  if (revoke) {
    try {
      await workerApi(conn, origin, fetchImpl)(`/v1/tokens/${encodeURIComponent(conn.tokenId)}`, null, {
        method: 'DELETE',
      });
      revoked = true;
    } catch (err) {
      error = errorText(err);
    }
  }
  await rememberFormerKey(db);
  await setTenantHashKey(db, null);
  await db.delete('kv', CONNECTION);
  await writeSyncState(db, {
    ...(await readSyncState(db)),
    needsAuth: false,
    lastError: null,
    failures: 0,
    nextAttemptAt: null,
  });
  return { revoked, ...(error ? { error } : {}) };
}
