import type { Bindings } from './env';
import { app } from './app';
import { sealAll } from './audit/seal';
import { DIGEST_CRON, runDigests } from './jobs/digest';
import { prune } from './jobs/maintenance';
import { rekeySecrets } from './jobs/rekey';
import { verifyAll } from './jobs/verify';

/** wrangler.toml's crons: the digest and the full audit verify at 08:00 Asia/Shanghai; every 5 minutes, sealing and pruning. */
export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (controller.cron === DIGEST_CRON) {
      ctx.waitUntil(Promise.all([runDigests(env, controller.scheduledTime), verifyAll(env)]));
      return;
    }
    await sealAll(env);
    await prune(env);
    await rekeySecrets(env);
  },
} satisfies ExportedHandler<Bindings>;
