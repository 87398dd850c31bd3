// The picture for the worker's adversarial tests: two tenants; in the first, a committee
// with branches A (A1 under it) and B; a token for every kind of caller; and things of A's — a
// member, robots, requests — whose markers must never reach a caller outside A's subtree.
import { env } from 'cloudflare:workers';
import type { OrgInput } from '../../shared/api/orgs';
import { ADMIN_SECRET, api, bootstrap, idemKey, observation, type Team } from './helpers';

export const CALLERS = [
  'own',
  'parent',
  'child',
  'sibling',
  'otherTenant',
  'deletedOrg',
  'revokedToken',
  'noToken',
  'operator',
] as const;
export type Caller = (typeof CALLERS)[number];

/** How each caller with a live token stands to A: its role, and whether its subtree holds A. */
export const STANDING = {
  own: { role: 'committee', covers: true, top: false, above: false },
  parent: { role: 'committee', covers: true, top: true, above: true },
  child: { role: 'branch', covers: false, top: false, above: false },
  sibling: { role: 'committee', covers: false, top: false, above: false },
  otherTenant: { role: 'committee', covers: false, top: true, above: false },
} as const;
export type LiveCaller = keyof typeof STANDING;
export const isLive = (c: Caller): c is LiveCaller => c in STANDING;

/** Text of A's that only callers whose subtree holds A may ever read. */
export const A_MARKERS = ['甲成员', 'a-secret', '甲的修改申请', '甲机器人', '甲日历'];

const TREE: OrgInput[] = [
  { id: 'A', name: '甲团总支', type: '02TZZ', parentId: 'root' },
  { id: 'A1', name: '甲一团支部', type: '01TZB', parentId: 'A' },
  { id: 'B', name: '乙团支部', type: '01TZB', parentId: 'root' },
  { id: 'Z', name: '将删除的团支部', type: '01TZB', parentId: 'root' },
];

export interface Redeemed {
  token: string;
  tokenId: string;
}

export interface World {
  t1: Team;
  t2: Team;
  /** The first tenant's top committee: prepares what a cell needs, outside what is measured. */
  setup: string;
  tokens: Record<Caller, string | undefined>;
  /** A feed token of each caller's own organisation (revoked, deleted or made up for the others). */
  feeds: Record<Caller, string>;
  memberKey: string;
  fresh: () => number;
}

