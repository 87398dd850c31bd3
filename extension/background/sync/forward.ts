/**
 * Forwarding what this browser keeps to the team's worker. The local store keeps, per member and
 * per field, when it was last observed; what was already queued is remembered the same way, so
 * every observation kept — by the list overlay, the upload gate, an approval date, a reviewer's
 * reason — is queued exactly once, whoever wrote it, and everything seen before joining the team
 * goes out on joining. Only while connected; names as the tenant and the admin allow; a 身份证号
 * only as the tenant-keyed hash and its masked form.
 */
import { MemberObservation, PreflightResult } from '../../../shared/api/sync';
import { hashName, maskIdCard, maskName } from '../../../shared/domain/idCard';
import type { LocalMember, MemberFields } from '../../model/member';
import type { PreflightRecord } from '../../messaging/preflight';
import { HISTORY_PREFIX, toPendingRow } from '../preflight';
import type { LocalDb } from '../store/db';
import type { OrgMatcher } from './orgMatch';
import type { Placer } from './outbox';
import type { PendingRow } from './types';

const FORWARDED = 'sync.forwarded';

/** The member fields the worker keeps. page1Number travels with the preflight results instead. */
const FIELDS = [
  'hostId',
  'name',
  'devNumber',
  'joinedOn',
  'approvedOn',
  'status',
  'rejectionReason',
  'graduating',
  'isCadre',
  'idHash',
  'idMasked',
] as const;
type Field = (typeof FIELDS)[number];

interface Forwarded {
  tenantId: string;
  /** member key → field → the observation time already queued. */
  at: Record<string, Partial<Record<Field, number>>>;
  /** The file checks kept before joining were queued (later ones are queued as they are kept). */
  checksBeforeJoining?: boolean;
}

export interface ForwardOptions {
  tenantId: string;
  /** Clear names leave the browser only when the tenant keeps them and the admin agrees. */
  clearNames: boolean;
  key: Uint8Array;
  /** idHash values observed before this time were made with this browser's own key: not sent. */
  keySince: number;
}

const ID_CARD = /\d{17}[\dXx]/g;
/** Free text never carries a 身份证号 in clear (the worker refuses a batch that does). */
const redact = (s: string) => s.replace(ID_CARD, (m) => maskIdCard(m));

/**
 * One observation per distinct observation time of the changed fields, oldest first, so the
 * worker's field-wise "newest wins" sees each value at the time it was seen. Every observation
 * names the member by what never changes (host id, keyed 身份证号 hash) and, lacking those, by
 * its 编号 or name with 入团时间.
 */
