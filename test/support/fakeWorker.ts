/**
 * A worker stand-in for unit tests, answering over `fetch` the way docs/worker.md says: invites,
 * tokens, orgs, and /v1/sync applying each idempotency key once. The real worker is exercised by
 * the e2e tests (test/e2e/team*.test.ts).
 */
import type { OrgView } from '../../shared/api/orgs';
import type { SyncBatch } from '../../shared/api/sync';

export class FakeWorker {
  orgs: OrgView[] = [
    {
      id: 'c23',
      name: '高二（3）班团支部',
      type: '01TZB',
      parentId: null,
      leagueId: null,
      path: ['高二（3）班团支部'],
    },
  ];
  applied = new Map<string, SyncBatch>();
  calls: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
  revoked = new Set<string>();
  /** When set, every request fails as if the network were down. */
  down = false;
  /** Answers to script for /v1/sync, in turn (status codes). */
  syncScript: number[] = [];
  hashKey = btoa(String.fromCharCode(...new Uint8Array(32).fill(9)));

  readonly fetch = (async (input: URL | string, init: RequestInit = {}) => {
    if (this.down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body =
      typeof init.body === 'string' && headers['Content-Type']?.startsWith('application/json')
        ? JSON.parse(init.body)
        : init.body;
    const method = init.method ?? 'GET';
    this.calls.push({ method, path: url.pathname + url.search, headers, body });
    const json = (status: number, b: unknown) =>
      new Response(JSON.stringify(b), { status, headers: { 'Content-Type': 'application/json' } });
    const token = headers.Authorization?.replace('Bearer ', '');
    if (url.pathname === '/v1/invites/redeem') {
      if ((body as { code: string }).code !== 'ABCDE-FGHIJ-KLMNO-PQRST')
        return json(401, { error: { code: 'invite-invalid', message: '邀请码不正确：请核对后重新输入' } });
      return json(201, {
        token: 'laa_tok',
        tokenId: 'tk_1',
        expiresAt: '2027-01-01T00:00:00.000Z',
        role: 'branch',
        org: { id: 'c23', name: '高二（3）班团支部', type: '01TZB' },
        tenant: { id: 'tn_1', name: '演示团委', storeNames: true, hashKey: this.hashKey },
      });
    }
    if (!token || this.revoked.has(token))
      return json(401, { error: { code: 'token-revoked', message: '令牌已被撤销' } });
    if (url.pathname === '/v1/orgs') return json(200, { orgs: this.orgs });
    if (url.pathname === '/v1/sync') {
      const status = this.syncScript.shift() ?? 200;
      if (status !== 200) return json(status, { error: { code: 'x', message: `故障 ${status}` } });
      this.applied.set(headers['Idempotency-Key']!, body as SyncBatch);
      return json(200, {
        members: { created: 0, updated: 0, unchanged: 0 },
        preflights: { recorded: 0 },
        auditEntries: 0,
        serverTime: new Date().toISOString(),
      });
    }
    if (url.pathname === '/v1/tokens/renew')
      return json(200, { tokenId: 'tk_1', expiresAt: '2028-01-01T00:00:00.000Z' });
    if (url.pathname.startsWith('/v1/tokens/') && method === 'DELETE') {
      this.revoked.add(token);
      return json(200, { tokenId: 'tk_1', revokedAt: new Date().toISOString() });
    }
    return json(404, { error: { code: 'not-found', message: '没有这个接口' } });
  }) as unknown as typeof fetch;

  /** Every observation the worker applied, each idempotency key once. */
  observations() {
    return [...this.applied.values()].flatMap((b) => b.observations ?? []);
  }
}
