import type { AuthContext } from '../auth/context';
import { orgsInRange } from '../db/orgs';
import { OrgTree } from './orgTree';

const MAX_TREES = 64;
const trees = new Map<string, OrgTree>();

/**
 * A subtree for reading, reused within this isolate while the tenant's organisations are unchanged:
 * the version comes with the token (one joined row), and every organisation write bumps it in
 * the same batch. Writes load their tree fresh from D1.
 */
export async function cachedTree(
  db: D1Database,
  auth: Pick<AuthContext, 'tenantId' | 'tenant'>,
  lo: string,
  hi: string,
): Promise<OrgTree> {
  const key = `${auth.tenantId}\u0000${auth.tenant.orgsVersion}\u0000${lo}\u0000${hi}`;
  const hit = trees.get(key);
  if (hit) {
    trees.delete(key);
    trees.set(key, hit);
    return hit;
  }
  const tree = new OrgTree(await orgsInRange(db, auth.tenantId, lo, hi));
  trees.set(key, tree);
  if (trees.size > MAX_TREES) trees.delete(trees.keys().next().value!);
  return tree;
}
