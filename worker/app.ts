import { Hono } from 'hono';
import type { AppEnv } from './env';
import { health } from './routes/health';

export const app = new Hono<AppEnv>().basePath('/v1').route('/health', health);
