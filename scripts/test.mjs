// `npm test`: every test in one vitest run — the pure rules under three time zones, the extension's
// units, the worker inside workerd with local D1/R2, and end-to-end tests of the production build
// in headless Chromium. Results are also written as JSON for .ci/run to count.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
const env = {
  ...process.env,
  VITEST_JSON: '.test-results/vitest.json',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};
const args = ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
process.exit(run.status ?? 1);
