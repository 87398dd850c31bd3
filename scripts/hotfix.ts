#!/usr/bin/env node
// `npm run hotfix -- <command>`: the publisher's side of the hotfix channel (docs/overlay.md).
//
//   keygen [--key <file>]                 a new Ed25519 key pair: the private key to <file> (0600,
//                                         never inside the repository), the public key printed for
//                                         extension/hotfix/keys.ts
//   sign <draft.json> [--key <file>] [--out <signed.json>]
//                                         checks the draft against the format and signs it
//   check <signed.json>                   what the extension would make of it (keys, expiry, rules)
//
// The private key comes from --key, LAA_HOTFIX_PRIVATE_KEY (base64), or the default file
// ~/.config/league-archive-assistant/hotfix-private-key.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorText } from '../shared/errorText';
import { effectFor } from '../shared/hotfix/format';
import { newHotfixKeyPair, publicKeyOf, signHotfix } from '../shared/hotfix/sign';
import { readHotfix } from '../shared/hotfix/verify';
import { PUBLISHER_KEYS } from '../extension/hotfix/keys';
import pkg from '../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_KEY = resolve(homedir(), '.config/league-archive-assistant/hotfix-private-key');

function die(message: string): never {
  console.error(message);
  process.exit(1);
}

function insideRepo(file: string): boolean {
  const rel = relative(ROOT, resolve(file));
  return !rel.startsWith('..') && !rel.startsWith('/');
}

function privateKey(file: string | undefined): string {
  if (!file && process.env.LAA_HOTFIX_PRIVATE_KEY) return process.env.LAA_HOTFIX_PRIVATE_KEY.trim();
  const path = file ?? DEFAULT_KEY;
  if (!existsSync(path)) die(`找不到私钥文件 ${path}：请用 --key 指定，或先运行 npm run hotfix -- keygen`);
  return readFileSync(path, 'utf8').trim();
}

async function keygen(file = DEFAULT_KEY): Promise<void> {
  if (insideRepo(file)) die('私钥不能放在仓库目录里：请换一个位置（默认 ~/.config/league-archive-assistant/）');
  if (existsSync(file)) die(`${file} 已存在：不会覆盖已有私钥`);
  const pair = await newHotfixKeyPair();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${pair.privateKey}\n`, { mode: 0o600 });
  console.log(`私钥已写入 ${file}（仅本人可读；请另行离线备份，切勿提交到仓库）`);
  console.log(`公钥（写入 extension/hotfix/keys.ts 的 PUBLISHER_KEYS）：\n  ${pair.publicKey}`);
}

async function sign(draft: string, keyFile: string | undefined, out: string | undefined): Promise<void> {
  const key = privateKey(keyFile);
  const pub = await publicKeyOf(key);
  if (!PUBLISHER_KEYS.includes(pub))
    console.warn(`注意：此私钥的公钥 ${pub} 不在扩展内置的发布者公钥中，扩展不会接受它签发的通知。`);
  if (!existsSync(draft)) die(`找不到草稿 ${draft}`);
  let doc;
  try {
    doc = await signHotfix(JSON.parse(readFileSync(draft, 'utf8')), key);
  } catch (e) {
    die(`草稿不符合修复通知的格式：${errorText(e)}`);
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  if (out) console.log(`已签发：${out}（上传到同步服务：npm run worker:admin -- upload-hotfix ${out}）`);
}

async function check(file: string): Promise<void> {
  const r = await readHotfix(readFileSync(file, 'utf8'), { keys: PUBLISHER_KEYS, now: Date.now() });
  if (!r.ok) die(r.message);
  const e = effectFor(r.payload, pkg.version);
  console.log(`编号 ${r.payload.serial}，有效至 ${r.payload.expiresAt}；对本版本 ${pkg.version}：`);
  console.log(JSON.stringify(e, null, 2));
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string' }, out: { type: 'string' } },
});
const [command, file] = positionals;
if (command === 'keygen') await keygen(values.key);
else if (command === 'sign' && file) await sign(file, values.key, values.out);
else if (command === 'check' && file) await check(file);
else die('用法：npm run hotfix -- keygen | sign <草稿.json> [--key 私钥文件] [--out 签发.json] | check <签发.json>');
