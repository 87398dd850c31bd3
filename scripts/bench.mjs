// `npm run bench`: every `bench:*` script in package.json, one after another (they measure time:
// running them side by side on two cores would spoil each other's figures). Each prints its
// figures and, as its last line, one JSON object; this collects those lines at the end.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter((s) =>
  s.startsWith('bench:'),
);
const results = {};
let failed = 0;
for (const name of scripts) {
  console.log(`\n=== npm run ${name} ===`);
  const run = spawnSync('npm', ['run', '-s', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    results[name] = JSON.parse(last);
  } catch {
    results[name] = { error: `no JSON result (exit ${run.status})` };
  }
  if (run.status !== 0) failed++;
}
console.log('\n=== summary ===');
console.log(JSON.stringify(results));
process.exit(failed ? 1 : 0);
