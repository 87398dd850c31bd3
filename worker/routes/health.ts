import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  const row = await c.env.DB.prepare('SELECT count(*) AS n FROM schema_info').first<{ n: number }>();
  return c.json({ ok: true, service: 'league-archive-sync', schema: row?.n ?? 0 });
});
