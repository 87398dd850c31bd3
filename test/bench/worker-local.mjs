// Starts a local worker (wrangler dev: workerd with D1 and R2 on disk) for benchmarks and manual
// checks: its own port and persistence folder, migrations applied first, stopped as a process
// group so workerd is never orphaned.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const wrangler = resolve(root, 'node_modules/.bin/wrangler');
export const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
};

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * The worker is bundled once into the persistence folder and served from there (`--no-bundle`), so
 * edits others make to the checkout while it runs do not restart it mid-benchmark.
 */
export async function startLocalWorker({ persistTo, vars = {}, log = false }) {
  const port = await freePort();
  const outdir = join(persistTo, 'bundle');
  execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: quietEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'league-archive', '--local', '--persist-to', persistTo], {
    cwd: root,
    env: quietEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const args = [
    'dev',
    join(outdir, 'index.js'),
    '--config',
    resolve(root, 'wrangler.toml'),
    '--no-bundle',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persistTo,
    '--test-scheduled',
    '--show-interactive-dev-session=false',
  ];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  const child = spawn(wrangler, args, { cwd: root, env: quietEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b) => {
    output = (output + b.toString()).slice(-20_000);
    if (log) process.stderr.write(b);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  // wrangler may exit on SIGTERM while its workerd is still busy with a request: whatever is left
  // of the process group is killed before stop() answers, or it would outlive us.
  const killRest = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* the whole group is gone */
    }
  };
  const stop = () =>
    new Promise((res) => {
      const done = () => {
        killRest();
        res();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        done();
      }
      setTimeout(done, 3000).unref();
    });
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/v1/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`wrangler dev did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, port, pid: child.pid, stop, output: () => output };
}
