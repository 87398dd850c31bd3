import type { OrgType } from '../../../shared/domain/types';
import type { ReplicaAccount, ReplicaOrg } from '../model';

/** The replica's organisation: a school 团委 with grade 团总支s, class 团支部s and graduating classes. */
interface OrgSpec {
  id: string;
  name: string;
  type: OrgType;
  parent: string | null;
}

const ROOT = '共青团演示市第一中学委员会';

const TREE: OrgSpec[] = [
  { id: '100100', name: ROOT, type: '03TW', parent: null },
  { id: '100110', name: '高一年级团总支', type: '02TZZ', parent: '100100' },
  { id: '100111', name: '高一（1）班团支部', type: '01TZB', parent: '100110' },
  { id: '100112', name: '高一（2）班团支部', type: '01TZB', parent: '100110' },
  { id: '100120', name: '高二年级团总支', type: '02TZZ', parent: '100100' },
  { id: '100121', name: '高二（1）班团支部', type: '01TZB', parent: '100120' },
  { id: '100123', name: '高二（3）班团支部', type: '01TZB', parent: '100120' },
  { id: '100130', name: '高三年级团总支', type: '02TZZ', parent: '100100' },
  { id: '100131', name: '高三（1）班团支部', type: '06BYBTZB', parent: '100130' },
  { id: '100132', name: '高三（2）班团支部', type: '06BYBTZB', parent: '100130' },
  { id: '100140', name: '教工团支部', type: '00DJZTZB', parent: '100100' },
];

/** Where the `size` members of a reset go: the 团支部 whose admin is the `tzb` account. */
export const MAIN_BRANCH_ID = '100123';
export const GRADE_BRANCH_ID = '100120';
export const COMMITTEE_ID = '100100';
export const GRADUATING_BRANCH_ID = '100131';

export function buildOrgs(): ReplicaOrg[] {
  const byId = new Map(TREE.map((o) => [o.id, o]));
  const fullName = (o: OrgSpec): string => {
    const parent = o.parent ? byId.get(o.parent) : undefined;
    if (!parent) return o.name;
    // The host writes the upper organisations first; the 团委 as its short name.
    return (parent.parent ? fullName(parent) : '演示市第一中学团委') + o.name;
  };
  return TREE.map((o) => ({
    leagueId: o.id,
    leagueName: o.name,
    leagueFullName: fullName(o),
    leagueType: o.type,
    parentId: o.parent,
  }));
}

/** The replica's sign-in accounts, one per kind of admin the guide speaks of. */
export const DEMO_PASSWORD = 'demo1234';
export function buildAccounts(): ReplicaAccount[] {
  return [
    {
      username: 'tzb',
      password: DEMO_PASSWORD,
      displayName: '高二（3）班团支部管理员',
      leagueId: MAIN_BRANCH_ID,
      role: '团支部管理员：上传档案，需上级团委审批',
    },
    {
      username: 'tzz',
      password: DEMO_PASSWORD,
      displayName: '高二年级团总支管理员',
      leagueId: GRADE_BRANCH_ID,
      role: '团总支管理员：下级支部团员电子数据库，上传需审批',
    },
    {
      username: 'tw',
      password: DEMO_PASSWORD,
      displayName: '学校团委管理员',
      leagueId: COMMITTEE_ID,
      role: '团委管理员：审批下级上传的档案，本级上传无需审批',
    },
    {
      username: 'byb',
      password: DEMO_PASSWORD,
      displayName: '高三（1）班团支部管理员',
      leagueId: GRADUATING_BRANCH_ID,
      role: '毕业班团支部管理员：组织关系转接',
    },
  ];
}

/** Upload needs approval only from these organisation types (docs/host.md). */
const NEEDS_APPROVAL: ReadonlySet<OrgType> = new Set(['01TZB', '02TZZ', '06BYBTZB', '00DJZTZB']);
export function uploadNeedsApproval(type: OrgType): boolean {
  return NEEDS_APPROVAL.has(type);
}

/** The upper committee that approves an organisation's uploads: its nearest 团委 / 团工委 above. */
export function approverOf(orgs: readonly ReplicaOrg[], leagueId: string): ReplicaOrg | null {
  const byId = new Map(orgs.map((o) => [o.leagueId, o]));
  const own = byId.get(leagueId);
  if (!own || !uploadNeedsApproval(own.leagueType)) return null;
  for (
    let p = own.parentId ? byId.get(own.parentId) : undefined;
    p;
    p = p.parentId ? byId.get(p.parentId) : undefined
  ) {
    if (!uploadNeedsApproval(p.leagueType)) return p;
  }
  return null;
}

/** The organisation and everything below it. */
export function subtreeIds(orgs: readonly ReplicaOrg[], leagueId: string): Set<string> {
  const ids = new Set([leagueId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const o of orgs)
      if (o.parentId && ids.has(o.parentId) && !ids.has(o.leagueId)) {
        ids.add(o.leagueId);
        grew = true;
      }
  }
  return ids;
}
