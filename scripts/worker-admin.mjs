#!/usr/bin/env node
// `npm run worker:admin -- <command>`: the operator's side of the sync worker, over HTTP, against
// the local worker (npm start) or a deployed one. The admin secret comes from --secret, the
// ADMIN_SECRET environment variable, or .dev.vars (written by `ensure-dev-vars`, which npm start runs).
//
//   create-tenant --name 某市团委 --top-id root --top-name 共青团某市委员会 [--top-type 03TW] [--top-league-id L1] [--no-names]
//   invite --tenant tn_… --org <orgId> [--role committee|branch] [--days 14]
//   upload-hotfix <signed.json>   (the publisher's signed hotfix document, served at GET /v1/hotfix)
//   health
//   ensure-dev-vars        (writes AUDIT_SIGNING_KEY, ADMIN_SECRET and WEBHOOK_KEY into .dev.vars when missing)
//
// Common options: --url http://127.0.0.1:8787 (or LAA_WORKER_URL), --secret … (or ADMIN_SECRET).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const DEV_VARS = resolve(import.meta.dirname, '..', '.dev.vars');

export function readDevVars(file = DEV_VARS) {
  if (!existsSync(file)) return {};
  const out = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*"?([^"]*)"?\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Local secrets for `wrangler dev`: an Ed25519 key for audit checkpoints, an admin secret, a key for robot secrets at rest. */
export function ensureDevVars(file = DEV_VARS) {
  const vars = readDevVars(file);
  const add = [];
  if (!vars.AUDIT_SIGNING_KEY)
    add.push(
      `AUDIT_SIGNING_KEY="${generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}"`,
    );
  if (!vars.ADMIN_SECRET) add.push(`ADMIN_SECRET="${randomBytes(24).toString('base64url')}"`);
  if (!vars.WEBHOOK_KEY) add.push(`WEBHOOK_KEY="${randomBytes(32).toString('base64')}"`);
  if (add.length) {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, `${before}${before && !before.endsWith('\n') ? '\n' : ''}${add.join('\n')}\n`, { mode: 0o600 });
  }
  return { ...readDevVars(file), added: add.length };
}

async function call(url, secret, method, path, body) {
  const res = await fetch(`${url.replace(/\/$/, '')}/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  if (!res.ok) {
    console.error(`失败 (${res.status})：${json.error?.message ?? text}`);
    process.exit(1);
  }
  return json;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.LAA_WORKER_URL ?? 'http://127.0.0.1:8787' },
      secret: { type: 'string' },
      name: { type: 'string' },
      'top-id': { type: 'string' },
      'top-name': { type: 'string' },
      'top-type': { type: 'string', default: '03TW' },
      'top-league-id': { type: 'string' },
      'no-names': { type: 'boolean', default: false },
      tenant: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string', default: 'committee' },
      days: { type: 'string', default: '14' },
    },
  });
  const [command] = positionals;
  if (command === 'ensure-dev-vars') {
    const r = ensureDevVars();
    console.log(r.added ? `.dev.vars：已生成 ${r.added} 项本地密钥` : '.dev.vars：本地密钥已存在');
    return;
  }
  const secret = values.secret ?? process.env.ADMIN_SECRET ?? readDevVars().ADMIN_SECRET;
  if (command === 'health') {
    console.log(JSON.stringify(await (await fetch(`${values.url}/v1/health`)).json()));
    return;
  }
  if (!secret) {
    console.error('缺少管理密钥：请用 --secret 或环境变量 ADMIN_SECRET 提供（本地运行时见 .dev.vars）');
    process.exit(1);
  }
  if (command === 'create-tenant') {
    for (const k of ['name', 'top-id', 'top-name']) {
      if (!values[k]) {
        console.error(`缺少 --${k}`);
        process.exit(1);
      }
    }
    const r = await call(values.url, secret, 'POST', '/admin/tenants', {
      name: values.name,
      topOrg: {
        id: values['top-id'],
        name: values['top-name'],
        type: values['top-type'],
        leagueId: values['top-league-id'],
      },
      storeNames: !values['no-names'],
      inviteTtlDays: Number(values.days),
    });
    console.log(`团队已创建：${r.tenantId}`);
    console.log(
      `首个邀请码（${r.invite.role === 'committee' ? '团委管理员' : '团支部管理员'}，${r.invite.orgId}，有效期至 ${r.invite.expiresAt}）：`,
    );
    console.log(`  ${r.invite.code}`);
    console.log('请在扩展的选项页输入此邀请码加入团队；邀请码只能使用一次。');
    console.log(JSON.stringify(r));
    return;
  }
  if (command === 'invite') {
    if (!values.tenant || !values.org) {
      console.error('缺少 --tenant 或 --org');
      process.exit(1);
    }
    const r = await call(values.url, secret, 'POST', `/admin/tenants/${encodeURIComponent(values.tenant)}/invites`, {
      orgId: values.org,
      role: values.role,
      ttlDays: Number(values.days),
    });
    console.log(`邀请码（${r.role}，${r.orgId}，有效期至 ${r.expiresAt}）：\n  ${r.code}`);
    console.log(JSON.stringify(r));
    return;
  }
  if (command === 'upload-hotfix') {
    const file = positionals[1];
    if (!file || !existsSync(file)) {
      console.error('用法：npm run worker:admin -- upload-hotfix <签发.json>');
      process.exit(1);
    }
    // Sent as the publisher wrote it: the signature covers the text inside, not this file's layout.
    const r = await call(values.url, secret, 'PUT', '/admin/hotfix', readFileSync(file, 'utf8'));
    console.log(`修复通知已上传：编号 ${r.serial}，有效至 ${r.expiresAt}；扩展会在几小时内取到（GET /v1/hotfix）`);
    return;
  }
  console.error(
    '用法：npm run worker:admin -- create-tenant|invite|upload-hotfix|health|ensure-dev-vars [选项]（详见 docs/worker.md）',
  );
  process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
