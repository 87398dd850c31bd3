import { SyncResponse, type MemberObservation, type PreflightResult, type RowRefusal } from '../../../shared/api/sync';
import type { FrozenRequest, RefusedRow } from './types';

interface Batch {
  observations: MemberObservation[];
  preflights: PreflightResult[];
}

/**
 * The rows of a sync batch the worker answered but did not write, each with its reason, and the
 * batch cut down to them; null when every row was written (or the reply is not a sync reply).
 */
export function refusedRows(request: FrozenRequest, reply: unknown): { body: Batch; rows: RefusedRow[] } | null {
  if (request.path !== '/v1/sync') return null;
  const parsed = SyncResponse.safeParse(reply);
  if (!parsed.success || !parsed.data.refused.length) return null;
  const sent = request.body as Partial<Batch>;
  const body: Batch = { observations: [], preflights: [] };
  const rows: RefusedRow[] = [];
  for (const r of parsed.data.refused) {
    const row = rowOf(sent, r);
    if (!row) continue;
    if (r.list === 'observations') body.observations.push(row as MemberObservation);
    else body.preflights.push(row as PreflightResult);
    rows.push({ label: labelOf(r.list, row), code: r.code, message: r.message });
  }
  return rows.length ? { body, rows } : null;
}

function rowOf(sent: Partial<Batch>, r: RowRefusal): MemberObservation | PreflightResult | undefined {
  return r.list === 'observations' ? sent.observations?.[r.index] : sent.preflights?.[r.index];
}

/** Who the row is about, in the words the admin knows: name (or masked name) and 发展团员编号. */
function labelOf(list: RowRefusal['list'], row: MemberObservation | PreflightResult): string {
  if (list === 'preflights') {
    const p = row as PreflightResult;
    const who = p.member.devNumber ? `发展团员编号 ${p.member.devNumber}` : '一名团员';
    return `档案检查结果（${who}）`;
  }
  const o = row as MemberObservation;
  const name = o.name ?? o.nameMasked ?? '（未读到姓名）';
  return o.devNumber ? `团员 ${name}（发展团员编号 ${o.devNumber}）` : `团员 ${name}`;
}
