import type { OrgType } from '../../shared/domain/types';
import type { Role } from '../../shared/api/common';

/** Who is asking, resolved from a bearer token: every query is confined to `org`'s subtree. */
export interface AuthContext {
  tokenId: string;
  tokenHash: string;
  tenantId: string;
  role: Role;
  kind: 'admin' | 'feed';
  label: string;
  org: { seq: number; id: string; path: string; name: string; type: OrgType };
  tenant: { name: string; storeNames: boolean; hashKey: string; rootSeq: number; orgsVersion: number };
}

/** A branch admin sees its own organisation; a committee admin its whole subtree. */
export function covers(auth: Pick<AuthContext, 'role' | 'org'>, orgPath: string): boolean {
  return auth.role === 'committee' ? orgPath.startsWith(auth.org.path) : orgPath === auth.org.path;
}

/** A subtree as a half-open range of organisation paths: `path >= lo AND path < hi`. */
export interface OrgRange {
  lo: string;
  hi: string;
}

/**
 * The token's scope as a half-open range of org paths, for `path >= lo AND path < hi` on the
 * index: '/1/5/' covers '/1/5/…' up to (not including) '/1/50' — the next path after the prefix.
 */
export function scopeRange(role: Role, path: string): OrgRange {
  return role === 'committee' ? { lo: path, hi: path.slice(0, -1) + '0' } : { lo: path, hi: path + '\u0001' };
}

export const actorOf = (auth: Pick<AuthContext, 'tokenId' | 'label'>) => `${auth.tokenId}:${auth.label}`;
