import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /v1/health', () => {
  it('answers with the newest migration applied', async () => {
    const res = await SELF.fetch('https://sync.test/v1/health');
    expect(res.status).toBe(200);
    // Migrations are numbered files (0001_…sql); the last one's number is the schema.
    const newest = Math.max(...env.TEST_MIGRATIONS.map((m) => Number(m.name.slice(0, 4))));
    expect(newest).toBeGreaterThanOrEqual(8);
    expect(await res.json()).toEqual({ ok: true, service: 'league-archive-sync', schema: newest });
  });
});
