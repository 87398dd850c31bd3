import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { ApiError, EXPIRED_MSG, RET, type ApiContext, type ApiInput, type Endpoint } from './api';
import { authEndpoints, SESSION_COOKIE } from './handlers/auth';
import { entryEndpoints, importTemplate } from './handlers/entry';
import { feeEndpoints } from './handlers/fees';
import { memberEndpoints } from './handlers/members';
import { operationEndpoints } from './handlers/operation';
import { fileInScope, recordEndpoints } from './handlers/records';
import { transferEndpoints } from './handlers/transfer';
import type { ReplicaStore, ResetOptions } from './store';
import { parseVariantQuery, type Variant } from '../variant';

const ROOT = resolve(import.meta.dirname, '../../..');
const APP_DIR = resolve(import.meta.dirname, '../app');

export const ENDPOINTS: Record<string, Endpoint> = {
  ...authEndpoints,
  ...memberEndpoints,
  ...entryEndpoints,
  ...recordEndpoints,
  ...operationEndpoints,
  ...transferEndpoints,
  ...feeEndpoints,
};

/** The host's UI kit, served from node_modules as the real site serves its own copies. */
const VENDOR: Record<string, string> = {
  'vue.min.js': 'node_modules/vue/dist/vue.min.js',
  'vue-router.min.js': 'node_modules/vue-router/dist/vue-router.min.js',
  'element-ui/index.js': 'node_modules/element-ui/lib/index.js',
  'element-ui/theme-chalk/index.css': 'node_modules/element-ui/lib/theme-chalk/index.css',
  'element-ui/theme-chalk/fonts/element-icons.woff': 'node_modules/element-ui/lib/theme-chalk/fonts/element-icons.woff',
  'element-ui/theme-chalk/fonts/element-icons.ttf': 'node_modules/element-ui/lib/theme-chalk/fonts/element-icons.ttf',
  // The Element Plus variant: Vue 3 (full build, with the template compiler) and vue-router 4.
  'vue3/vue.global.prod.js': 'node_modules/vue3/dist/vue.global.prod.js',
  'vue3/vue-router.global.prod.js': 'node_modules/vue-router4/dist/vue-router.global.prod.js',
  'element-plus/index.full.min.js': 'node_modules/element-plus/dist/index.full.min.js',
  'element-plus/index.css': 'node_modules/element-plus/dist/index.css',
  'element-plus/locale/zh-cn.min.js': 'node_modules/element-plus/dist/locale/zh-cn.min.js',
  'element-plus/icons-vue.min.js': 'node_modules/@element-plus/icons-vue/dist/index.iife.min.js',
};

/** What the page shell loads for each kit, in order (the app's own modules come after). */
const KIT_FILES: Record<Variant['kit'], { styles: string[]; scripts: string[] }> = {
  'element-ui': {
    styles: ['element-ui/theme-chalk/index.css'],
    scripts: ['vue.min.js', 'vue-router.min.js', 'element-ui/index.js'],
  },
  'element-plus': {
    styles: ['element-plus/index.css'],
    scripts: [
      'vue3/vue.global.prod.js',
      'vue3/vue-router.global.prod.js',
      'element-plus/index.full.min.js',
      'element-plus/locale/zh-cn.min.js',
      'element-plus/icons-vue.min.js',
    ],
  },
};

/** The one page shell of every route, with the kit the variant asks for. */
function shell(kit: Variant['kit']): string {
  const files = KIT_FILES[kit];
  const at = (f: string) => `/zhtj/static/vendor/${f}`;
  return readFileSync(join(APP_DIR, 'index.html'), 'utf8')
    .replace('<!--kit-styles-->', files.styles.map((f) => `<link rel="stylesheet" href="${at(f)}" />`).join('\n    '))
    .replace('<!--kit-scripts-->', files.scripts.map((f) => `<script src="${at(f)}"></script>`).join('\n    '));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });

function fileResponse(path: string, cache: string): Response {
  return new Response(readFileSync(path), {
    headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache },
  });
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function sessionOf(store: ReplicaStore, req: Request): ApiContext['session'] {
  const sid = cookie(req, SESSION_COOKIE);
  const data = sid ? store.state.sessions[sid] : undefined;
  const account = data && store.state.accounts.find((a) => a.username === data.username);
  const org = account && store.state.orgs.find((o) => o.leagueId === account.leagueId);
  return sid && data && account && org ? { sid, data, account, org } : undefined;
}

async function readInput(req: Request): Promise<ApiInput> {
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', form: await req.formData() };
  }
  const body = await req.text();
  if (!body) return { kind: 'json', json: {} };
  const parsed: unknown = JSON.parse(body);
  return {
    kind: 'json',
    json: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
  };
}

