import type { AuditVerifyResponse } from '../../shared/api/audit';
import { listSegmentKeys, type Segment, type SegmentKey } from '../blobs/auditSegments';
import { auditHead, auditPage, auditRows, sealedUpTo } from '../db/audit';
import type { Bindings } from '../env';
import { sha256Hex } from '../lib/crypto';
import { GENESIS, hashEntry, type AuditEntry } from './chain';
import { currentEpoch } from './epoch';
import { checkpointText } from './checkpoint';
import { cachedSegment } from './segmentCache';
import { envSigningKeys, verifySignature, type SigningKeys } from './signing';
import {
  answer,
  countEntry,
  loadState,
  saveState,
  type Mismatch,
  type OrgFigures,
  type VerifiedState,
} from './verifiedState';

const PAGE = 10_000;
/** Old sealed entries re-hashed on each incremental verify, from one segment: a cheap spot check. */
const SAMPLE = 24;

/** The segments checked, their hashes by position, and where they end. */
interface Sealed {
  checked: SegmentKey[];
  hashes: Map<number, string>;
  to: number;
  head: string;
  mismatch: Mismatch | null;
}

/** What one pass over the entries found: the state it would save, the figures, the first mismatch. */
interface Pass {
  state: VerifiedState;
  entries: number;
  sealed: number;
  mismatch: Mismatch | null;
}

/**
 * `GET /v1/audit/verify`. By default incremental, like a transparency log's monitor: from the last
 * state this verify signed (R2), it checks the segments sealed since, then reads only the entries
 * after the last checked checkpoint — its cost grows with new entries, not the log. Old entries are
 * re-hashed in full by the daily cron (or on `?full=1`), whose finding every later answer carries;
 * each incremental pass also spot-checks a few old sealed entries against their segment. A changed
 * or missing old segment, a new epoch or a state that does not verify sends it back to a full check.
 * `audit_seals` in D1 says how far sealing got: a checkpoint deleted from R2 together with the D1
 * tail it covered is reported. `scope` (a committee below the top) narrows the figures to its own.
 */
export async function verifyAudit(
  env: Bindings,
  tenantId: string,
  opts: { full?: boolean; scope: string[] | null },
): Promise<AuditVerifyResponse> {
  const keys = await envSigningKeys(env);
  const { epoch, problem } = await currentEpoch(env.AUDIT, tenantId, keys);
  const [list, sealsTo, previous] = await Promise.all([
    problem ? Promise.resolve([]) : listSegmentKeys(env.AUDIT, tenantId, epoch),
    sealedUpTo(env.DB, tenantId),
    loadState(env.AUDIT, tenantId, keys),
  ]);
  const usable = !opts.full && !problem && previous && previous.epoch === epoch && (await sameSegments(list, previous));
  const pass = usable
    ? await incremental(env, previous, list, sealsTo, keys)
    : await full(env, tenantId, epoch, list, sealsTo, keys, problem, previous);
  if (pass.mismatch === null || !usable) await saveState(env.AUDIT, keys, pass.state);
  const mismatch = pass.mismatch ?? pass.state.full?.mismatch ?? null;
  return answer(
    { entries: pass.entries, sealed: pass.sealed, checkpoints: pass.state.checkpoints, orgs: pass.state.orgs },
    mismatch,
    opts.scope,
    { mode: usable ? 'incremental' : 'full', fullVerifiedAt: pass.state.full?.at ?? null },
  );
}

const segmentsDigest = (keys: SegmentKey[]) => sha256Hex(keys.map((k) => `${k.key} ${k.etag}`).join('\n'));

/** The segments the state was made from are all still there, unchanged. */
async function sameSegments(list: SegmentKey[], s: VerifiedState): Promise<boolean> {
  const upTo = list.filter((k) => k.to <= s.sealedTo);
  return (upTo.at(-1)?.to ?? 0) === s.sealedTo && (await segmentsDigest(upTo)) === s.segments;
}

