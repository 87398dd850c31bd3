/**
 * Every row read is kept in the background (newest observation wins), which answers with what it
 * knows of each member beyond the page: the recorded approval date, the page-1 number of a
 * checked file, the reviewer's reason, the graduating flag. Only rows not sent before are sent.
 */
import { membersGraduate } from '../../shared/domain/orgTypes';
import type { CertStatus } from '../../shared/domain/types';
import type { MemberFacts } from '../messaging/members';
import type { RowObservation } from '../model/member';
import type { MemberRow } from './rows';

export type Send = <T extends 'observeRows'>(
  type: T,
  payload: { rows: RowObservation[]; observedAt: number },
) => Promise<{ facts: MemberFacts[] }>;

/** Statuses precise enough to keep: a bare 尚未认证 or unknown words would blur a better one. */
const KEPT_STATUS: ReadonlySet<CertStatus> = new Set(['notUploaded', 'pending', 'rejected', 'certified']);

const CHUNK = 500;

export function toObservation(row: MemberRow, isCadre: boolean): RowObservation | null {
  const m = row.member;
  if (!m.name || !m.joinedOn) return null;
  const o: RowObservation = { org: m.org, name: m.name, joinedOn: m.joinedOn, isCadre };
  if (m.devNumber !== undefined) o.devNumber = m.devNumber;
  if (m.status && KEPT_STATUS.has(m.status)) o.status = m.status;
  if (membersGraduate(m.org.type)) o.graduating = true;
  if (m.idCard) o.idCard = m.idCard;
  return o;
}

/** Facts that change what a row shows (the key alone does not). */
const meaningful = (f: MemberFacts) =>
  f.approvedOn !== null || f.page1Number !== null || f.rejectionReason !== null || f.graduating;

export class Keeper {
  private facts = new Map<string, MemberFacts>();
  private inFlight = new Set<string>();

  constructor(
    private readonly send: Send,
    private readonly isCadre: boolean,
  ) {}

  factsFor(signature: string): MemberFacts | null {
    return this.facts.get(signature) ?? null;
  }

  /** Sends rows not sent before; true when an answer changes what some row shows. */
  async observe(rows: readonly MemberRow[], again = false): Promise<boolean> {
    const todo = new Map<string, RowObservation>();
    for (const row of rows) {
      if (todo.has(row.signature) || this.inFlight.has(row.signature) || (!again && this.facts.has(row.signature)))
        continue;
      const o = toObservation(row, this.isCadre);
      if (o) todo.set(row.signature, o);
    }
    if (!todo.size) return false;
    const entries = [...todo];
    for (const [sig] of entries) this.inFlight.add(sig);
    let changed = false;
    try {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const part = entries.slice(i, i + CHUNK);
        const reply = await this.send('observeRows', { rows: part.map(([, o]) => o), observedAt: Date.now() });
        part.forEach(([sig], j) => {
          const f = reply.facts[j];
          if (!f) return;
          const before = this.facts.get(sig);
          if (meaningful(f) || (before && meaningful(before))) {
            if (!before || JSON.stringify(before) !== JSON.stringify(f)) changed = true;
          }
          this.facts.set(sig, f);
        });
      }
    } finally {
      for (const [sig] of entries) this.inFlight.delete(sig);
    }
    return changed;
  }
}
