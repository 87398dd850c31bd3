import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('GET /v1/health', () => {
  it('answers with the applied schema', async () => {
    const res = await SELF.fetch('https://sync.test/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'league-archive-sync', schema: 5 });
  });
});
