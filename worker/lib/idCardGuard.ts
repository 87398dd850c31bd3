import type { MiddlewareHandler } from 'hono';
import { containsClearIdCard } from '../../shared/domain/idCardInText';
import type { AppEnv } from '../env';
import { fail } from '../errors';

type Route = { method: string; path: string };

const refuse = (field: string): never =>
  fail(
    400,
    'id-card-in-clear',
    `${field} 中疑似有明文身份证号：同步服务从不接收明文身份证号，请删除后重试（身份证号只以脱敏形式如 110105********1234 和哈希上传）`,
  );

/**
 * One guard in front of every route: every string that enters the worker — each header, each query
 * parameter, each segment of the path, each string anywhere in a JSON body (keys too), each line of
 * any other body — is refused when it carries a 身份证号 in clear (shared/domain/idCardInText.ts),
 * before anything reads, logs or stores it. It needs no list of fields, so a field added to a schema
 * tomorrow is covered today. The refusal names the field and never repeats the value.
 */
export const idCardGuard =
  (routes: () => readonly Route[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    for (const [name, value] of c.req.raw.headers) if (containsClearIdCard(value)) refuse(`请求头 ${name}`);
    const url = new URL(c.req.url);
    for (const [key, value] of url.searchParams) {
      if (containsClearIdCard(key)) refuse('查询参数名');
      if (containsClearIdCard(value)) refuse(`查询参数 ${key}`);
    }
    const segments = url.pathname.split('/').map(decodeSegment);
    const bad = segments.findIndex((s) => containsClearIdCard(s));
    if (bad >= 0) refuse(`网址中的 ${paramName(routes(), c.req.method, segments, bad) ?? `第 ${bad} 段`}`);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') checkBody(await c.req.text(), c.req.header('Content-Type'));
    await next();
  };

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The route parameter a path segment fills (`:key`, `:id` …), from the app's own route table. */
function paramName(routes: readonly Route[], method: string, segments: string[], at: number): string | undefined {
  for (const r of routes) {
    if (r.method !== method && r.method !== 'ALL') continue;
    const pattern = r.path.split('/');
    if (pattern.length !== segments.length) continue;
    if (pattern.every((p, i) => p.startsWith(':') || p === segments[i] || i === at) && pattern[at]!.startsWith(':'))
      return pattern[at]!.slice(1);
  }
  return undefined;
}

function checkBody(text: string, type: string | undefined): void {
  if (!text) return;
  if (!type || type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the route will say so; the text is still checked.
      if (containsClearIdCard(text)) refuse('请求内容');
      return;
    }
    const field = stringWithIdCard(parsed, []);
    if (field !== null) refuse(field || '请求内容');
    return;
  }
  // CSV and any other text: line by line, so the refusal can say where.
  const lines = text.split(/\r\n|\r|\n/);
  const bad = lines.findIndex((l) => containsClearIdCard(l));
  if (bad >= 0) refuse(type.startsWith('text/csv') ? `CSV 第 ${bad + 1} 行` : `请求内容第 ${bad + 1} 行`);
}

/** The path (`observations.3.nameMasked`) of the first string in a JSON value that carries one; null when none does. */
function stringWithIdCard(value: unknown, path: (string | number)[]): string | null {
  if (typeof value === 'string') return containsClearIdCard(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const hit = stringWithIdCard(value[i], path);
      path.pop();
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (containsClearIdCard(k)) return [...path, '（字段名）'].join('.');
    path.push(k);
    const hit = stringWithIdCard(v, path);
    path.pop();
    if (hit !== null) return hit;
  }
  return null;
}
