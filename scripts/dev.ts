/**
 * `npm run dev`: hot reload for the whole console. Vite serves the SPA on PORT (default 8080) with HMR and
 * proxies /api to the BFF, which runs on BFF_PORT (default 8081) under `node --watch` and restarts on change.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const bffPort = process.env.BFF_PORT ?? '8081';
const host = process.env.HOST ?? '127.0.0.1';

const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch', '--import', 'tsx', 'src/bff/server.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: bffPort, HOST: '127.0.0.1' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', host, '--port', port, '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, BFF_PORT: bffPort },
  }),
];

function stop(code: number) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
