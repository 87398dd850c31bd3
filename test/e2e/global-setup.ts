import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** End-to-end tests run the production build: build it once per run. */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
