/**
 * `npm run test:e2e`: builds the SPA and runs the Playwright journeys in headless Chromium against the
 * BFF in simulator mode (see e2e/playwright.config.ts). Extra arguments go to `playwright test`.
 * Without a Chromium it fails and says how to get one: a browser suite that silently skips is no test.
 */
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM_HELP } from './chromium.ts';

const executable = findChromium();
if (!executable) {
  console.error(NO_CHROMIUM_HELP);
  process.exit(1);
}
console.log(`e2e: Chromium at ${executable}`);

const run = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, E2E_CHROMIUM_PATH: executable } });

const build = run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
if (build.status !== 0) process.exit(build.status ?? 1);

const result = run(['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)]);
process.exit(result.status ?? 1);
