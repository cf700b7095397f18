import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the browser tests and the benchmark drive, in the order the README documents:
 * Debian's `/usr/bin/chromium`, then `PLAYWRIGHT_CHROMIUM_PATH`, then a browser Playwright itself
 * downloaded earlier. `undefined` when there is none; callers say how to get one rather than skip.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = ['/usr/bin/chromium', env.PLAYWRIGHT_CHROMIUM_PATH, chromium.executablePath()];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

export const NO_CHROMIUM_HELP = [
  'No Chromium found for the browser tests. Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium      (gives /usr/bin/chromium)',
  '  - any Chromium/Chrome binary, then: export PLAYWRIGHT_CHROMIUM_PATH=/path/to/chrome',
  "  - Playwright's own build: npx playwright install chromium",
].join('\n');

/** Flags for a headless Chromium in containers and CI machines (no GPU, no user namespace sandbox). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