/** Checks segments in order from entry `from` on: signature, epoch, and that each continues the last. */
async function checkSegments(
  bucket: R2Bucket,
  keys: SigningKeys,
  epoch: number,
  list: SegmentKey[],
  start: { to: number; head: string },
): Promise<Sealed> {
  const out: Sealed = { checked: [], hashes: new Map(), to: start.to, head: start.head, mismatch: null };
  const segments = await Promise.all(list.map((k) => cachedSegment(bucket, k)));
  for (const [i, k] of list.entries()) {
    const seg = segments[i];
    if (!seg || !(await validSegment(keys, epoch, seg, k, out))) {
      out.mismatch = { seq: out.to + 1, reason: `封存段 ${k.key} 的签名或衔接无效` };
      break;
    }
    seg.hashes.forEach((h, j) => out.hashes.set(seg.from + j, h));
    out.checked.push(k);
    out.to = seg.to;
    out.head = seg.head;
  }
  return out;
}

const validSegment = async (keys: SigningKeys, epoch: number, seg: Segment, k: SegmentKey, at: Sealed) =>
  (seg.epoch ?? 1) === epoch &&
  seg.from === at.to + 1 &&
  seg.to === k.to &&
  seg.prevHead === at.head &&
  seg.hashes.length === seg.to - seg.from + 1 &&
  seg.hashes[seg.hashes.length - 1] === seg.head &&
  (await verifySignature(keys, await checkpointText(seg), seg.signature));

/**
 * Reads entries after `from` in order and checks each: its place, its hash from the previous one,
 * and the hash its segment recorded. Counts them for their organisations as it goes.
 */
async function walk(
  db: D1Database,
  tenantId: string,
  from: { seq: number; hash: string },
  sealed: Sealed,
  segmentOf: (seq: number) => number,
  count: (e: AuditEntry, segment: number | null) => void,
): Promise<{ entries: number; head: string; mismatch: Mismatch | null }> {
  let prev = from.hash;
  let expected = from.seq + 1;
  let next: Promise<AuditEntry[]> | null = auditPage(db, tenantId, from.seq, PAGE);
  let mismatch: Mismatch | null = null;
  // The next page is read while this one is hashed.
  while (next && !mismatch) {
    const page: AuditEntry[] = await next;
    next = page.length === PAGE ? auditPage(db, tenantId, page[page.length - 1]!.seq, PAGE) : null;
    for (const e of page) {
      const recorded = sealed.hashes.get(e.seq);
      if (e.seq !== expected)
        mismatch = {
          seq: expected,
          reason: expected <= sealed.to ? `已封存的第 ${expected} 条记录缺失或顺序被改动` : `第 ${expected} 条记录缺失`,
        };
      else if (hashEntry(prev, e) !== e.hash) mismatch = { seq: e.seq, reason: '记录内容与其哈希不符（被改动）' };
      else if (recorded !== undefined && recorded !== e.hash)
        mismatch = { seq: e.seq, reason: '记录与已封存的检查点不一致（被改动或重排）' };
      if (mismatch) break;
      count(e, recorded !== undefined ? segmentOf(e.seq) : null);
      prev = e.hash;
      expected++;
    }
  }
  if (next) await next.catch(() => undefined);
  return { entries: expected - 1, head: prev, mismatch };
}

/** Entries the checkpoints cover that are gone from D1, or checkpoints D1 remembers that are gone from R2. */
function tailMismatch(entries: number, sealedTo: number, sealsTo: number): Mismatch | null {
  if (entries < sealedTo) return { seq: entries + 1, reason: `已封存的第 ${entries + 1}–${sealedTo} 条记录被删除` };
  if (sealsTo > sealedTo)
    return {
      seq: sealedTo + 1,
      reason: `已封存至第 ${sealsTo} 条，但第 ${sealedTo + 1} 条起的封存段已不在：封存段及其记录被删除`,
    };
  return null;
}

/** Position of the segment holding `seq`, for a list in order. */
const segmentIndex = (list: SegmentKey[], offset: number) => (seq: number) => {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.to < seq) lo = mid + 1;
    else hi = mid;
  }
  return offset + lo;
};

