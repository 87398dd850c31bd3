import type { FrozenRequest, Transport } from './types';

export interface Connection {
  /** The worker's address, e.g. https://sync.example.org (a custom domain: *.workers.dev is unreliable in China). */
  baseUrl: string;
  token: string;
}

const TIMEOUT_MS = 30_000;

/** Requests to the team's worker, from the background only: the host page never sees the token. */
export function httpTransport(conn: Connection, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async send(req: FrozenRequest) {
      const res = await fetchImpl(new URL(req.path, conn.baseUrl), {
        method: req.method,
        headers: {
          Authorization: `Bearer ${conn.token}`,
          'Idempotency-Key': req.idempotencyKey,
          'Content-Type': 'application/json',
        },
        body: req.method === 'DELETE' ? undefined : JSON.stringify(req.body),
        credentials: 'omit',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null; // a proxy's HTML error page: the status says enough
      }
      return { status: res.status, body, retryAfterMs: retryAfter(res.headers.get('Retry-After')) };
    },
  };
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
