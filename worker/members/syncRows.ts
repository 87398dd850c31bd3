import type { z } from 'zod';
import type { OrgRef } from '../../shared/api/common';
import type { RowRefusal } from '../../shared/api/sync';
import type { OrgRow } from '../db/orgs';
import type { OrgTree } from '../lib/orgTree';

export type RowList = RowRefusal['list'];
export type Refuse = (list: RowList, index: number, code: string, message: string) => void;

/** A row that passed its checks so far: where it stood in its list, and what it says. */
export interface Row<T> {
  index: number;
  row: T;
}

/**
 * Each row against its schema on its own: a bad row is refused with what is wrong with it, and the
 * others go on.
 */
export function parseRows<T>(list: RowList, rows: unknown[], schema: z.ZodType<T>, refuse: Refuse): Row<T>[] {
  const out: Row<T>[] = [];
  rows.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push({ index, row: parsed.data });
    else refuse(list, index, 'invalid-row', rowIssues(parsed.error));
  });
  return out;
}

function rowIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
  return `这一行有误：${parts.join('；')}。请在智慧团建中核对后重新读取名单`;
}

/**
 * The organisation each row names, looked for only in the caller's subtree: one elsewhere in the
 * tenant and one that does not exist get the same refusal, so the answer says nothing of what lies
 * outside.
 */
export function placeRows<T extends { org: OrgRef }>(
  list: RowList,
  rows: Row<T>[],
  tree: OrgTree,
  refuse: Refuse,
): (Row<T> & { org: OrgRow })[] {
  return rows.flatMap((r) => {
    const ref = r.row.org;
    const org =
      (ref.id && tree.byId.get(ref.id)) ||
      (ref.leagueId && tree.byLeagueId.get(ref.leagueId)) ||
      (ref.path && tree.byPath(ref.path)) ||
      undefined;
    if (org) return [{ ...r, org }];
    const name = ref.id ?? ref.leagueId ?? ref.path?.join('/');
    refuse(
      list,
      r.index,
      'unknown-org',
      `组织（${name}）不在团队组织树中，或不在你的管理范围内：请上级团委先导入组织树，或核对这一行所属的组织`,
    );
    return [];
  });
}
