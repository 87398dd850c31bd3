import { Hono } from 'hono';
import { newestMigration } from '../db/health';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  return c.json({ ok: true, service: 'league-archive-sync', schema: await newestMigration(c.env.DB) });
});
