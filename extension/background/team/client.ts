/**
 * Direct calls to the team's worker, for reads and for the admin's own actions in the options
 * page (an invite, a revocation): answered at once, never queued. Everything the extension
 * observes goes through the durable outbox instead (../sync). Runs in the background only.
 */
import type { ZodType } from 'zod';
import type { Connection } from './types';

export class TeamError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

/** The worker's own Chinese message, or one that says what to do next. */
function messageFor(status: number, body: unknown): { code: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.message === 'string')
    return { code: typeof error.code === 'string' ? error.code : 'error', message: error.message };
  if (status === 429) return { code: 'rate-limited', message: '操作过于频繁：请一分钟后再试' };
  if (status >= 500) return { code: 'server', message: `同步服务暂时出错（${status}）：请稍后再试` };
  return { code: 'error', message: `同步服务拒绝了请求（${status}）` };
}

export function unreachable(baseUrl: string, origin: string): TeamError {
  return new TeamError(
    `无法连接同步服务（${baseUrl}）：请检查地址与网络；若地址无误，请让部署同步服务的管理员把本扩展的来源 ${origin} 加入允许列表（ALLOWED_ORIGINS）`,
    'unreachable',
    0,
  );
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as text/csv instead of JSON. */
  csv?: string;
  token?: string;
  fetchImpl?: typeof fetch;
  origin?: string;
}

/** One request; a reply that is not 2xx, or that does not match `schema`, throws a TeamError. */
export async function callWorker<T>(
  baseUrl: string,
  path: string,
  schema: ZodType<T> | null,
  opts: CallOptions = {},
): Promise<T> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const headers: Record<string, string> = {};
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.csv !== undefined) headers['Content-Type'] = 'text/csv; charset=utf-8';
  else if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetchImpl(new URL(path, baseUrl), {
      method: opts.method ?? (opts.body !== undefined || opts.csv !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.csv ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw unreachable(baseUrl, opts.origin ?? '本扩展的来源');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = schema ? null : text;
  }
  if (!res.ok) {
    const { code, message } = messageFor(res.status, body);
    throw new TeamError(message, code, res.status);
  }
  if (!schema) return body as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new TeamError('同步服务的回复格式不对：请确认同步服务与扩展的版本一致', 'bad-reply', res.status);
  return parsed.data;
}

/** The same, with the connection's token. */
export function workerApi(conn: Pick<Connection, 'baseUrl' | 'token'>, origin: string, fetchImpl?: typeof fetch) {
  return <T>(path: string, schema: ZodType<T> | null, opts: Omit<CallOptions, 'token' | 'fetchImpl' | 'origin'> = {}) =>
    callWorker(conn.baseUrl, path, schema, { ...opts, token: conn.token, fetchImpl, origin });
}
export type WorkerApi = ReturnType<typeof workerApi>;

/** Accepts the worker's address as people paste it; https only, except a worker on this machine. */
export function normaliseBaseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  return url.origin;
}
