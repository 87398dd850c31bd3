import type { Bindings } from './env';
import { app } from './app';
import { sealAll } from './audit/seal';
import { runDigests } from './jobs/digest';
import { prune } from './jobs/maintenance';

/** wrangler.toml's crons: "0 0 * * *" is 08:00 in Asia/Shanghai (the digest); every 5 minutes, sealing. */
export const DIGEST_CRON = '0 0 * * *';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (controller.cron === DIGEST_CRON) {
      ctx.waitUntil(runDigests(env, controller.scheduledTime));
      return;
    }
    await sealAll(env);
    await prune(env);
  },
} satisfies ExportedHandler<Bindings>;
