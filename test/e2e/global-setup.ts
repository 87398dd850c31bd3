import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newHotfixKeyPair } from '../../shared/hotfix/sign';
import { E2E_HOTFIX_KEY_FILE } from '../support/hotfix';

/**
 * End-to-end tests run the production build: build it once per run. The build also trusts a
 * hotfix key made for this run (its private half stays in .tmp/, git-ignored), so the tests can
 * sign documents the extension believes; a release build is made without it.
 */
export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const key = await newHotfixKeyPair();
  mkdirSync(resolve('.tmp'), { recursive: true });
  writeFileSync(E2E_HOTFIX_KEY_FILE, JSON.stringify(key), { mode: 0o600 });
  execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WXT_HOTFIX_TEST_KEYS: key.publicKey },
  });
}
