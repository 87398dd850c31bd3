import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../shared/api';
import { clearIdCard, LOOKALIKES } from '../../test/support/idCards';
import { placeAt, stringFields } from '../../test/worker/schemaFields';
import { app } from '../app';
import { requestSchemas } from './validate';

/** One place a client can put text: where, and the field name the refusal must give. */
interface Case {
  name: string;
  field: string;
  request: (text: string) => Request;
}

const routes = [
  ...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values(),
];
const url = (path: string) => `https://sync.test${path.replace(/:[A-Za-z]+/g, 'x')}`;
/** Header values are Latin-1: full-width digits arrive as ASCII, invisible characters cannot be sent. */
const asHeader = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
const withBody = (method: string) => method !== 'GET' && method !== 'HEAD';

function cases(): Case[] {
  const out: Case[] = [];
  for (const r of requestSchemas(app.routes)) {
    for (const path of stringFields(r.schema, r.target === 'query')) {
      const field = path.join('.');
      if (r.target === 'json')
        out.push({
          name: `${r.method} ${r.path} body ${field}`,
          field,
          request: (text) =>
            new Request(url(r.path), {
              method: r.method,
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(placeAt(path, text)),
            }),
        });
      else if (r.target === 'query')
        out.push({
          name: `${r.method} ${r.path} query ${field}`,
          field: `查询参数 ${field}`,
          request: (text) => new Request(`${url(r.path)}?${field}=${encodeURIComponent(text)}`, { method: r.method }),
        });
    }
  }
  for (const r of routes) {
    for (const param of r.path.match(/:[A-Za-z]+/g) ?? [])
      out.push({
        name: `${r.method} ${r.path} param ${param}`,
        field: `网址中的 ${param.slice(1)}`,
        request: (text) =>
          new Request(
            `https://sync.test${r.path.replace(param, encodeURIComponent(text)).replace(/:[A-Za-z]+/g, 'x')}`,
            {
              method: r.method,
              ...(withBody(r.method) ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}),
            },
          ),
      });
    for (const header of ['X-Request-Id', 'Idempotency-Key', 'X-Anything'])
      out.push({
        name: `${r.method} ${r.path} header ${header}`,
        field: `请求头 ${header.toLowerCase()}`,
        request: (text) => new Request(url(r.path), { method: r.method, headers: { [header]: asHeader(text) } }),
      });
  }
  return out;
}

const ALL = cases();
/** A small slice in `npm test`; `npm run fuzz:worker` runs thousands. */
const RUNS = Number(env.ID_GUARD_FUZZ_RUNS) || 120;

async function send(c: Case, text: string) {
  const res = await SELF.fetch(c.request(text));
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null,
  };
}

describe('no 身份证号 in clear enters the worker, through any field of any route', () => {
  it('knows every request schema the shared API defines, and every route that reads one', () => {
    const used = new Set(requestSchemas(app.routes).map((r) => r.schema));
    const requests = Object.entries(api).filter(([name]) => /(Request|Query|Batch|Import|Patch|Settings)$/.test(name));
    expect(requests.length).toBeGreaterThan(10);
    for (const [name, schema] of requests) expect(used.has(schema as never), `${name} is read by no route`).toBe(true);
    // Body, query, path and headers: over a hundred places, each tried below.
    expect(ALL.length).toBeGreaterThan(150);
    expect(ALL.some((c) => c.field === 'observations.0.nameMasked')).toBe(true);
    expect(ALL.some((c) => c.field === '网址中的 key')).toBe(true);
  });

  it('each place refuses a number with 400, naming the field and never echoing the number', async () => {
    for (const c of ALL) {
      const r = await send(c, '身份证号 11010519491231002X');
      expect(r.status, c.name).toBe(400);
      expect(r.body?.error?.code, c.name).toBe('id-card-in-clear');
      expect(r.body!.error!.message, c.name).toContain(c.field);
      expect(r.body!.error!.message).not.toMatch(/19491231/);
    }
  }, 120_000);

  it('fuzzed: any number, disguised any way, in any place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL), clearIdCard, async (c, text) => {
        const r = await send(c, text);
        expect(r.body?.error?.code, `${c.name}: ${JSON.stringify(text)}`).toBe('id-card-in-clear');
        expect(r.body!.error!.message).toContain(c.field);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('digests, 编号 and dates in the same places pass the guard (the route decides about them)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL), fc.constantFrom(...LOOKALIKES), async (c, text) => {
        const r = await send(c, text);
        expect(r.body?.error?.code, `${c.name}: ${text}`).not.toBe('id-card-in-clear');
        expect(r.status, `${c.name}: ${text}`).toBeLessThan(500);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 300_000);
});
