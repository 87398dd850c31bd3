import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** A refusal with a stable code and a Chinese message saying what to do next. */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function fail(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers?: Record<string, string>,
): never {
  throw new ApiFailure(status, code, message, headers);
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function summariseIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
  const more = error.issues.length > 3 ? `（另有 ${error.issues.length - 3} 处问题）` : '';
  return `请求内容有误：${parts.join('；')}${more}`;
}

/** zValidator's hook: a 400 with the first issues in Chinese, never zod's raw dump. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context) {
  if (!result.success) return c.json(errorBody('invalid-request', summariseIssues(result.error as z.ZodError)), 400);
  return undefined;
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiFailure) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400) return c.json(errorBody('bad-json', '请求内容不是有效的 JSON，请检查后重试'), 400);
    if (status === 413) return c.json(errorBody('too-large', '请求内容过大：每批最多 5000 行，请分批上传'), 413);
    return c.json(errorBody('http-error', err.message || '请求被拒绝'), status as ContentfulStatusCode);
  }
  console.error('unhandled', err);
  return c.json(errorBody('internal', '服务暂时出错，请稍后重试；如一直出现，请联系管理员'), 500);
};
