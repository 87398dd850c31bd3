import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.LAA_OUT_DIR ?? '.output', 'chrome-mv3');

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the (closed) internet and quiet on a small machine. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra Chromium flags, e.g. the host mapping to the replica. */
  args?: string[];
  /** Keep a profile between launches (two admins, a restart); default: a fresh temporary one. */
  profileDir?: string;
  headless?: boolean;
}

/** Launches Chromium with the production build of the extension loaded. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !opts.profileDir;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'laa-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...QUIET_FLAGS,
      ...(opts.args ?? []),
    ],
  });
  let [background] = context.serviceWorkers();
  background ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(background.url()).host;
  return {
    context,
    background,
    extensionId,
    profileDir,
    async close() {
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
