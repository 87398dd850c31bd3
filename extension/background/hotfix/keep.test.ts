import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newHotfixKeyPair, signHotfix, type HotfixKeyPair } from '../../../shared/hotfix/sign';
import { openLocalDb, type LocalDb } from '../store/db';
import { checkHotfixUrl, hotfixState, OFFLINE_DAYS, refreshHotfix, setHotfixUrl, type HotfixDeps } from './keep';

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const TEAM = 'https://sync.example.org';
const URL_SOURCE = 'https://files.example.org/hotfix.json';

let publisher: HotfixKeyPair;
let stranger: HotfixKeyPair;
beforeAll(async () => {
  [publisher, stranger] = await Promise.all([newHotfixKeyPair(), newHotfixKeyPair()]);
});

const doc = (serial: number, o: { key?: HotfixKeyPair; days?: number; reason?: string } = {}) =>
  signHotfix(
    {
      serial,
      issuedAt: new Date(T0 - DAY).toISOString(),
      expiresAt: new Date(T0 + (o.days ?? 60) * DAY).toISOString(),
      rules: [
        {
          versions: { max: '0.9.9' },
          disable: [{ feature: 'status-chip', reason: o.reason ?? '认证状态列改名' }],
          headerAliases: { 'column.certStatus': ['认证进度'] },
        },
      ],
    },
    (o.key ?? publisher).privateKey,
  ).then((d) => JSON.stringify(d));

/** A network of sources: a URL answers with a body, a status, or not at all (offline). */
function network(replies: Record<string, string | number | null>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const r = replies[String(input)];
    if (r === null || r === undefined) throw new TypeError('Failed to fetch');
    return typeof r === 'number' ? new Response('', { status: r }) : new Response(r, { status: 200 });
  }) as typeof fetch;
}

let db: LocalDb;
let now = T0;
let replies: Record<string, string | number | null> = {};
const deps = (): HotfixDeps => ({
  keys: [publisher.publicKey],
  version: '0.1.0',
  now: () => now,
  fetch: network(replies),
  teamBaseUrl: async () => TEAM,
});

beforeEach(async () => {
  db = await openLocalDb(`test-${crypto.randomUUID()}`);
  now = T0;
  replies = {};
});

describe('the hotfix kept by the extension', () => {
  it('takes a signed document from the team’s worker and says what it asks of this version', async () => {
    replies[`${TEAM}/v1/hotfix`] = await doc(3);
    const s = await refreshHotfix(db, deps());
    expect(s.kept).toMatchObject({ serial: 3, source: `${TEAM}/v1/hotfix`, confirmedAt: T0 });
    expect(s.effect.disabled).toEqual({ 'status-chip': '认证状态列改名' });
    expect(s.effect.headerAliases).toEqual({ 'column.certStatus': ['认证进度'] });
    expect(s.refusals).toEqual([]);
    expect(s.sources).toEqual([`${TEAM}/v1/hotfix`]);
  });

  it('ignores and reports a forged, an expired, a malformed or an older document; the kept one stays', async () => {
    replies[`${TEAM}/v1/hotfix`] = await doc(5);
    await refreshHotfix(db, deps());
    await setHotfixUrl(db, URL_SOURCE);
    for (const [body, problem] of [
      [await doc(9, { key: stranger }), 'signature'],
      [await doc(8, { days: -0.5 }), 'expired'],
      ['{"hotfix":1}', 'malformed'],
      [await doc(4), 'old-serial'],
    ] as const) {
      replies[URL_SOURCE] = body;
      const s = await refreshHotfix(db, deps());
      expect(s.kept?.serial, problem).toBe(5);
      expect(s.refusals[0], problem).toMatchObject({ source: URL_SOURCE, problem });
      expect(s.effect.disabled).toEqual({ 'status-chip': '认证状态列改名' });
    }
    // The same refusal again is one line, moved to the top.
    replies[URL_SOURCE] = await doc(4);
    now += 1000;
    const s = await refreshHotfix(db, deps());
    expect(s.refusals.filter((r) => r.problem === 'old-serial')).toHaveLength(1);
    expect(s.refusals[0]!.at).toBe(now);
  });

  it('a newer serial from any source replaces the kept one', async () => {
    replies[`${TEAM}/v1/hotfix`] = await doc(5);
    await refreshHotfix(db, deps());
    await setHotfixUrl(db, URL_SOURCE);
    replies[URL_SOURCE] = await doc(6, { reason: '另一个原因' });
    const s = await refreshHotfix(db, deps());
    expect(s.kept).toMatchObject({ serial: 6, source: URL_SOURCE });
    expect(s.effect.disabled['status-chip']).toBe('另一个原因');
  });

  it('keeps using the last good copy offline for 30 days, then not; a source serving it again confirms it', async () => {
    replies[`${TEAM}/v1/hotfix`] = await doc(5);
    await refreshHotfix(db, deps());
    replies = {};
    now = T0 + (OFFLINE_DAYS - 1) * DAY;
    let s = await refreshHotfix(db, deps());
    expect(s.effect.disabled['status-chip']).toBeDefined();
    expect(s.refusals).toEqual([]);
    now = T0 + (OFFLINE_DAYS + 1) * DAY;
    s = await hotfixState(db, deps());
    expect(s.effect.disabled).toEqual({});
    expect(s.dormant).toContain('30 天');
    replies[`${TEAM}/v1/hotfix`] = await doc(5);
    s = await refreshHotfix(db, deps());
    expect(s.kept?.confirmedAt).toBe(now);
    expect(s.effect.disabled['status-chip']).toBeDefined();
  });

  it('stops using a document after its own expiry, whatever the sources say', async () => {
    replies[`${TEAM}/v1/hotfix`] = await doc(5, { days: 10 });
    await refreshHotfix(db, deps());
    now = T0 + 11 * DAY;
    const s = await hotfixState(db, deps());
    expect(s.effect.disabled).toEqual({});
    expect(s.dormant).toContain('失效');
  });

  it('a worker without a document (404) is no refusal; another HTTP error is listed', async () => {
    replies[`${TEAM}/v1/hotfix`] = 404;
    expect((await refreshHotfix(db, deps())).refusals).toEqual([]);
    replies[`${TEAM}/v1/hotfix`] = 502;
    expect((await refreshHotfix(db, deps())).refusals[0]).toMatchObject({ problem: 'unreachable' });
  });

  it('accepts only https addresses (http on this computer), without credentials', () => {
    expect(checkHotfixUrl('https://example.org/h.json')).toBeNull();
    expect(checkHotfixUrl('http://127.0.0.1:8787/v1/hotfix')).toBeNull();
    expect(checkHotfixUrl('http://example.org/h.json')).toContain('https://');
    expect(checkHotfixUrl('https://u:p@example.org/h.json')).toContain('用户名');
    expect(checkHotfixUrl('例子')).toContain('格式');
  });
});
