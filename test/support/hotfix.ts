/**
 * Hotfix documents for end-to-end tests, signed with the key the run's build trusts
 * (test/e2e/global-setup.ts makes it) — or with any other key, to forge one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HotfixEnvelope } from '../../shared/hotfix/format';
import { signHotfix, type HotfixKeyPair } from '../../shared/hotfix/sign';
import { EXTENSION_DIR } from './chromium';

export const E2E_HOTFIX_KEY_FILE = resolve(import.meta.dirname, '../../.tmp/e2e-hotfix-key.json');

/** The run's key, after checking the build under test trusts it. */
export function trustedTestKey(): HotfixKeyPair {
  const key = existsSync(E2E_HOTFIX_KEY_FILE)
    ? (JSON.parse(readFileSync(E2E_HOTFIX_KEY_FILE, 'utf8')) as HotfixKeyPair)
    : null;
  const bundle = readdirSync(EXTENSION_DIR)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(EXTENSION_DIR, f), 'utf8'))
    .join('\n');
  if (!key || !bundle.includes(key.publicKey))
    throw new Error(
      '这次的扩展构建不信任测试用的修复通知密钥：请不带 E2E_SKIP_BUILD=1 运行一次 e2e（全局准备会重新构建）',
    );
  return key;
}

export const DAY_MS = 86_400_000;

export function hotfixDoc(
  key: HotfixKeyPair,
  serial: number,
  rules: unknown[],
  o: { now?: number; validDays?: number; notice?: string } = {},
): Promise<HotfixEnvelope> {
  const now = o.now ?? Date.now();
  return signHotfix(
    {
      serial,
      issuedAt: new Date(now - DAY_MS).toISOString(),
      expiresAt: new Date(now + (o.validDays ?? 30) * DAY_MS).toISOString(),
      ...(o.notice ? { notice: o.notice } : {}),
      rules,
    },
    key.privateKey,
  );
}
