import { needsArchive } from '../../shared/domain/archive';
import { uploadDeadline } from '../../shared/domain/deadline';
import type { CertStatus, ChinaDate } from '../../shared/domain/types';

/** A member as stored: the facts, when each was last observed, and the columns reminders bucket on. */
export interface MemberRow {
  tenant_id: string;
  key: string;
  org_seq: number;
  host_id: string | null;
  name: string | null;
  name_masked: string | null;
  name_hash: string | null;
  id_hash: string | null;
  id_masked: string | null;
  dev_number: string | null;
  joined_on: ChinaDate | null;
  approved_on: ChinaDate | null;
  status: CertStatus;
  rejection_reason: string | null;
  graduating: number;
  is_cadre: number;
  needs_archive: number;
  last_day: ChinaDate | null;
  estimated: number;
  /** When each field was last observed: see encodeObserved. */
  observed: string;
  updated_at: number;
}

/** The fields an observation can set, each with its own observation time. */
export const FIELDS = {
  org: 'org_seq',
  hostId: 'host_id',
  name: 'name',
  nameMasked: 'name_masked',
  nameHash: 'name_hash',
  idHash: 'id_hash',
  idMasked: 'id_masked',
  devNumber: 'dev_number',
  joinedOn: 'joined_on',
  approvedOn: 'approved_on',
  status: 'status',
  rejectionReason: 'rejection_reason',
  graduating: 'graduating',
  isCadre: 'is_cadre',
} as const satisfies Record<string, keyof MemberRow>;
export type Field = keyof typeof FIELDS;
export type FieldValues = Partial<{ [F in Field]: MemberRow[(typeof FIELDS)[F]] }>;

const FIELD_NAMES = Object.keys(FIELDS) as Field[];
/** One letter per field, in FIELDS order: the observation times are stored grouped by time. */
const CODE = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Field → observation time, compactly: `{"<epoch ms, base 36>":"<field letters>"}`. One
 * observation sets many fields at once, so a row holds a few times, not one per field.
 */
export function encodeObserved(times: Partial<Record<Field, number>>): string {
  const byTime = new Map<number, string>();
  for (const [i, f] of FIELD_NAMES.entries()) {
    const t = times[f];
    if (t !== undefined) byTime.set(t, (byTime.get(t) ?? '') + CODE[i]);
  }
  const out: Record<string, string> = {};
  for (const [t, letters] of byTime) out[t.toString(36)] = letters;
  return JSON.stringify(out);
}

export function decodeObserved(text: string): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  for (const [t, letters] of Object.entries(JSON.parse(text) as Record<string, string>)) {
    const ms = parseInt(t, 36);
    for (const ch of letters) {
      const f = FIELD_NAMES[CODE.indexOf(ch)];
      if (f) out[f] = ms;
    }
  }
  return out;
}

/**
 * Recomputes the derived columns with the shared rules (shared/domain/deadline.ts, archive.ts):
 * the SQL of reminders buckets on exactly these.
 */
export function withDerived(row: MemberRow): MemberRow {
  if (!row.joined_on) return { ...row, needs_archive: 1, last_day: null, estimated: 1 };
  const d = uploadDeadline({ joinedOn: row.joined_on, approvedOn: row.approved_on ?? undefined });
  return {
    ...row,
    needs_archive: needsArchive(row.joined_on) ? 1 : 0,
    last_day: d.lastDay,
    estimated: d.estimated ? 1 : 0,
  };
}

/**
 * Merges one observation into a row, field by field: a field changes only when this observation
 * is newer than the one that last set it (ties go to the larger value, so the order two concurrent
 * batches commit in does not matter). An older observation never undoes a newer one.
 */
export function mergeFields(row: MemberRow, values: FieldValues, at: number): { row: MemberRow; changed: Field[] } {
  const observed = decodeObserved(row.observed);
  const next = { ...row } as Record<string, unknown>;
  const changed: Field[] = [];
  for (const f of Object.keys(values) as Field[]) {
    const v = values[f];
    if (v === undefined) continue;
    const col = FIELDS[f];
    const seen = observed[f];
    const newer = seen === undefined || at > seen || (at === seen && JSON.stringify(v) > JSON.stringify(next[col]));
    if (!newer) continue;
    observed[f] = at;
    if (next[col] !== v) {
      next[col] = v;
      changed.push(f);
    }
  }
  const merged = withDerived({ ...(next as unknown as MemberRow), observed: encodeObserved(observed) });
  return { row: merged, changed };
}

export function emptyRow(tenantId: string, key: string, orgSeq: number, now: number): MemberRow {
  return {
    tenant_id: tenantId,
    key,
    org_seq: orgSeq,
    host_id: null,
    name: null,
    name_masked: null,
    name_hash: null,
    id_hash: null,
    id_masked: null,
    dev_number: null,
    joined_on: null,
    approved_on: null,
    status: 'unknown',
    rejection_reason: null,
    graduating: 0,
    is_cadre: 0,
    needs_archive: 1,
    last_day: null,
    estimated: 1,
    observed: '{}',
    updated_at: now,
  };
}
