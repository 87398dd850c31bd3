// A webhook receiver on loopback for the digest tests: records every request, and can be told to
// answer some paths with failures first (to show retries) or with a robot's error code.
import { createServer, type Server } from 'node:http';

export interface Received {
  path: string;
  query: Record<string, string>;
  body: string;
  at: number;
}

export function startReceiver(): Promise<{ server: Server; port: number }> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/__received')
        return send(
          200,
          received.filter((r) => r.path.startsWith(url.searchParams.get('prefix') ?? '/')),
        );
      received.push({
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      // /fail-N/...: the first N requests to this path fail with 502.
      const m = /^\/fail-(\d+)\//.exec(url.pathname);
      if (m) {
        const seen = (failures.get(url.pathname) ?? 0) + 1;
        failures.set(url.pathname, seen);
        if (seen <= Number(m[1])) return send(502, { error: 'bad gateway' });
      }
      if (url.pathname.startsWith('/errcode/')) return send(200, { errcode: 310000, errmsg: 'sign not match' });
      send(200, { errcode: 0, errmsg: 'ok' });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}
