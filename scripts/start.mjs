// `npm start`: the main job on one machine — the local sync worker (D1 and R2 on disk under
// .wrangler/, migrations applied first), the 智慧团建 replica, and the production build of the
// extension; where a display exists, Chromium opens with the extension loaded and the replica
// mapped to zhtj.youth.cn. Ctrl-C stops everything (each child runs in its own process group,
// so workerd is not orphaned).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareMachine } from './setup.mjs';

const { values: opts } = parseArgs({
  options: {
    'worker-port': { type: 'string', default: '8787' },
    'replica-port': { type: 'string', default: '8443' },
    'no-browser': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const opensBrowser = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !opts['no-browser'];
// Where Chromium would open: it and the CJK fonts are there (installed where this user may), or
// npm start stops here with the one line to run.
if (opensBrowser && !prepareMachine('start')) process.exit(1);

const workerPort = Number(opts['worker-port']);
const replicaPort = Number(opts['replica-port']);
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' };
const bin = (name) => resolve('node_modules/.bin', name);
const children = [];
let stopping = false;

function run(name, cmd, args, env = quietEnv) {
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const tag = `[${name}] `;
  const relay = (stream) => (buf) => stream.write(buf.toString().replace(/^(?=.)/gm, tag));
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${tag}exited (${code}); stopping everything.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) killGroup(c, 'SIGTERM');
  setTimeout(() => {
    for (const c of children) killGroup(c, 'SIGKILL');
    process.exit(code);
  }, 1500).unref();
  Promise.all(
    children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  ).then(() => {
    // wrangler can exit before its workerd does: nothing of any group may outlive npm start.
    for (const c of children) killGroup(c, 'SIGKILL');
    process.exit(code);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function answers200(url) {
  return new Promise((resolve) => {
    const req = httpsGet(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

async function waitFor(url, what, timeoutMs = 60_000, init) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      // The replica's certificate is self-signed (made at its start): check it answers, not who it is.
      if (url.startsWith('https:') ? await answers200(url) : (await fetch(url, init)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not come up at ${url}`);
}

if (!opts['skip-build']) {
  console.log('构建扩展（生产版本）… / building the extension');
  execFileSync(bin('wxt'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Local secrets of the worker (audit signing key, admin secret) in .dev.vars, made once.
execFileSync(process.execPath, ['scripts/worker-admin.mjs', 'ensure-dev-vars'], { stdio: 'inherit' });

console.log('应用数据库迁移… / applying D1 migrations locally');
execFileSync(bin('wrangler'), ['d1', 'migrations', 'apply', 'league-archive', '--local'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: quietEnv,
});

run('worker', bin('wrangler'), [
  'dev',
  '--local',
  '--ip',
  '127.0.0.1',
  '--port',
  String(workerPort),
  '--test-scheduled',
  '--show-interactive-dev-session=false',
]);

const replicaMain = resolve('test/replica/main.ts');
const hasReplica = existsSync(replicaMain);
if (hasReplica) run('replica', bin('tsx'), [replicaMain, '--port', String(replicaPort)]);

try {
  await waitFor(`http://127.0.0.1:${workerPort}/v1/health`, 'the worker');
  if (hasReplica) await waitFor(`https://127.0.0.1:${replicaPort}/__replica/health`, 'the replica', 60_000);
} catch (err) {
  console.error(String(err));
  stop(1);
}

const hostRules = `MAP zhtj.youth.cn 127.0.0.1:${replicaPort},MAP m.zhtj.youth.cn 127.0.0.1:${replicaPort}`;
console.log(`
团员电子档案助手 — 本地运行中 / running locally
  同步服务 worker:      http://127.0.0.1:${workerPort}/v1/health
  智慧团建演示环境 replica: ${hasReplica ? `https://127.0.0.1:${replicaPort}/zhtj/  (self-signed certificate)` : '(not built yet)'}
  扩展 extension build:  ${resolve('.output/chrome-mv3')}
  Chromium 手动启动 / by hand:
    chromium --user-data-dir=.tmp/chromium-profile --load-extension=.output/chrome-mv3 \\
      --host-resolver-rules="${hostRules}" --ignore-certificate-errors https://zhtj.youth.cn/zhtj/
按 Ctrl-C 停止 / Ctrl-C stops everything.`);

if (opensBrowser) {
  mkdirSync('.tmp/chromium-profile', { recursive: true });
  run('chromium', chromium, [
    '--user-data-dir=.tmp/chromium-profile',
    `--disable-extensions-except=${resolve('.output/chrome-mv3')}`,
    `--load-extension=${resolve('.output/chrome-mv3')}`,
    `--host-resolver-rules=${hostRules}`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    'https://zhtj.youth.cn/zhtj/',
  ]);
}
