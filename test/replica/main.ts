// The 智慧团建 replica on its own: `tsx test/replica/main.ts --port 8443 [--data DIR] [--http-port 8080]
// [--seed N] [--size N]`. `npm start` runs it and waits for GET /__replica/health.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startReplicaServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    'http-port': { type: 'string' },
    data: { type: 'string', default: '.replica-data' },
    seed: { type: 'string' },
    size: { type: 'string' },
  },
});

const server = await startReplicaServer({
  port: Number(values.port),
  ...(values['http-port'] ? { httpPort: Number(values['http-port']) } : {}),
  dataDir: resolve(values.data),
  initial: {
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.size ? { size: Number(values.size) } : {}),
  },
});

console.log(
  `智慧团建演示环境 replica: https://127.0.0.1:${server.port}/zhtj/ (self-signed certificate; data in ${resolve(values.data)})`,
);
if (server.httpPort) console.log(`  plain HTTP for debugging: http://127.0.0.1:${server.httpPort}/zhtj/`);
console.log(
  `  in Chromium: --host-resolver-rules="MAP zhtj.youth.cn 127.0.0.1:${server.port}" --ignore-certificate-errors https://zhtj.youth.cn/zhtj/`,
);
console.log(
  `  accounts (password ${server.store.state.accounts[0]?.password}): ${server.store.state.accounts.map((a) => `${a.username} ${a.displayName}`).join('; ')}`,
);

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
