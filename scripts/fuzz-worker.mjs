// `npm run fuzz:worker [runs]`: the clear-身份证号 guard's fuzz (worker/lib/idCardGuard.security.test.ts)
// with many more cases than `npm test` runs, in workerd like the rest of the worker's tests.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = process.argv[2] ?? '5000';
const r = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'worker',
    'worker/lib/idCardGuard.security.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ID_GUARD_FUZZ_RUNS: runs } },
);
process.exit(r.status ?? 1);