export async function redeem(by: string, orgId: string, role: 'branch' | 'committee', label = '管理员') {
  const inv = await api('/invites', { token: by, body: { orgId, role }, headers: { 'Idempotency-Key': idemKey() } });
  if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${inv.text}`);
  const red = await api('/invites/redeem', { body: { code: inv.body.code, label } });
  if (red.status !== 201) throw new Error(`redeem: ${red.status} ${red.text}`);
  return { token: red.body.token as string, tokenId: red.body.tokenId as string };
}

/** A calendar feed token (the file name of its .ics) and its id. */
async function feedOf(token: string, orgId: string, label = '日历') {
  const r = await api('/feeds', { token, body: { orgId, label }, headers: { 'Idempotency-Key': idemKey() } });
  if (r.status !== 201) throw new Error(`feed: ${r.status} ${r.text}`);
  return {
    file: (r.body.path as string).replace('/v1/calendar/', '').replace(/\.ics$/, ''),
    id: r.body.tokenId as string,
  };
}

export async function sync(token: string, observations: unknown[], preflights: unknown[] = []) {
  const r = await api('/sync', {
    token,
    body: { observations, preflights },
    headers: { 'Idempotency-Key': idemKey() },
  });
  if (r.status !== 200 || r.body.refused.length) throw new Error(`sync: ${r.status} ${r.text}`);
  return r.body;
}

export async function buildWorld(): Promise<World> {
  const t1 = await bootstrap({ orgs: TREE });
  const t2 = await bootstrap({
    rootId: 'other-root',
    orgs: [{ id: 'X', name: '丙团支部', type: '01TZB', parentId: 'other-root' }],
  });
  const setup = t1.token;
  const own = await redeem(setup, 'A', 'committee', '甲管理员');
  const parent = await redeem(setup, 'root', 'committee', '市团委管理员二');
  const child = await redeem(setup, 'A1', 'branch', '甲一管理员');
  const sibling = await redeem(setup, 'B', 'committee', '乙管理员');
  const other = await redeem(t2.token, 'other-root', 'committee', '丙团委管理员');
  const revoked = await redeem(setup, 'A', 'committee', '甲旧管理员');
  const revokedFeed = await feedOf(setup, 'A', '已撤销的日历');
  for (const id of [revoked.tokenId, revokedFeed.id]) await api(`/tokens/${id}`, { method: 'DELETE', token: setup });
  const deleted = await redeem(setup, 'Z', 'branch', '将删除组织的管理员');
  const deletedFeed = await feedOf(deleted.token, 'Z');
  const gone = await api('/orgs/Z', { method: 'DELETE', token: setup });
  if (gone.status !== 200) throw new Error(`delete Z: ${gone.status} ${gone.text}`);
  // A's member (and one in each other organisation, so that lists are never empty).
  await sync(setup, [
    observation({ org: { id: 'A' }, hostId: 'a-secret', name: '甲成员' }),
    observation({ org: { id: 'A1' }, hostId: 'host-A1', name: '甲一成员' }),
    observation({ org: { id: 'B' }, hostId: 'host-B', name: '乙成员' }),
  ]);
  await sync(t2.token, [observation({ org: { id: 'X' }, hostId: 'host-X', name: '丙成员' })]);
  const tokens: World['tokens'] = {
    own: own.token,
    parent: parent.token,
    child: child.token,
    sibling: sibling.token,
    otherTenant: other.token,
    deletedOrg: deleted.token,
    revokedToken: revoked.token,
    noToken: undefined,
    operator: ADMIN_SECRET,
  };
  const feeds = {
    own: (await feedOf(own.token, 'A', '甲日历')).file,
    parent: (await feedOf(parent.token, 'root')).file,
    child: (await feedOf(child.token, 'A1')).file,
    sibling: (await feedOf(sibling.token, 'B')).file,
    otherTenant: (await feedOf(other.token, 'other-root')).file,
    deletedOrg: deletedFeed.file,
    revokedToken: revokedFeed.file,
    noToken: 'feed_made-up-0123456789abcdefghijklmnopqrstuvw',
    operator: ADMIN_SECRET,
  };
  let n = 0;
  return { t1, t2, setup, tokens, feeds, memberKey: 'id:a-secret', fresh: () => ++n };
}

/** Tables whose rows are bookkeeping (counters, leases, replies kept for replays), not data. */
const BOOKKEEPING = new Set(['rate_limits', 'idempotency', 'write_leases', 'sequences', 'd1_migrations']);

/** Every data row of the database, by table, as text: what a request changed is the difference. */
export async function snapshot(): Promise<Map<string, string[]>> {
  const tables = (
    await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>()
  ).results
    .map((t) => t.name)
    .filter((t) => !BOOKKEEPING.has(t) && !t.startsWith('sqlite_') && !t.startsWith('_cf'));
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}"`)));
  return new Map(tables.map((t, i) => [t, rows[i]!.results.map((r) => JSON.stringify(r))]));
}

/** Rows inserted, deleted or updated between two snapshots (an update counts once). */
export function rowsChanged(before: Map<string, string[]>, after: Map<string, string[]>): number {
  let n = 0;
  for (const [t, rows] of after) {
    const was = new Map<string, number>();
    for (const r of before.get(t) ?? []) was.set(r, (was.get(r) ?? 0) + 1);
    let added = 0;
    for (const r of rows) {
      const k = was.get(r) ?? 0;
      if (k > 0) was.set(r, k - 1);
      else added++;
    }
    const removed = [...was.values()].reduce((a, b) => a + b, 0);
    n += Math.max(added, removed);
  }
  return n;
}

/** Every cell starts with empty rate-limit windows: each shows the route's own answer (limits have their tests). */
export const clearRateLimits = () => env.DB.prepare('DELETE FROM rate_limits').run();
