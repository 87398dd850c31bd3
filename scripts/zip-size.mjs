// `npm run zip`: `wxt zip` (its arguments passed on, e.g. `-- -b firefox`), then the package's size
// against its limit — the OCR models ship inside the extension, and the zip must stay ≤ 40 MB
// (issue 14). `npm run bench:zip` (--scratch) zips into .tmp/zip-check instead, leaving .output
// alone. Prints the size and, last, one JSON line; exits 1 over the limit.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LIMIT_BYTES = 40_000_000;
const scratch = process.argv.includes('--scratch');
const args = process.argv.slice(2).filter((a) => a !== '--scratch');
const outDir = resolve(scratch ? '.tmp/zip-check' : (process.env.LAA_OUT_DIR ?? '.output'));

if (scratch) rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'zip', ...args], {
  stdio: ['ignore', scratch ? 'ignore' : 'inherit', 'inherit'],
  env: { ...process.env, LAA_OUT_DIR: outDir },
});

// The package just made (a Firefox zip comes with a sources zip, which is not installed).
const [zip] = readdirSync(outDir)
  .filter((f) => f.endsWith('.zip') && !f.endsWith('-sources.zip'))
  .map((f) => ({ f, ...statSync(join(outDir, f)) }))
  .filter((z) => z.mtimeMs >= started - 1000)
  .sort((a, b) => b.mtimeMs - a.mtimeMs);
if (!zip) {
  console.error(`wxt zip 没有在 ${outDir} 中生成 zip 包。`);
  process.exit(1);
}
const mb = (n) => (n / 1e6).toFixed(1);
const ok = zip.size <= LIMIT_BYTES;
console.log(
  `${zip.f}: ${mb(zip.size)} MB (${zip.size} bytes), limit ${mb(LIMIT_BYTES)} MB: ${ok ? 'ok' : 'TOO LARGE'}`,
);
console.log(
  JSON.stringify({
    zipBytes: zip.size,
    limitBytes: LIMIT_BYTES,
    ratio: Math.round((zip.size / LIMIT_BYTES) * 100) / 100,
    ok,
  }),
);
if (!ok) process.exit(1);