async function api(store: ReplicaStore, req: Request, name: string, now: number): Promise<Response> {
  const ep = ENDPOINTS[name];
  if (!ep) return json({ retCode: 404, retMsg: `接口不存在：${name}`, results: null }, { status: 404 });
  const cookies: string[] = [];
  const session = sessionOf(store, req);
  const reply = (body: unknown) => {
    const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
    for (const c of cookies) headers.append('set-cookie', c);
    return new Response(JSON.stringify(body), { headers });
  };
  if (ep.auth !== 'none') {
    if (!session) return reply({ retCode: RET.expired, retMsg: EXPIRED_MSG, results: null });
    if (ep.auth === 'csrf' && req.headers.get('x-csrf-token') !== session.data.csrfToken) {
      return reply({ retCode: RET.expired, retMsg: EXPIRED_MSG, results: null });
    }
  }
  try {
    const input = await readInput(req);
    const ctx: ApiContext = { store, input, now, ...(session ? { session } : {}), setCookie: (c) => cookies.push(c) };
    const results = await ep.handle(ctx);
    return reply({ retCode: RET.ok, retMsg: '成功', results: results ?? null });
  } catch (err) {
    if (err instanceof ApiError) return reply({ retCode: err.retCode, retMsg: err.retMsg, results: null });
    if (err instanceof SyntaxError) return reply({ retCode: RET.refused, retMsg: '请求格式不正确', results: null });
    console.error(err);
    return reply({ retCode: 500, retMsg: '系统繁忙，请稍后再试', results: null });
  }
}

async function fileDownload(store: ReplicaStore, req: Request, url: URL): Promise<Response> {
  const session = sessionOf(store, req);
  if (!session)
    return new Response(EXPIRED_MSG, { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  try {
    const ctx = { store, input: { kind: 'json', json: {} }, now: Date.now(), session, setCookie: () => {} } as const;
    const f = fileInScope(ctx, url.searchParams.get('fileId') ?? '');
    const bytes = await store.readFile(f);
    const disposition = url.searchParams.get('download') === '1' ? 'attachment' : 'inline';
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (err) {
    const msg = err instanceof ApiError ? err.retMsg : '文件不存在';
    return new Response(msg, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

/** The replica's test controls: health, reset (seed / size / variant) and the variant alone. */
async function control(store: ReplicaStore, req: Request, url: URL, path: string): Promise<Response> {
  if (path === 'health') return json({ ok: true, seed: store.state.seed, members: store.state.members.length });
  if (path === 'variant' && req.method === 'GET') return json(store.state.variant);
  if (req.method !== 'POST') return json({ error: 'POST only' }, { status: 405 });
  const query = url.searchParams.get('query');
  if (path === 'variant' && query !== null) return json(store.setVariant(parseVariantQuery(query)));
  const body = (await req.text()) || '{}';
  const opts = JSON.parse(body) as ResetOptions;
  if (path === 'reset') {
    store.reset(opts);
    return json({
      ok: true,
      seed: store.state.seed,
      members: store.state.members.length,
      variant: store.state.variant,
    });
  }
  if (path === 'variant') return json(store.setVariant(opts as never));
  return json({ error: 'unknown control' }, { status: 404 });
}

/** Everything the replica serves: pages, static files, the API and the test controls. */
export async function handleRequest(store: ReplicaStore, req: Request, now = Date.now()): Promise<Response> {
  const url = new URL(req.url);
  const path = url.pathname;
  if (path.startsWith('/__replica/')) return control(store, req, url, path.slice('/__replica/'.length));
  if (path.startsWith('/v1/center/')) {
    const name = path.slice('/v1/center/'.length);
    if (req.method === 'GET' && name === 'memberRecord/file') return fileDownload(store, req, url);
    if (req.method === 'GET' && name === 'tuanyuan/importTemplate') {
      return new Response((await importTemplate()) as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('团员批量导入模板.xlsx')}`,
        },
      });
    }
    if (req.method !== 'POST') return json({ retCode: 405, retMsg: '请求方式不正确', results: null }, { status: 405 });
    return api(store, req, name, now);
  }
  if (path.startsWith('/zhtj/static/vendor/')) {
    const target = VENDOR[path.slice('/zhtj/static/vendor/'.length)];
    return target
      ? fileResponse(join(ROOT, target), 'public, max-age=86400')
      : new Response('not found', { status: 404 });
  }
  if (path.startsWith('/zhtj/static/app/')) {
    const target = normalize(join(APP_DIR, path.slice('/zhtj/static/app/'.length)));
    if (!target.startsWith(APP_DIR + '/') || !existsSync(target) || !statSync(target).isFile())
      return new Response('not found', { status: 404 });
    return fileResponse(target, 'no-cache');
  }
  if (path === '/zhtj' || path.startsWith('/zhtj/')) {
    // History-mode routes: every page is the one shell; the router picks the view.
    return new Response(shell(store.state.variant.kit), {
      headers: { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' },
    });
  }
  if (path === '/favicon.ico') return new Response(null, { status: 204 });
  if (path === '/' || path === '') return new Response(null, { status: 302, headers: { location: '/zhtj/' } });
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
