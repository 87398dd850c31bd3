// `npm run bench:worker`: a tenant of 2,000 organisations and 100,000 members in a local worker
// (workerd, local D1 and R2 on disk), seeded through the API in 5,000-row batches. Prints the figures,
// then, as its last line, one JSON object.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevVars } from '../../scripts/worker-admin.mjs';
import { startLocalWorker } from './worker-local.mjs';

const { values: opt } = parseArgs({
  options: {
    orgs: { type: 'string', default: '2000' },
    members: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '5000' },
    'reminder-runs': { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    // Re-sync every member once more with a new status: what each later change adds to the database.
    'update-pass': { type: 'boolean', default: false },
  },
});
const ORGS = Number(opt.orgs);
const MEMBERS = Number(opt.members);
const BATCH = Number(opt.batch);
const RUNS = Number(opt['reminder-runs']);

const DAY = 86_400_000;
const chinaDate = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯晨欣怡佳琪梓涵子轩雨婷思远';
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (s) => s[Math.floor(rand() * s.length)];

/** 1 top committee, 2% schools, 5 colleges per school, the rest branches spread over the colleges. */
function makeOrgs(n) {
  const schools = Math.max(1, Math.round(n * 0.0095));
  const colleges = schools * 5;
  const branches = n - 1 - schools - colleges;
  const orgs = [];
  for (let s = 0; s < schools; s++)
    orgs.push({ id: `s${s}`, name: `第${s + 1}大学团委`, type: '03TW', parentId: 'root' });
  for (let c = 0; c < colleges; c++)
    orgs.push({ id: `c${c}`, name: `第${c + 1}学院团委`, type: '03TW', parentId: `s${c % schools}` });
  for (let b = 0; b < branches; b++)
    orgs.push({
      id: `b${b}`,
      name: `第${b + 1}团支部`,
      type: b % 10 === 0 ? '06BYBTZB' : '01TZB',
      parentId: `c${b % colleges}`,
      leagueId: `L${b}`,
    });
  return { orgs, branches };
}

function member(i, branches, now) {
  const joined = now - Math.floor(rand() * 420) * DAY;
  // Approved within 10 days of joining, never after today (the worker refuses a future date).
  const approved = rand() < 0.6 ? Math.min(joined + Math.floor(rand() * 10) * DAY, now) : null;
  const r = rand();
  const status =
    r < 0.45 ? 'certified' : r < 0.6 ? 'pending' : r < 0.68 ? 'rejected' : r < 0.95 ? 'notUploaded' : 'uncertified';
  const joinedOn = chinaDate(joined);
  return {
    org: { leagueId: `L${i % branches}` },
    hostId: `u${i}`,
    name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ''),
    devNumber: `${joinedOn.slice(0, 4)}${String(i).padStart(8, '0')}`,
    joinedOn,
    approvedOn: approved ? chinaDate(approved) : null,
    status,
    rejectionReason: status === 'rejected' ? '第3页缺少介绍人签名，请补充后重新上传' : null,
    graduating: rand() < 0.1,
    observedAt: new Date(now - 60_000).toISOString(),
  };
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function dirBytes(dir, suffixes) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && suffixes.some((s) => e.name.endsWith(s)))
      total += statSync(join(e.parentPath ?? e.path, e.name)).size;
  }
  return total;
}

