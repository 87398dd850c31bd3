import { describe, expect, it } from 'vitest';
import { httpTransport } from './transport';
import type { FrozenRequest } from './types';

const req: FrozenRequest = {
  seq: 1,
  method: 'POST',
  path: '/v1/sync',
  body: { observations: [] },
  idempotencyKey: 'key-12345678',
  label: 'x',
  queuedAt: 0,
  attempts: 0,
};

describe('the HTTP transport', () => {
  it('sends the token, the idempotency key and the frozen body, without cookies', async () => {
    let seen: { url: string; init: RequestInit } | null = null;
    const fetchImpl = (async (url: URL, init: RequestInit) => {
      seen = { url: String(url), init };
      return new Response(JSON.stringify({ ok: 1 }), { status: 200 });
    }) as unknown as typeof fetch;
    const reply = await httpTransport({ baseUrl: 'https://sync.example.org', token: 'tok' }, fetchImpl).send(req);
    expect(reply).toEqual({ status: 200, body: { ok: 1 }, retryAfterMs: undefined });
    expect(seen!.url).toBe('https://sync.example.org/v1/sync');
    expect(seen!.init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Idempotency-Key': 'key-12345678' });
    expect(seen!.init.credentials).toBe('omit');
    expect(JSON.parse(String(seen!.init.body))).toEqual({ observations: [] });
  });

  it('reads Retry-After and tolerates a body that is not JSON', async () => {
    const fetchImpl = (async () =>
      new Response('<html>502 Bad Gateway</html>', {
        status: 502,
        headers: { 'Retry-After': '7' },
      })) as unknown as typeof fetch;
    expect(await httpTransport({ baseUrl: 'https://x.test', token: 't' }, fetchImpl).send(req)).toEqual({
      status: 502,
      body: null,
      retryAfterMs: 7000,
    });
  });
});
