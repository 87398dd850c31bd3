import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  // The newest migration applied: every migration records its number in schema_info.
  const row = await c.env.DB.prepare('SELECT max(version) AS n FROM schema_info').first<{ n: number | null }>();
  return c.json({ ok: true, service: 'league-archive-sync', schema: row?.n ?? 0 });
});
