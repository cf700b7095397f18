/**
 * The one place journeys get `test` and `expect` from. Every journey's browser context is watched
 * for secrets in any response (bodies and headers), and `page` starts signed in as the demo operator
 * unless a test asks for `signedOutPage`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../src/bff/auth/bootstrap.ts';
import type { Role } from '../src/contract/console-api.ts';
import { watchForSecrets } from './secret-scan.ts';

export { expect };

export function demoAccount(role: Role) {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

/** Signs in through the API; the session cookie lands in the page's browser context. */
export async function signInAs(page: Page, role: Role): Promise<{ csrfToken: string }> {
  const account = demoAccount(role);
  const res = await page.request.post('/api/session', { data: { username: account.username, password: account.password } });
  expect(res.status(), `sign-in as ${role}`).toBe(200);
  return (await res.json()) as { csrfToken: string };
}

export const test = base.extend<{ secretScan: void; signedOutPage: Page }>({
  secretScan: [
    async ({ context }, use) => {
      const watch = watchForSecrets(context);
      await use();
      expect(await watch.leaks(), 'responses that carried a secret').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await signInAs(page, 'operator');
    await use(page);
  },
  signedOutPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const watch = watchForSecrets(context);
    const page = await context.newPage();
    await use(page);
    expect(await watch.leaks(), 'responses that carried a secret').toEqual([]);
    await context.close();
  },
});
