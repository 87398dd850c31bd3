/**
 * The hotfix the extension keeps: fetched every few hours from the team's worker and the URL set
 * in the options page, checked (publisher's signature, expiry, never an older serial than the one
 * kept), and used — when the sources cannot be reached — for 30 days after a source last served
 * it. A refused document changes nothing and is listed in the options page.
 */
import { HotfixPayload } from '../../../shared/hotfix/format';
import { effectFor, NO_EFFECT } from '../../../shared/hotfix/effect';
import { readHotfix } from '../../../shared/hotfix/verify';
import type { HotfixRefusal, HotfixState } from '../../messaging/health';
import type { LocalDb } from '../store/db';

const KEY = 'hotfix';
export const OFFLINE_DAYS = 30;
const DAY_MS = 86_400_000;
const FETCH_TIMEOUT_MS = 15_000;
const MAX_REFUSALS = 10;

interface Kept {
  /** The payload exactly as signed, and its signature: what the publisher wrote. */
  payload: string;
  signature: string;
  serial: number;
  issuedAt: string;
  expiresAt: string;
  confirmedAt: number;
  source: string;
}

interface HotfixRecord {
  kept: Kept | null;
  refusals: HotfixRefusal[];
  url: string | null;
  checkedAt: number | null;
}

const EMPTY: HotfixRecord = { kept: null, refusals: [], url: null, checkedAt: null };

export interface HotfixDeps {
  /** The publisher's public keys (extension/hotfix/keys.ts). */
  keys: readonly string[];
  version: string;
  now: () => number;
  fetch: typeof fetch;
  /** The team's worker, when this browser is connected to one. */
  teamBaseUrl: () => Promise<string | null>;
}

async function read(db: LocalDb): Promise<HotfixRecord> {
  return { ...EMPTY, ...((await db.get('kv', KEY)) as Partial<HotfixRecord> | undefined) };
}

/** What the kept document asks of this version now, or why it asks nothing. */
export function inForce(kept: Kept | null, now: number, version: string): Pick<HotfixState, 'effect' | 'dormant'> {
  if (!kept) return { effect: NO_EFFECT };
  if (Date.parse(kept.expiresAt) <= now)
    return { effect: NO_EFFECT, dormant: `修复通知（编号 ${kept.serial}）已于 ${kept.expiresAt.slice(0, 10)} 失效` };
  if (now - kept.confirmedAt > OFFLINE_DAYS * DAY_MS)
    return {
      effect: NO_EFFECT,
      dormant: `已超过 ${OFFLINE_DAYS} 天未能从来源取到修复通知（编号 ${kept.serial}），暂不使用；联网后会自动更新`,
    };
  return { effect: effectFor(HotfixPayload.parse(JSON.parse(kept.payload)), version) };
}

async function sourcesOf(record: HotfixRecord, deps: HotfixDeps): Promise<string[]> {
  const team = await deps.teamBaseUrl().catch(() => null);
  return [...(team ? [`${team.replace(/\/+$/, '')}/v1/hotfix`] : []), ...(record.url ? [record.url] : [])];
}

function stateOf(record: HotfixRecord, sources: string[], deps: HotfixDeps): HotfixState {
  const { kept } = record;
  return {
    kept: kept && {
      serial: kept.serial,
      issuedAt: kept.issuedAt,
      expiresAt: kept.expiresAt,
      confirmedAt: kept.confirmedAt,
      source: kept.source,
    },
    ...inForce(kept, deps.now(), deps.version),
    refusals: record.refusals,
    url: record.url,
    sources,
    checkedAt: record.checkedAt,
  };
}

export async function hotfixState(db: LocalDb, deps: HotfixDeps): Promise<HotfixState> {
  const record = await read(db);
  return stateOf(record, await sourcesOf(record, deps), deps);
}

function refuse(record: HotfixRecord, r: HotfixRefusal): void {
  // The same refusal again only moves its time: a stale relay asked every few hours is one line.
  const same = record.refusals.findIndex((x) => x.source === r.source && x.message === r.message);
  if (same >= 0) record.refusals.splice(same, 1);
  record.refusals = [r, ...record.refusals].slice(0, MAX_REFUSALS);
}

async function fetchText(url: string, deps: HotfixDeps): Promise<{ status: number; text: string }> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await deps.fetch(url, { cache: 'no-store', credentials: 'omit', signal: ctrl.signal });
    return { status: res.status, text: res.ok ? await res.text() : '' };
  } finally {
    clearTimeout(timer);
  }
}

/** One source, asked once: the kept document moves forward, is confirmed, or the refusal is noted. */
async function askSource(record: HotfixRecord, source: string, deps: HotfixDeps): Promise<void> {
  const now = deps.now();
  let reply;
  try {
    reply = await fetchText(source, deps);
  } catch {
    return; // Offline or the host is down: the kept copy stays in force (30 days).
  }
  // The team's worker answers 404 until its operator uploads a document: nothing to say.
  if (reply.status === 404) return;
  if (reply.status !== 200)
    return refuse(record, { at: now, source, problem: 'unreachable', message: `来源回复 HTTP ${reply.status}` });
  const kept = record.kept;
  const r = await readHotfix(reply.text, {
    keys: deps.keys,
    now,
    keptSerial: kept?.serial ?? 0,
    ...(kept ? { keptPayload: kept.payload } : {}),
  });
  if (!r.ok) return refuse(record, { at: now, source, problem: r.problem, message: r.message });
  if (kept && r.payload.serial === kept.serial) {
    kept.confirmedAt = now;
    return;
  }
  const envelope = JSON.parse(reply.text) as { signature: string };
  record.kept = {
    payload: r.text,
    signature: envelope.signature,
    serial: r.payload.serial,
    issuedAt: r.payload.issuedAt,
    expiresAt: r.payload.expiresAt,
    confirmedAt: now,
    source,
  };
}

/** Asks every source now and keeps what it may. */
export async function refreshHotfix(db: LocalDb, deps: HotfixDeps): Promise<HotfixState> {
  const record = await read(db);
  const sources = await sourcesOf(record, deps);
  for (const source of sources) await askSource(record, source, deps);
  record.checkedAt = deps.now();
  await db.put('kv', record, KEY);
  return stateOf(record, sources, deps);
}

/** An https address (or http on this computer), or an error in the admin's words. */
export function checkHotfixUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '地址格式不正确，应为 https:// 开头的完整网址';
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return '地址应以 https:// 开头';
  if (u.username || u.password) return '地址中不能包含用户名或密码';
  return null;
}

export async function setHotfixUrl(db: LocalDb, url: string | null): Promise<void> {
  const record = await read(db);
  record.url = url;
  await db.put('kv', record, KEY);
}
