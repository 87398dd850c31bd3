/**
 * What the upload gate and the reviewer's check learned about a file, kept for its member: hash,
 * size, pages, verdict, finding codes and the number read from page 1 — never the file. The
 * page-1 number also becomes the member's `page1Number`, so the list's 编号 mark can compare it.
 * A 仍要上传 override is kept with the admin's reason. When this browser is connected to a team,
 * each result is queued for the sync worker as a `preflight` row.
 */
import type { PreflightResult } from '../../shared/api/sync';
import { REVIEWER_PHRASES } from '../../shared/domain/approval';
import type { KeptFinding } from '../../shared/pdf/grouping';
import type {
  PreflightContext,
  PreflightDecision,
  PreflightRecord,
  PreflightSummary,
  PreflightVerdict,
  RecordPreflightRequest,
} from '../messaging/preflight';
import type { LocalDb } from './store/db';
import { recordFact, recordObservations } from './store/members';
import type { PendingRow } from './sync/types';
import { enqueueRows } from './sync/outbox';
import type { Handlers } from '../messaging/router';

/** Kept per member (newest last) and, for overrides, in one log the audit trail will read. */
export const HISTORY_PREFIX = 'preflight:';
export const OVERRIDES_KEY = 'preflight.overrides';
const HISTORY_MAX = 20;
const OVERRIDES_MAX = 500;
const TENANT_KEY = 'hashKey.tenant';

const CODE = /^[a-z0-9-]{1,40}$/;
const HEX = /^[0-9a-f]{64}$/;
const VERDICTS: readonly string[] = ['pass', 'warn', 'fail'];
const CONTEXTS: readonly string[] = ['upload', 'review'];
const DECISIONS: readonly string[] = ['released', 'held', 'override', 'reviewed'];

/** A request from a content script, checked field by field: anything malformed is refused. */
export function parseRecordRequest(x: unknown): RecordPreflightRequest | string {
  const r = x as Partial<RecordPreflightRequest> | null;
  if (!r || typeof r !== 'object') return '请求格式错误';
  const res = r.result as Partial<PreflightSummary> | undefined;
  if (!res || typeof res.fileName !== 'string' || typeof res.sha256 !== 'string' || !HEX.test(res.sha256))
    return '检查结果缺少文件摘要';
  if (typeof res.bytes !== 'number' || res.bytes < 0 || !Number.isFinite(res.bytes)) return '检查结果缺少文件大小';
  if (res.pages !== null && (typeof res.pages !== 'number' || res.pages < 0)) return '检查结果的页数无效';
  if (typeof res.verdict !== 'string' || !VERDICTS.includes(res.verdict)) return '检查结论无效';
  if (
    !Array.isArray(res.codes) ||
    res.codes.length > 50 ||
    !res.codes.every((c) => typeof c === 'string' && CODE.test(c))
  )
    return '问题代码无效';
  if (res.page1Number !== null && (typeof res.page1Number !== 'string' || !/^\d{1,32}$/.test(res.page1Number)))
    return '首页编号无效';
  if (
    res.sealPages !== undefined &&
    (!Array.isArray(res.sealPages) ||
      res.sealPages.length > 50 ||
      !res.sealPages.every((p) => Number.isInteger(p) && p >= 1 && p <= 10_000))
  )
    return '公章页码无效';
  const findings = parseFindings(res.findings);
  if (typeof findings === 'string') return findings;
  if (typeof r.context !== 'string' || !CONTEXTS.includes(r.context)) return '检查场景无效';
  if (typeof r.decision !== 'string' || !DECISIONS.includes(r.decision)) return '处理方式无效';
  const reason = typeof r.reason === 'string' ? r.reason.trim() : '';
  if (r.decision === 'override' && reason.length < 2) return '请填写仍要上传的理由';
  if (reason.length > 500) return '理由最长 500 字';
  const m = r.member;
  if (m !== null && (typeof m !== 'object' || typeof m?.name !== 'string' || typeof m.org?.name !== 'string'))
    return '团员信息无效';
  const result: PreflightSummary = {
    fileName: res.fileName.slice(0, 300),
    sha256: res.sha256,
    bytes: res.bytes,
    pages: res.pages ?? null,
    verdict: res.verdict as PreflightVerdict,
    codes: [...res.codes],
    page1Number: res.page1Number ?? null,
    ...(res.sealPages ? { sealPages: [...res.sealPages] } : {}),
    ...(findings ? { findings } : {}),
    ...(typeof res.fix === 'string' && CODE.test(res.fix) ? { fix: res.fix } : {}),
    ...(res.contentRead === true ? { contentRead: true } : {}),
  };
  return {
    member: m ?? null,
    result,
    context: r.context as PreflightContext,
    decision: r.decision as PreflightDecision,
    ...(reason ? { reason } : {}),
  };
}

const SEVERITIES: readonly string[] = ['fail', 'warn', 'info'];
const isPage = (p: unknown) => Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 10_000;

