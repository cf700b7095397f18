import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { E2E_ADMIN_PORT, E2E_PORT, E2E_SECRETS } from './e2e-env.ts';

// Fresh embedded stores per run: accounts, sessions and audit start from the initial state.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cce-console-e2e-'));
const adminDataDir = process.env.E2E_ADMIN_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cce-console-e2e-admin-'));
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_ADMIN_DATA_DIR = adminDataDir;
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

const server = (port: number, env: Record<string, string>) => ({
  command: 'node --import tsx src/bff/server.ts',
  cwd: '..',
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    STATIC_DIR: 'dist',
    // Real-time lifecycles: nothing finishes while a journey looks at it; journeys advance simulated
    // time through the control surface (fixtures.ts) when they want work done.
    SIMULATOR_SPEED: process.env.E2E_SIMULATOR_SPEED ?? '1',
    SIMULATOR_SEED: 'demo',
    SIMULATOR_AK: E2E_SECRETS.ak,
    SIMULATOR_SK: E2E_SECRETS.sk,
    ...env,
  },
});

/**
 * The journeys run against the real BFF serving the built SPA, in simulator mode, so every call
 * the browser makes is signed by the BFF and verified by the simulator. One worker: the journeys
 * share the simulator, which each resets to the demo seed when it starts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: process.env.E2E_CHROMIUM_PATH ?? findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: [
    // The console as `npm start` runs it on a fresh machine: simulator mode with the demo accounts.
    server(E2E_PORT, { CONSOLE_DATA_DIR: dataDir }),
    // The same with a configured first admin (no demo accounts), whose password the secret scan hunts for.
    server(E2E_ADMIN_PORT, {
      CONSOLE_DATA_DIR: adminDataDir,
      CONSOLE_ADMIN_USER: E2E_SECRETS.admin.username,
      CONSOLE_ADMIN_PASSWORD: E2E_SECRETS.admin.password,
    }),
  ],
});
