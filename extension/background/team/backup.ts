/**
 * Export and import of everything this browser keeps: a backup, and the way to hand the work to
 * next year's admin. Never in the file: the token, the hashing keys (with a key, a 身份证号's hash
 * and masked form give the number back by trying the few birth dates left), the sync queue and
 * its bookkeeping (the next admin joins with an invite of their own, and what was kept is sent
 * again then: the worker merges it without duplicates).
 */
import { mergeObservation } from '../../../shared/domain/observation';
import { BACKUP_FORMAT, type BackupFile, type ImportReport } from '../../messaging/teamViews';
import type { LocalMember, MemberFields } from '../../model/member';
import type { LocalDb } from '../store/db';

/** Keys that never leave the browser, or mean nothing in another one. */
const PRIVATE = [/^hashKey\./, /^team\./, /^sync\./, /^syncState$/];
const isPrivate = (k: string) => PRIVATE.some((re) => re.test(k));

const FIELDS: readonly (keyof MemberFields)[] = [
  'hostId',
  'name',
  'devNumber',
  'joinedOn',
  'status',
  'rejectionReason',
  'graduating',
  'isCadre',
  'idMasked',
  'idHash',
  'approvedOn',
  'page1Number',
];

export async function exportLocalData(db: LocalDb, now = Date.now()): Promise<BackupFile> {
  const members = await db.getAll('members');
  const kv: Record<string, unknown> = {};
  let cursor = await db.transaction('kv').store.openCursor();
  for (; cursor; cursor = await cursor.continue()) {
    const key = String(cursor.key);
    if (!isPrivate(key)) kv[key] = cursor.value;
  }
  return { format: BACKUP_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), members, kv };
}

/** A member from a file, checked and reduced to the fields the store keeps; null when malformed. */
function memberFrom(x: unknown): LocalMember | null {
  const m = x as Partial<LocalMember> | null;
  if (!m || typeof m !== 'object' || typeof m.key !== 'string' || !m.key || typeof m.orgKey !== 'string') return null;
  if (
    !m.org ||
    typeof m.org.name !== 'string' ||
    typeof m.values !== 'object' ||
    !m.values ||
    typeof m.at !== 'object' ||
    !m.at
  )
    return null;
  const values: Partial<MemberFields> = {};
  const at: Partial<Record<keyof MemberFields, number>> = {};
  for (const f of FIELDS) {
    const v = (m.values as Record<string, unknown>)[f];
    const t = (m.at as Record<string, unknown>)[f];
    if (v === undefined || typeof t !== 'number') continue;
    (values as Record<string, unknown>)[f] = v;
    at[f] = t;
  }
  const firstSeenAt = typeof m.firstSeenAt === 'number' ? m.firstSeenAt : 0;
  const lastSeenAt = typeof m.lastSeenAt === 'number' ? m.lastSeenAt : firstSeenAt;
  return { key: m.key, orgKey: m.orgKey, org: m.org, values, at, firstSeenAt, lastSeenAt };
}

/**
 * Merges a file into this browser: members field by field, the newest observation winning (as
 * when the lists are read); notices and records this browser lacks are added, its own are kept.
 */
export async function importLocalData(db: LocalDb, file: unknown): Promise<ImportReport | string> {
  const f = file as Partial<BackupFile> | null;
  if (
    !f ||
    f.format !== BACKUP_FORMAT ||
    f.version !== 1 ||
    !Array.isArray(f.members) ||
    typeof f.kv !== 'object' ||
    !f.kv
  ) {
    return '这不是团员电子档案助手导出的备份文件（或版本不符）';
  }
  const members = f.members.map(memberFrom);
  if (members.some((m) => !m)) return '备份文件中有无法识别的团员记录：文件可能已损坏，未导入任何内容';
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, kvAdded: 0, kvKept: 0 };
  const tx = db.transaction(['members', 'kv'], 'readwrite');
  const store = tx.objectStore('members');
  for (const m of members as LocalMember[]) {
    const current = await store.get(m.key);
    if (!current) {
      await store.put(m);
      report.added++;
      continue;
    }
    let next = { values: current.values, at: current.at };
    let changed = false;
    // Field by field with each field's own time: an older value never undoes a newer one.
    for (const field of Object.keys(m.values) as (keyof MemberFields)[]) {
      const r = mergeObservation<MemberFields>(
        next,
        { [field]: m.values[field] } as Partial<MemberFields>,
        m.at[field]!,
      );
      next = r.next;
      changed ||= r.changed.length > 0;
    }
    if (!changed) {
      report.unchanged++;
      continue;
    }
    await store.put({
      ...current,
      values: next.values,
      at: next.at,
      firstSeenAt: Math.min(current.firstSeenAt, m.firstSeenAt),
      lastSeenAt: Math.max(current.lastSeenAt, m.lastSeenAt),
    });
    report.updated++;
  }
  const kv = tx.objectStore('kv');
  for (const [key, value] of Object.entries(f.kv)) {
    if (isPrivate(key) || key === 'settings') continue;
    if ((await kv.get(key)) !== undefined) report.kvKept++;
    else {
      await kv.put(value, key);
      report.kvAdded++;
    }
  }
  await tx.done;
  return report;
}