/** The grouped findings, checked one by one; undefined when absent, a message when malformed. */
function parseFindings(x: unknown): KeptFinding[] | undefined | string {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length > 60) return '问题列表无效';
  const out: KeptFinding[] = [];
  for (const f of x as Partial<KeptFinding>[]) {
    if (!f || typeof f.code !== 'string' || !CODE.test(f.code)) return '问题列表无效';
    if (typeof f.severity !== 'string' || !SEVERITIES.includes(f.severity)) return '问题列表无效';
    if (!Array.isArray(f.pages) || f.pages.length > 1000 || !f.pages.every(isPage)) return '问题列表无效';
    const phrase = REVIEWER_PHRASES.find((p) => p === f.phrase);
    if (f.phrase !== undefined && !phrase) return '问题列表无效';
    out.push({ code: f.code, severity: f.severity, pages: [...f.pages], ...(phrase ? { phrase } : {}) });
  }
  return out;
}

/**
 * Keeps one result. The member is found (or first kept) the way the list keeps rows, so the
 * result lands on the same member the overlay marks. Answers the member's key.
 */
export async function recordPreflight(
  db: LocalDb,
  req: RecordPreflightRequest,
  now: number,
): Promise<{ key: string | null }> {
  let key: string | null = null;
  const m = req.member;
  if (m && m.name.trim() && m.joinedOn) {
    const obs = {
      org: m.org,
      name: m.name,
      joinedOn: m.joinedOn,
      ...(m.devNumber !== undefined ? { devNumber: m.devNumber } : {}),
    };
    key = (await recordObservations(db, [obs], now)).facts[0]?.key || null;
  }
  const record: PreflightRecord = {
    ...req.result,
    at: now,
    memberKey: key,
    member: m,
    context: req.context,
    decision: req.decision,
    ...(req.reason ? { reason: req.reason } : {}),
  };
  if (key) {
    const historyKey = HISTORY_PREFIX + key;
    const tx = db.transaction('kv', 'readwrite');
    const list = ((await tx.store.get(historyKey)) as PreflightRecord[] | undefined) ?? [];
    list.push(record);
    await tx.store.put(list.slice(-HISTORY_MAX), historyKey);
    await tx.done;
    if (req.result.page1Number) await recordFact(db, [key], 'page1Number', req.result.page1Number, now);
  }
  if (req.decision === 'override') {
    const tx = db.transaction('kv', 'readwrite');
    const log = ((await tx.store.get(OVERRIDES_KEY)) as PreflightRecord[] | undefined) ?? [];
    log.push(record);
    await tx.store.put(log.slice(-OVERRIDES_MAX), OVERRIDES_KEY);
    await tx.done;
  }
  // Only a browser connected to a team sends anything; in local mode nothing queues up.
  if (await db.get('kv', TENANT_KEY)) {
    const row = toPendingRow(record);
    if (row) await enqueueRows(db, [row]);
  }
  return { key };
}

/**
 * The sync worker's `PreflightResult` for a record, or null when the worker could not place it
 * (it needs the member's 发展团员编号 and the organisation's path).
 */
export function toPendingRow(r: PreflightRecord): PendingRow | null {
  const m = r.member;
  if (!m?.devNumber?.trim() || m.devNumber.length > 32) return null;
  const body: PreflightResult = {
    org: m.org.leagueId ? { leagueId: m.org.leagueId } : { path: m.org.path?.length ? m.org.path : [m.org.name] },
    member: { devNumber: m.devNumber },
    fileHash: r.sha256,
    size: r.bytes,
    pages: r.pages ?? 0,
    verdict: r.verdict,
    codes: [...new Set(r.codes)],
    page1Number: r.page1Number,
    decision: r.decision,
    ...(r.decision === 'override' && r.reason ? { overrideReason: r.reason } : {}),
    observedAt: new Date(r.at).toISOString(),
  };
  return { kind: 'preflight', body };
}

export async function preflightHistory(db: LocalDb, key: string): Promise<PreflightRecord[]> {
  return ((await db.get('kv', HISTORY_PREFIX + key)) as PreflightRecord[] | undefined) ?? [];
}

export async function overrides(db: LocalDb): Promise<PreflightRecord[]> {
  return ((await db.get('kv', OVERRIDES_KEY)) as PreflightRecord[] | undefined) ?? [];
}

/** The background's answers to the upload gate and the reviewer's check. */
export function preflightHandlers(db: Promise<LocalDb>) {
  return {
    recordPreflight: async (payload) => {
      const req = parseRecordRequest(payload);
      if (typeof req === 'string') return { ok: false, error: req, key: null };
      return { ok: true, ...(await recordPreflight(await db, req, Date.now())) };
    },
    preflightHistory: async ({ key }) => (typeof key === 'string' ? preflightHistory(await db, key) : []),
    preflightOverrides: async () => overrides(await db),
  } satisfies Partial<Handlers>;
}
