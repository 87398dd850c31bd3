import type { Bindings } from './env';
import { app } from './app';

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, _env: Bindings, _ctx: ExecutionContext) {},
} satisfies ExportedHandler<Bindings>;