const vars = ensureDevVars();
const persistTo = mkdtempSync(join(tmpdir(), 'laa-bench-'));
const worker = await startLocalWorker({
  log: !!process.env.BENCH_LOG,
  persistTo,
  vars: {
    ADMIN_SECRET: vars.ADMIN_SECRET,
    AUDIT_SIGNING_KEY: vars.AUDIT_SIGNING_KEY,
    WEBHOOK_KEY: vars.WEBHOOK_KEY,
    RATE_WRITES_PER_MIN: '1000000',
  },
});
let keySeq = 0;
async function call(method, path, { token, body, headers = {} } = {}) {
  const t0 = performance.now();
  const res = await fetch(`${worker.url}/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text), ms, headers: res.headers };
}

try {
  const now = Date.now();
  const tenant = await call('POST', '/admin/tenants', {
    token: vars.ADMIN_SECRET,
    body: { name: '基准测试团委', topOrg: { id: 'root', name: '共青团基准市委员会', type: '03TW' } },
  });
  const { token } = (
    await call('POST', '/invites/redeem', { body: { code: tenant.json.invite.code, label: '基准测试' } })
  ).json;
  const { orgs, branches } = makeOrgs(ORGS);
  const imported = await call('POST', '/orgs/import', { token, body: { orgs } });
  console.log(`organisations: ${orgs.length + 1} imported in ${round(imported.ms)} ms`);

  const batchMs = [];
  for (let start = 0; start < MEMBERS; start += BATCH) {
    const observations = Array.from({ length: Math.min(BATCH, MEMBERS - start) }, (_, k) =>
      member(start + k, branches, now),
    );
    const r = await call('POST', '/sync', {
      token,
      body: { observations },
      headers: { 'Idempotency-Key': `bench-key-${++keySeq}` },
    });
    if (r.json.members.created !== observations.length)
      throw new Error(
        `sync created ${r.json.members.created}; refused: ${JSON.stringify(r.json.refused?.slice(0, 3))}`,
      );
    batchMs.push(r.ms);
  }
  const syncSeconds = batchMs.reduce((a, b) => a + b, 0) / 1000;
  const syncRowsPerSec = Math.round(MEMBERS / syncSeconds);
  console.log(
    `sync: ${MEMBERS} members in ${batchMs.length} batches of ${BATCH}: ${round(syncSeconds, 2)} s, ${syncRowsPerSec} rows/s (batch ${round(Math.min(...batchMs))}–${round(Math.max(...batchMs))} ms)`,
  );

  // The top committee's reminders, each after a write, so a cached answer could not pass.
  // A probe member whose status flips on every write: the next answer must show it.
  const probe = (status) => ({
    org: { leagueId: 'L0' },
    hostId: 'bench-probe',
    name: '测试探针',
    joinedOn: chinaDate(Date.now() - 2 * DAY),
    status,
    observedAt: new Date().toISOString(),
  });
  await call('POST', '/sync', {
    token,
    body: { observations: [probe('notUploaded')] },
    headers: { 'Idempotency-Key': `bench-key-${++keySeq}` },
  });
  const base = (await call('GET', '/reminders', { token })).json.counters.certified;
  const remMs = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const status = i % 2 === 0 ? 'certified' : 'notUploaded';
    await call('POST', '/sync', {
      token,
      body: { observations: [probe(status)] },
      headers: { 'Idempotency-Key': `bench-key-${++keySeq}` },
    });
    last = await call('GET', '/reminders', { token });
    if (last.json.counters.certified !== base + (status === 'certified' ? 1 : 0))
      throw new Error('reminders did not show the write just made');
    remMs.push(last.ms);
  }
  const remindersQueries = Number(last.headers.get('X-D1-Queries'));
  const remindersRowsRead = Number(last.headers.get('X-D1-Rows-Read'));
  const remindersP95Ms = round(percentile(remMs, 95));
  console.log(
    `reminders: Server-Timing ${last.headers.get('Server-Timing')}; ${JSON.stringify(last.json).length} bytes of JSON`,
  );
  console.log(
    `reminders (top committee, ${RUNS} runs, a write before each): p50 ${round(percentile(remMs, 50))} ms, p95 ${remindersP95Ms} ms; D1: ${remindersQueries} queries, ${remindersRowsRead} rows read; ${last.json.counters.total} members, ${last.json.orgs.length} organisations`,
  );

  const counts = [];
  for (let i = 0; i < 5; i++)
    counts.push((await call('GET', '/admin/diagnostics/count', { token: vars.ADMIN_SECRET })).json);
  const countAllMs = round(
    percentile(
      counts.map((c) => c.ms),
      50,
    ),
    2,
  );
  console.log(
    `SELECT count(*) FROM members: ${counts[0].members} rows, median ${countAllMs} ms inside the worker (D1 reports ${round(counts[0].d1DurationMs, 2)} ms, ${counts[0].rowsRead} rows read)`,
  );

  const seal = async () => {
    const res = await fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/5 * * * *')}`);
    if (!res.ok) throw new Error(`seal: ${res.status}`);
  };
  const verify = async (query, mode) => {
    const r = await call('GET', `/audit/verify${query}`, { token });
    if (!r.json.ok) throw new Error(`verify failed: ${JSON.stringify(r.json)}`);
    if (r.json.mode !== mode) throw new Error(`verify ran ${r.json.mode}, expected ${mode}`);
    return r;
  };
  const t0 = performance.now();
  await seal();
  const sealMs = round(performance.now() - t0);
  // The baseline: every entry re-hashed (as the daily cron does), three times.
  const verifies = [];
  let v;
  for (let i = 0; i < 3; i++) {
    v = await verify('?full=1', 'full');
    verifies.push(v.ms);
  }
  const verifyMs = round(percentile(verifies, 50));
  console.log(
    `audit: ${v.json.entries} entries sealed in ${sealMs} ms into ${v.json.checkpoints} segments; full verify ${verifies.map((x) => round(x)).join(' / ')} ms (median ${verifyMs})`,
  );
  // What an admin's verify costs a day later: 1,000 new entries (sealed by the cron) on top of all those verified.
  const NEW_ENTRIES = 1000;
  const incremental = [];
  for (let round_ = 0; round_ < 3; round_++) {
    const before = v.json.entries;
    const observations = Array.from({ length: NEW_ENTRIES }, (_, k) =>
      member(MEMBERS + round_ * NEW_ENTRIES + k, branches, now),
    );
    await call('POST', '/sync', {
      token,
      body: { observations },
      headers: { 'Idempotency-Key': `bench-key-${++keySeq}` },
    });
    await seal();
    v = await verify('', 'incremental');
    if (v.json.entries - before < NEW_ENTRIES) throw new Error(`only ${v.json.entries - before} new entries`);
    incremental.push(v.ms);
  }
  const verifyIncrementalMs = round(percentile(incremental, 50));
  console.log(
    `audit: verify after ${NEW_ENTRIES} new entries on top of those verified ${incremental.map((x) => round(x)).join(' / ')} ms (median ${verifyIncrementalMs}, target ≤ 100; ${round(verifyIncrementalMs / verifyMs, 3)}× the full verify of this run)`,
  );

  // 50 writers on the tenant at once, each retrying on 429 after Retry-After as the extension does: never a 5xx.
  const WRITERS = 50;
  const statuses = [];
  const totalBefore = (await call('GET', '/reminders', { token })).json.counters.total;
  const tc = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, i) => {
      const key = `bench-concurrent-${i}`;
      const body = JSON.stringify({ observations: [member(MEMBERS + 3 * NEW_ENTRIES + i, branches, now)] });
      for (;;) {
        const res = await fetch(`${worker.url}/v1/sync`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body,
        });
        const text = await res.text();
        statuses.push(res.status);
        if (res.status >= 500) console.error(`concurrent write ${i}: ${res.status} ${text.slice(0, 300)}`);
        if (res.status !== 429) return;
        await new Promise((r) => setTimeout(r, Number(res.headers.get('Retry-After') ?? 1) * 1000 * Math.random()));
      }
    }),
  );
  const concurrentMs = round(performance.now() - tc);
  const concurrentWrites5xx = statuses.filter((x) => x >= 500).length;
  const applied = (await call('GET', '/reminders', { token })).json.counters.total - totalBefore;
  v = await verify('', 'incremental');
  console.log(
    `concurrent writes: ${WRITERS} writers in ${concurrentMs} ms, ${statuses.length} requests (${statuses.filter((x) => x === 429).length} × 429 retried), ${concurrentWrites5xx} × 5xx (must be 0), ${applied} of ${WRITERS} applied; the chain verifies`,
  );
  const written = MEMBERS + 3 * NEW_ENTRIES + WRITERS;

  const dbBytes = dirBytes(persistTo, ['.sqlite', '.sqlite-wal']);
  console.log(
    `local D1 files: ${round(dbBytes / 1e6)} MB (${Math.round(dbBytes / written)} bytes per member, audit and indexes included)`,
  );
  let bytesPerChange;
  if (opt['update-pass']) {
    const later = new Date().toISOString();
    for (let start = 0; start < MEMBERS; start += BATCH) {
      const observations = Array.from({ length: Math.min(BATCH, MEMBERS - start) }, (_, k) => ({
        org: { leagueId: `L${(start + k) % branches}` },
        hostId: `u${start + k}`,
        status: 'certified',
        approvedOn: chinaDate(now - 200 * DAY),
        observedAt: later,
      }));
      await call('POST', '/sync', {
        token,
        body: { observations },
        headers: { 'Idempotency-Key': `bench-key-${++keySeq}` },
      });
    }
    bytesPerChange = Math.round((dirBytes(persistTo, ['.sqlite', '.sqlite-wal']) - dbBytes) / MEMBERS);
    console.log(
      `a second observation of every member (status, approval date): +${bytesPerChange} bytes per changed member (audit entry, rewritten row)`,
    );
  }

  console.log(
    JSON.stringify({
      members: MEMBERS,
      orgs: orgs.length + 1,
      syncRowsPerSec,
      remindersP95Ms,
      remindersQueries,
      remindersRowsRead,
      countAllMs,
      verifyMs,
      verifyIncrementalMs,
      concurrentWrites5xx,
      concurrentWritesApplied: applied,
      auditEntries: v.json.entries,
      sealMs,
      dbBytes,
      ...(bytesPerChange === undefined ? {} : { bytesPerChange }),
      // Other work on the machine inflates every figure: the 1-minute load average when done.
      loadAvg: round(loadavg()[0], 2),
    }),
  );
} finally {
  await worker.stop();
  if (!opt.keep) rmSync(persistTo, { recursive: true, force: true });
  else console.error(`kept: ${persistTo}`);
}
