import type { BrowserContext, Response } from '@playwright/test';
import { E2E_SECRETS } from './e2e-env.ts';

/**
 * Secrets that must never reach the browser: the key pair the BFF signs with, the configured admin's
 * password and the simulator's IAM password. (The demo accounts' passwords are public by design — the
 * sign-in page shows them — so they are checked only in the bundle, see secrets.spec.ts.)
 */
export const BROWSER_SECRETS: readonly string[] = [
  E2E_SECRETS.ak,
  E2E_SECRETS.sk,
  E2E_SECRETS.admin.password,
  process.env.SIMULATOR_IAM_PASSWORD ?? 'Simulator-Passw0rd!',
];

/**
 * Watches every response a browser context receives — bodies and headers — and reports any that
 * carries a secret. Used by the journeys' fixture, so the whole e2e run is scanned.
 */
export function watchForSecrets(context: BrowserContext): { leaks(): Promise<string[]> } {
  const pending: Promise<string | null>[] = [];
  const check = async (response: Response): Promise<string | null> => {
    const headers = JSON.stringify(await response.allHeaders());
    let body = '';
    try {
      body = (await response.body()).toString('utf8');
    } catch {
      // Redirects and aborted requests have no body to read.
    }
    const found = BROWSER_SECRETS.find((secret) => headers.includes(secret) || body.includes(secret));
    return found ? `${response.request().method()} ${response.url()} carries ${found.slice(0, 4)}…` : null;
  };
  context.on('response', (response) => pending.push(check(response)));
  return {
    async leaks() {
      return (await Promise.all(pending)).filter((leak): leak is string => leak !== null);
    },
  };
}
