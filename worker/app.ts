import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { extensionCors } from './cors';
import { metered, type D1Meter } from './db/metered';
import type { AppEnv } from './env';
import { errorBody, onError } from './errors';
import { idCardGuard } from './lib/idCardGuard';
import { admin } from './routes/admin';
import { audit } from './routes/audit';
import { calendar, feeds } from './routes/feeds';
import { health } from './routes/health';
import { hotfix } from './routes/hotfix';
import { invites } from './routes/invites';
import { localRules } from './routes/localRules';
import { members } from './routes/members';
import { modifications } from './routes/modifications';
import { orgs } from './routes/orgs';
import { reminders } from './routes/reminders';
import { settings } from './routes/settings';
import { sync } from './routes/sync';
import { tokens } from './routes/tokens';
import { webhooks } from './routes/webhooks';

// zod's own messages in Chinese: the users read them.
z.config(z.locales.zhCN());

/** 5,000 rows of observations fit in well under 8 MB. */
const MAX_BODY = 8 * 1024 * 1024;

/**
 * Every reply carries D1's own counts for the request (statements, rows read, time in D1):
 * harmless metadata that keeps the cost of each endpoint visible, and the benchmark reads it.
 */
const meterD1: MiddlewareHandler<AppEnv> = async (c, next) => {
  const meter: D1Meter = { queries: 0, rowsRead: 0, rowsWritten: 0, ms: 0 };
  const started = performance.now();
  c.env = { ...c.env, DB: metered(c.env.DB, meter) };
  await next();
  c.header('X-D1-Queries', String(meter.queries));
  c.header('X-D1-Rows-Read', String(meter.rowsRead));
  c.header('X-D1-Rows-Written', String(meter.rowsWritten));
  // Workers' clock moves only across I/O, so app time is what the isolate saw, D1 included.
  c.header(
    'Server-Timing',
    `d1;dur=${meter.ms.toFixed(2)};desc="${meter.queries} queries, ${meter.rowsRead} rows read", app;dur=${(performance.now() - started).toFixed(2)}`,
  );
};

export const app = new Hono<AppEnv>()
  .basePath('/v1')
  .use(extensionCors)
  .use(meterD1)
  .use(
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => c.json(errorBody('too-large', '请求内容过大：每批最多 5000 行、8 MB，请分批上传'), 413),
    }),
  )
  // Before anything reads a header or the body into a log, a key or the audit log.
  .use(idCardGuard((): readonly { method: string; path: string }[] => app.routes))
  .use(requestId({ headerName: 'X-Request-Id', limitLength: 100 }))
  .route('/health', health)
  .route('/hotfix', hotfix)
  .route('/admin', admin)
  .route('/invites', invites)
  .route('/tokens', tokens)
  .route('/settings', settings)
  .route('/orgs', orgs)
  .route('/sync', sync)
  .route('/members', members)
  .route('/modifications', modifications)
  .route('/reminders', reminders)
  .route('/local-rules', localRules)
  .route('/webhooks', webhooks)
  .route('/feeds', feeds)
  .route('/calendar', calendar)
  .route('/audit', audit);

app.onError(onError);
app.notFound((c) => c.json(errorBody('not-found', '没有这个接口，请检查扩展版本'), 404));
