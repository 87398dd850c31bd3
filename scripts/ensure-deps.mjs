// Runs before `npm start` and `npm test`: on a fresh clone (or after package-lock.json changed)
// install the pinned packages first, so either command works as the very first one.
// Only Node built-ins here: nothing else is installed yet.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('正在安装依赖（npm ci）… / installing packages');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
