/**
 * An in-process client of the replica's back end: the same request handler the HTTPS server
 * runs, called without a socket. Tests and the e2e helper sign in as a replica account with it.
 */
import { handleRequest } from './http';
import type { ReplicaStore } from './store';

export const ORIGIN = 'https://zhtj.youth.cn';

export interface ApiReply<T = any> {
  retCode: number;
  retMsg: string;
  results: T;
}

export interface ReplicaClient {
  /** POST /v1/center/<name> as `account` (default `tzb`), with its session cookie and CSRF token. */
  api<T = any>(name: string, body?: Record<string, unknown> | FormData, account?: string): Promise<ApiReply<T>>;
  /** Any request, as `account` when given (cookie only, no CSRF header). */
  raw(path: string, init?: RequestInit, account?: string): Promise<Response>;
  session(account: string): Promise<{ cookie: string; csrf: string }>;
  forget(): void;
}

export function createClient(store: ReplicaStore, now: () => number = Date.now): ReplicaClient {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const call = (path: string, init: RequestInit = {}) =>
    handleRequest(store, new Request(`${ORIGIN}${path}`, init), now());

  async function session(account: string) {
    const known = sessions.get(account);
    if (known) return known;
    const password = store.state.accounts.find((a) => a.username === account)?.password;
    const res = await call('/v1/center/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account, password }),
    });
    const reply = (await res.json()) as ApiReply<{ csrfToken: string }>;
    if (reply.retCode !== 1000) throw new Error(`replica login ${account}: ${reply.retMsg}`);
    const s = { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrf: reply.results.csrfToken };
    sessions.set(account, s);
    return s;
  }

  return {
    session,
    forget: () => sessions.clear(),
    async api(name, body = {}, account = 'tzb') {
      const s = await session(account);
      const isForm = body instanceof FormData;
      const res = await call(`/v1/center/${name}`, {
        method: 'POST',
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          ...(isForm ? {} : { 'content-type': 'application/json' }),
        },
        body: isForm ? body : JSON.stringify(body),
      });
      return (await res.json()) as ApiReply;
    },
    async raw(path, init = {}, account) {
      const headers = new Headers(init.headers);
      if (account) headers.set('cookie', (await session(account)).cookie);
      return call(path, { ...init, headers });
    },
  };
}
