import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = import.meta.dirname;

/** Dates are China dates whatever the machine's clock says: the pure rules run under three zones. */
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];

export default defineConfig({
  test: {
    // Every core for the units and the worker tests, two at least (vitest's default leaves one to
    // itself: on these two-core machines, one file at a time); the e2e project runs alone after them.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
    projects: [
      ...ZONES.map((tz) => ({
        test: { name: `shared ${tz}`, root, include: ['shared/**/*.test.ts'], env: { TZ: tz } },
      })),
      {
        plugins: [WxtVitest({ root })],
        test: {
          name: 'extension',
          root,
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx', 'test/**/*.unit.test.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(`${root}/worker/migrations`),
                // A fresh audit signing key and admin secret per run (deployments set them as secrets).
                AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
                  .privateKey.export({ format: 'der', type: 'pkcs8' })
                  .toString('base64'),
                ADMIN_SECRET: 'test-admin-secret-0123456789',
                // Robot URLs and secrets are encrypted at rest under this key (a fresh one per run).
                WEBHOOK_KEY: randomBytes(32).toString('base64'),
                // `npm run fuzz:worker` runs the clear-身份证号 fuzz longer than `npm test` does.
                ID_GUARD_FUZZ_RUNS: process.env.ID_GUARD_FUZZ_RUNS ?? '',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          root,
          include: ['worker/**/*.test.ts'],
          setupFiles: ['./test/worker/apply-migrations.ts'],
          // Webhook receivers on loopback: the digest really sends HTTP to them.
          globalSetup: ['./test/worker/receiver-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          // After the other projects, in a group of its own: a group's projects share one worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
