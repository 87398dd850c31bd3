// The one set-up behind `npm test`, `npm start` and `.ci/run`: what the machine needs beyond the
// npm packages (Chromium, the CJK fonts, the Kai faces the handwriting fixtures use) is installed
// with apt-get where this user may (root, or `sudo -n` without a password); otherwise it stops
// before anything runs, with one line saying exactly what to run. Then, for `npm test` and
// `npm start`, the pinned npm packages are installed if missing or stale.
// Only Node built-ins here: nothing else is installed yet.
//
//   node scripts/setup.mjs test    before `npm test`: the machine, then the packages
//   node scripts/setup.mjs start   before `npm start`: the packages (start.mjs checks the machine where it opens Chromium)
//   node scripts/setup.mjs ci      in .ci/run: the machine only (it runs `npm ci` itself)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What each command needs of the machine: a Debian package, and how to tell it is there. */
export const NEEDS = [
  { pkg: 'chromium', what: 'Chromium', kind: 'browser', for: ['test', 'start'] },
  {
    pkg: 'fonts-noto-cjk',
    what: 'Noto Sans CJK 字体',
    kind: 'font',
    family: 'Noto Sans CJK SC',
    for: ['test', 'start'],
  },
  { pkg: 'fonts-arphic-ukai', what: '楷体 AR PL UKai', kind: 'font', family: 'AR PL UKai CN', for: ['test'] },
  {
    pkg: 'fonts-arphic-gkai00mp',
    what: '楷体 AR PL KaitiM GB',
    kind: 'font',
    family: 'AR PL KaitiM GB',
    for: ['test'],
  },
];

const RERUN = { test: 'npm test', start: 'npm start', ci: 'bash .ci/run' };

/** CI runs the tests: it needs what they need. */
const needed = (purpose) => NEEDS.filter((n) => n.for.includes(purpose === 'ci' ? 'test' : purpose));

/**
 * What to do, from the machine's facts alone: `{ kind: 'ready' }`, `{ kind: 'install', sudo,
 * packages }` or `{ kind: 'stop', line }`. facts: { missing: Debian packages, root, sudo (`sudo -n`
 * works), apt (apt-get exists) }.
 */
export function planMachine(facts, purpose) {
  const missing = needed(purpose).filter((n) => facts.missing.includes(n.pkg));
  if (missing.length === 0) return { kind: 'ready' };
  if (!facts.apt) return { kind: 'stop', line: stopLine(missing, 'noApt', purpose) };
  if (!facts.root && !facts.sudo) return { kind: 'stop', line: stopLine(missing, 'noRights', purpose) };
  return { kind: 'install', sudo: !facts.root, packages: missing.map((n) => n.pkg) };
}

/** The one line to stop with: what is missing and exactly what to run. */
export function stopLine(missing, why, purpose) {
  const what = missing.map((n) => n.what).join('、');
  const pkgs = missing.map((n) => n.pkg).join(' ');
  const rerun = RERUN[purpose];
  const install = `sudo apt-get update && sudo apt-get install -y ${pkgs}`;
  if (why === 'noApt')
    return `缺少 ${what}：本机没有 apt-get，请用系统的包管理器装上与 Debian 软件包 ${pkgs} 相同的软件，然后再运行 ${rerun}。`;
  if (why === 'noRights')
    return `缺少 ${what}：请先运行  ${install}  然后再运行 ${rerun}（本用户不是 root，也不能免密码使用 sudo，所以没有自动安装）。`;
  return `缺少 ${what}，apt-get 没能装上：请运行  ${install}  看出错原因，然后再运行 ${rerun}。`;
}

/** The facts, read from this machine: run() is spawnSync-like, so a test can fake every answer. */
export function readFacts({ run = spawnSync, env = process.env } = {}) {
  const ok = (cmd, args) => {
    const r = run(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return r.error ? null : r;
  };
  const id = ok('id', ['-u']);
  const root = id?.status === 0 && id.stdout.trim() === '0';
  const sudo = !root && ok('sudo', ['-n', 'true'])?.status === 0;
  const apt = ok('apt-get', ['--version'])?.status === 0;
  const families = ok('fc-list', [':', 'family'])?.stdout ?? '';
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = NEEDS.filter((n) =>
    n.kind === 'browser' ? !isExecutable(chromium) : !families.includes(n.family),
  ).map((n) => n.pkg);
  return { missing, root, sudo, apt };
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs what `purpose` needs, or says what to run and answers false. The line goes to stderr
 * and nothing else is printed on the way out, so it is the last thing the admin reads.
 */
export function prepareMachine(purpose, { run = spawnSync, env = process.env, log = console } = {}) {
  const plan = planMachine(readFacts({ run, env }), purpose);
  if (plan.kind === 'ready') return true;
  if (plan.kind === 'stop') {
    log.error(plan.line);
    return false;
  }
  log.log(`正在安装 ${plan.packages.join(' ')}（apt-get）… / installing`);
  const apt = (args) =>
    run(plan.sudo ? 'sudo' : 'apt-get', plan.sudo ? ['-n', 'apt-get', ...args] : args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (apt(['update', '-qq']).status === 0) apt(['install', '-y', '-qq', ...plan.packages]);
  const still = readFacts({ run, env }).missing;
  const missing = needed(purpose).filter((n) => still.includes(n.pkg));
  if (missing.length === 0) return true;
  log.error(stopLine(missing, 'installFailed', purpose));
  return false;
}

/** On a fresh clone (or after package-lock.json changed): the pinned packages, so either command works first. */
export function ensurePackages() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
  if (!stale) return true;
  console.log('正在安装依赖（npm ci）… / installing packages');
  return spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' }).status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2] ?? 'test';
  if (!(purpose in RERUN)) {
    console.error(`用法：node scripts/setup.mjs test|start|ci`);
    process.exit(2);
  }
  if (purpose !== 'start' && !prepareMachine(purpose)) process.exit(1);
  if (purpose !== 'ci' && !ensurePackages()) process.exit(1);
}