async function full(
  env: Bindings,
  tenantId: string,
  epoch: number,
  list: SegmentKey[],
  sealsTo: number,
  keys: SigningKeys,
  problem: string | null,
  previous: VerifiedState | null,
): Promise<Pass> {
  const sealed = await checkSegments(env.AUDIT, keys, epoch, list, { to: 0, head: GENESIS });
  const orgs: Record<string, OrgFigures> = {};
  const run = await walk(
    env.DB,
    tenantId,
    { seq: 0, hash: GENESIS },
    sealed,
    segmentIndex(sealed.checked, 0),
    (e, seg) => countEntry(orgs, e, true, seg),
  );
  const mismatch =
    (problem ? { seq: 1, reason: problem } : null) ??
    sealed.mismatch ??
    run.mismatch ??
    tailMismatch(run.entries, sealed.to, sealsTo);
  const at = new Date().toISOString();
  // A log that does not verify keeps the last state that did; only the finding is recorded with it.
  const state: VerifiedState =
    mismatch && previous && previous.epoch === epoch
      ? { ...previous, full: { at, mismatch }, at }
      : {
          version: 1,
          tenantId,
          epoch,
          seq: mismatch ? 0 : run.entries,
          head: mismatch ? GENESIS : run.head,
          sealedTo: mismatch ? 0 : sealed.to,
          sealedHead: mismatch ? GENESIS : sealed.head,
          segments: await segmentsDigest(mismatch ? [] : sealed.checked),
          checkpoints: mismatch ? 0 : sealed.checked.length,
          orgs: mismatch ? {} : orgs,
          full: { at, mismatch },
          at,
        };
  return { state, entries: run.entries, sealed: sealed.to, mismatch };
}

async function incremental(
  env: Bindings,
  s: VerifiedState,
  list: SegmentKey[],
  sealsTo: number,
  keys: SigningKeys,
): Promise<Pass> {
  const fresh = list.filter((k) => k.to > s.sealedTo);
  const sealed = await checkSegments(env.AUDIT, keys, s.epoch, fresh, { to: s.sealedTo, head: s.sealedHead });
  const orgs = structuredClone(s.orgs);
  const run = await walk(
    env.DB,
    s.tenantId,
    { seq: s.sealedTo, hash: s.sealedHead },
    sealed,
    segmentIndex(sealed.checked, s.checkpoints),
    (e, seg) => countEntry(orgs, e, e.seq > s.seq, seg),
  );
  // The last entry by the key's order (one row): a tail cut off below what was verified or sealed shows here.
  const last = Math.min(run.entries, (await auditHead(env.DB, s.tenantId)).seq);
  const mismatch =
    sealed.mismatch ??
    run.mismatch ??
    (last < s.seq ? { seq: last + 1, reason: `已核验的第 ${last + 1}–${s.seq} 条记录被删除` } : null) ??
    tailMismatch(last, sealed.to, sealsTo) ??
    (await spotCheck(env, s, list));
  const checked = [...list.filter((k) => k.to <= s.sealedTo), ...sealed.checked];
  const state: VerifiedState = {
    ...s,
    seq: run.entries,
    head: run.head,
    sealedTo: sealed.to,
    sealedHead: sealed.head,
    segments: await segmentsDigest(checked),
    checkpoints: checked.length,
    orgs,
    at: new Date().toISOString(),
  };
  return { state, entries: run.entries, sealed: sealed.to, mismatch };
}

/** Re-hashes a few random entries of one random old segment against the hashes it recorded. */
async function spotCheck(env: Bindings, s: VerifiedState, list: SegmentKey[]): Promise<Mismatch | null> {
  const old = list.filter((k) => k.to <= s.sealedTo);
  if (old.length === 0) return null;
  const k = old[Math.floor(Math.random() * old.length)]!;
  const seg = await cachedSegment(env.AUDIT, k);
  if (!seg) return { seq: k.from, reason: `封存段 ${k.key} 无法读取` };
  const picks = [
    ...new Set(Array.from({ length: SAMPLE }, () => seg.from + Math.floor(Math.random() * seg.hashes.length))),
  ];
  for (const e of await auditRows(env.DB, s.tenantId, picks)) {
    const i = e.seq - seg.from;
    const prev = i === 0 ? seg.prevHead : seg.hashes[i - 1]!;
    if (e.hash !== seg.hashes[i] || hashEntry(prev, e) !== e.hash)
      return { seq: e.seq, reason: '记录与已封存的检查点不一致（被改动或重排）' };
  }
  return null;
}
