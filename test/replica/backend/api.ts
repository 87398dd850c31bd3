import type { ReplicaAccount, ReplicaOrg, ReplicaSession } from '../model';
import type { ReplicaStore } from './store';

/** retCode values: the first three are the real site's; the rest are the replica's choice. */
export const RET = {
  ok: 1000,
  /** 您的登录已失效，请重新登录 */
  expired: 1009,
  /** 没有权限 */
  denied: 9091,
  /** A refusal with the host's message (the real code is not public). */
  refused: 1001,
  /** 该团员尚未完成团员身份认证，必须认证通过后才能进行组织关系转接。 */
  transferUncertified: 33002,
} as const;

export const EXPIRED_MSG = '您的登录已失效，请重新登录';

export class ApiError extends Error {
  constructor(
    readonly retCode: number,
    readonly retMsg: string,
  ) {
    super(retMsg);
  }
}

export const refuse = (msg: string): never => {
  throw new ApiError(RET.refused, msg);
};
export const deny = (msg = '没有权限'): never => {
  throw new ApiError(RET.denied, msg);
};

/** A request body: JSON fields, or the fields and files of a multipart form. */
export type ApiInput = { kind: 'json'; json: Record<string, unknown> } | { kind: 'form'; form: FormData };

export function text(input: ApiInput, name: string): string {
  const v = input.kind === 'json' ? input.json[name] : input.form.get(name);
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function num(input: ApiInput, name: string, fallback: number): number {
  const t = text(input, name);
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : fallback;
}

export function file(input: ApiInput, name: string): File | null {
  if (input.kind !== 'form') return null;
  const v = input.form.get(name);
  return v instanceof File ? v : null;
}

export interface ApiContext {
  store: ReplicaStore;
  input: ApiInput;
  now: number;
  /** Present once signed in. */
  session?: { sid: string; data: ReplicaSession; account: ReplicaAccount; org: ReplicaOrg };
  setCookie(cookie: string): void;
}

export type SignedIn = ApiContext & { session: NonNullable<ApiContext['session']> };

export interface Endpoint {
  /** `none`: anyone; `session`: the cookie; `csrf`: the cookie and the X-CSRF-Token header. */
  auth: 'none' | 'session' | 'csrf';
  handle(ctx: ApiContext): unknown;
}

export function endpoint(auth: 'session' | 'csrf', handle: (ctx: SignedIn) => unknown): Endpoint {
  return { auth, handle: (ctx) => handle(ctx as SignedIn) };
}

/** One page of a list, as the host's list APIs answer it. */
export function page<T>(
  items: readonly T[],
  input: ApiInput,
  defaultSize = 10,
): { list: T[]; total: number; pageNo: number; pageSize: number } {
  const pageSize = Math.max(1, Math.min(1000, num(input, 'pageSize', defaultSize)));
  const pageNo = Math.max(1, num(input, 'pageNo', 1));
  return { list: items.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: items.length, pageNo, pageSize };
}
