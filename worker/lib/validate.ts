import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationHook } from '../errors';

/** What a route reads from the request, and with which schema: tests derive their cases from it. */
export interface RequestSchema {
  target: keyof ValidationTargets;
  schema: z.ZodType;
}

const tagged = <M extends object>(mw: M, request: RequestSchema) => Object.assign(mw, { request });

/** zod at the edge, with the Chinese error body. */
export const valid = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  tagged(zValidator(target, schema, validationHook), { target, schema });

/** Names the schema of a body a route parses itself (JSON or CSV): listed with the others, checks nothing. */
export const accepts = (target: keyof ValidationTargets, schema: z.ZodType): MiddlewareHandler =>
  tagged<MiddlewareHandler>(async (_c, next) => next(), { target, schema });

/** Every (method, path, schema) of an app's routes, from the middleware `valid` and `accepts` made. */
export function requestSchemas(
  routes: readonly { method: string; path: string; handler: unknown }[],
): (RequestSchema & { method: string; path: string })[] {
  return routes.flatMap((r) => {
    const request = (r.handler as { request?: RequestSchema }).request;
    return request ? [{ method: r.method, path: r.path, ...request }] : [];
  });
}
