import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { generate } from 'selfsigned';
import { handleRequest } from './backend/http';
import { ReplicaStore, type ResetOptions } from './backend/store';

/** The names the replica answers for: the host's own, mapped to it inside the test browser. */
export const HOST_NAMES = ['zhtj.youth.cn', 'm.zhtj.youth.cn', 'localhost'];

export interface ReplicaServerOptions {
  /** HTTPS port; 0 picks a free one. */
  port?: number;
  /** Optional plain-HTTP port, for debugging with curl. */
  httpPort?: number;
  dataDir: string;
  /** Used when the data directory holds no state yet. */
  initial?: ResetOptions;
  host?: string;
}

export interface ReplicaServer {
  port: number;
  httpPort: number | null;
  store: ReplicaStore;
  /** PEM of the self-signed certificate, for Node clients that check it. */
  cert: string;
  close(): Promise<void>;
}

/** A certificate made at start for the host names and 127.0.0.1: nothing secret is committed. */
export async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'zhtj.youth.cn' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...HOST_NAMES.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function toRequest(req: IncomingMessage, scheme: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const url = `${scheme}://${req.headers.host ?? 'zhtj.youth.cn'}${req.url ?? '/'}`;
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => {
    if (k !== 'set-cookie') headers[k] = v;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

function listener(store: ReplicaStore, scheme: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(store, toRequest(req, scheme))
      .then((r) => send(res, r))
      .catch((err) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('系统繁忙，请稍后再试');
      });
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startReplicaServer(opts: ReplicaServerOptions): Promise<ReplicaServer> {
  const store = ReplicaStore.open(opts.dataDir, opts.initial);
  const { key, cert } = await makeCertificate();
  const host = opts.host ?? '127.0.0.1';
  const https = createHttpsServer({ key, cert }, listener(store, 'https'));
  const port = await listen(https, opts.port ?? 0, host);
  const http = opts.httpPort !== undefined ? createHttpServer(listener(store, 'http')) : null;
  const httpPort = http ? await listen(http, opts.httpPort!, host) : null;
  const closeOne = (s: Server) =>
    new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    });
  return {
    port,
    httpPort,
    store,
    cert,
    close: async () => {
      await Promise.all([closeOne(https), ...(http ? [closeOne(http)] : [])]);
    },
  };
}
