import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../src/bff/auth/bootstrap.ts';
import { expect, test } from './fixtures.ts';
import { E2E_ADMIN_PORT, E2E_SECRETS } from './e2e-env.ts';
import { BROWSER_SECRETS, watchForSecrets } from './secret-scan.ts';

const DIST = join(import.meta.dirname, '..', 'dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

test('the built bundle holds no credential: not the signing keys, not the IAM password, not a demo password', () => {
  const bundle = files(DIST);
  expect(bundle.some((f) => f.endsWith('.js'))).toBe(true);
  const secrets = [...BROWSER_SECRETS, ...DEMO_ACCOUNTS.map((a) => a.password), 'sImU1aT0rDeM0sEcReTkEy0nLyF0rL0cAlUsE001'];
  for (const file of bundle) {
    const text = readFileSync(file, 'utf8');
    for (const secret of secrets) expect(text.includes(secret), `${file} contains ${secret.slice(0, 4)}…`).toBe(false);
  }
});

test('a console with a configured admin never sends that password, or the keys, to the browser', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${E2E_ADMIN_PORT}` });
  const watch = watchForSecrets(context);
  const page = await context.newPage();
  try {
    await page.goto('/clusters');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the CCE Autopilot console' })).toBeVisible();
    // No demo accounts when an admin is configured.
    await expect(page.getByRole('table', { name: 'Demo accounts' })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Username' }).fill(E2E_SECRETS.admin.username);
    await page.getByRole('textbox', { name: 'Password' }).fill(E2E_SECRETS.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('table', { name: 'Clusters' })).toBeVisible();
    for (const section of ['Audit', 'Accounts', 'Quotas']) {
      await page.getByRole('navigation').getByRole('link', { name: section }).click();
      await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    }
    await expect(page.getByRole('table', { name: 'Audit trail' }).or(page.getByRole('table', { name: 'All quotas' }))).toBeVisible();
  } finally {
    const leaks = await watch.leaks();
    await context.close();
    expect(leaks, 'responses that carried a secret').toEqual([]);
  }
});