export async function observationsFor(
  m: LocalMember,
  sent: Partial<Record<Field, number>>,
  opts: ForwardOptions,
): Promise<MemberObservation[]> {
  const v = m.values;
  const changed = FIELDS.filter((f) => {
    const at = m.at[f as keyof MemberFields];
    if (at === undefined || v[f as keyof MemberFields] === undefined) return false;
    if (f === 'idHash' && at < opts.keySince) return false;
    return sent[f] === undefined || at > sent[f]!;
  });
  if (!changed.length) return [];
  const times = [...new Set(changed.map((f) => m.at[f as keyof MemberFields]!))].sort((a, b) => a - b);
  const hint = {
    ...(m.org.leagueId ? { leagueId: m.org.leagueId } : {}),
    path: m.org.path?.length ? m.org.path : [m.org.name],
  };
  const idHashOk = v.idHash !== undefined && (m.at.idHash ?? 0) >= opts.keySince;
  const nameFields = async (): Promise<Partial<MemberObservation>> => {
    if (!v.name?.trim()) return {};
    if (opts.clearNames) return { name: redact(v.name.trim()).slice(0, 100) };
    return { nameMasked: maskName(v.name), nameHash: await hashName(v.name, opts.key) };
  };
  const names = await nameFields();
  const out: MemberObservation[] = [];
  for (const t of times) {
    const o: Record<string, unknown> = { org: hint, observedAt: new Date(t).toISOString() };
    if (v.hostId) o.hostId = v.hostId;
    if (idHashOk) o.idHash = v.idHash;
    for (const f of changed) {
      if (m.at[f as keyof MemberFields] !== t) continue;
      if (f === 'name') Object.assign(o, names);
      else if (f === 'devNumber') o.devNumber = v.devNumber ? redact(v.devNumber).slice(0, 32) : null;
      else if (f === 'rejectionReason')
        o.rejectionReason = v.rejectionReason ? redact(v.rejectionReason).slice(0, 2000) : null;
      else if (f === 'idMasked') o.idMasked = v.idMasked;
      else if (f !== 'idHash' && f !== 'hostId') o[f] = v[f as keyof MemberFields];
    }
    // A member new to the worker needs 入团时间; the 编号 or name finds one it knows.
    if (v.joinedOn) o.joinedOn = v.joinedOn;
    if (!o.hostId && !o.idHash && o.devNumber === undefined && v.devNumber) o.devNumber = v.devNumber;
    if (!o.hostId && !o.idHash && !o.devNumber && !o.name && !o.nameHash) Object.assign(o, names);
    const parsed = MemberObservation.safeParse(o);
    // One malformed row would refuse a whole batch: it is left out here, never sent.
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * Queues what changed since the last time, in one transaction with the record of what was queued:
 * a crash in between neither loses nor repeats a row. Answers how many rows were queued.
 */
export async function forwardKept(db: LocalDb, opts: ForwardOptions): Promise<number> {
  const members = await db.getAll('members');
  const stored = (await db.get('kv', FORWARDED)) as Forwarded | undefined;
  const forwarded: Forwarded = stored?.tenantId === opts.tenantId ? stored : { tenantId: opts.tenantId, at: {} };
  const rows: PendingRow[] = [];
  const updates: [string, Partial<Record<Field, number>>][] = [];
  for (const m of members) {
    const sent = forwarded.at[m.key] ?? {};
    const obs = await observationsFor(m, sent, opts);
    if (!obs.length) continue;
    for (const body of obs) rows.push({ kind: 'observation', body });
    const next = { ...sent };
    for (const f of FIELDS) {
      const at = m.at[f as keyof MemberFields];
      if (at !== undefined && !(f === 'idHash' && at < opts.keySince)) next[f] = at;
    }
    updates.push([m.key, next]);
  }
  const backfill = !forwarded.checksBeforeJoining;
  if (backfill) rows.push(...(await checksBefore(db, opts.keySince)));
  if (!rows.length && stored === forwarded) return 0;
  // In the order things were seen, across members (the store is keyed, not ordered by time).
  rows.sort((a, b) => Date.parse(a.body.observedAt) - Date.parse(b.body.observedAt));
  const tx = db.transaction(['pending', 'kv'], 'readwrite');
  const pending = tx.objectStore('pending');
  for (const row of rows) await pending.add(row);
  // Re-read inside the transaction: another scan may have written meanwhile.
  const latest = (await tx.objectStore('kv').get(FORWARDED)) as Forwarded | undefined;
  const base = latest?.tenantId === opts.tenantId ? latest : { tenantId: opts.tenantId, at: {} };
  for (const [k, v] of updates) base.at[k] = { ...base.at[k], ...v };
  if (backfill) base.checksBeforeJoining = true;
  // Members the store no longer keeps (a corrected 编号 re-keys a member) need no record.
  const keys = new Set(members.map((m) => m.key));
  for (const k of Object.keys(base.at)) if (!keys.has(k)) delete base.at[k];
  await tx.objectStore('kv').put(base, FORWARDED);
  await tx.done;
  return rows.length;
}

/**
 * The upload gate's and the reviewer's file checks kept before this browser joined the team (those
 * kept since are queued as they are kept, by extension/background/preflight.ts): verdicts and
 * codes, never a file.
 */
async function checksBefore(db: LocalDb, joinedAt: number): Promise<PendingRow[]> {
  const keys = (await db.getAllKeys('kv')).filter((k) => String(k).startsWith(HISTORY_PREFIX));
  const rows: PendingRow[] = [];
  for (const k of keys) {
    for (const r of ((await db.get('kv', k)) as PreflightRecord[] | undefined) ?? []) {
      const row = r.at < joinedAt ? toPendingRow(r) : null;
      if (row && PreflightResult.safeParse(row.body).success) rows.push(row);
    }
  }
  return rows;
}

/** Rows name organisations as the host shows them; the worker gets the team's id for each. */
export function placeWith(matcher: OrgMatcher): Placer {
  return (row) => {
    const ref = row.body.org;
    if (ref.id) return row;
    const id = matcher.place({ leagueId: ref.leagueId, path: ref.path });
    if (!id) return null;
    return { ...row, body: { ...row.body, org: { id } } } as PendingRow;
  };
}

/** The rows waiting for their organisation to appear in the team's tree, and the names they give. */
export async function unplacedRows(
  db: LocalDb,
  matcher: OrgMatcher | null,
): Promise<{ count: number; orgs: string[] }> {
  const rows = await db.getAll('pending');
  const place = matcher ? placeWith(matcher) : null;
  const orgs = new Set<string>();
  let count = 0;
  for (const r of rows) {
    if (place && place(r)) continue;
    count++;
    const ref = r.body.org;
    orgs.add(ref.path?.join('/') ?? ref.leagueId ?? ref.id ?? '');
  }
  return { count, orgs: [...orgs].filter(Boolean).slice(0, 10) };
}
