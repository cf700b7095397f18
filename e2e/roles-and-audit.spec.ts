import { DEMO_SEED } from '../src/simulator/seed.ts';
import { SIMULATOR_PROJECT_ID } from '../src/simulator/config.ts';
import { demoAccount, expect, signInAs, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('a signed-out visitor is sent to sign in; the demo accounts are stated; each role sees what it may do', async ({ signedOutPage: page }) => {
  const signIn = new SignInPage(page);
  const clusters = new ClustersPage(page);

  await test.step("any page asks for sign-in first, and the simulator's demo accounts are listed", async () => {
    await page.goto('/clusters');
    await signIn.expectShown();
    const demo = page.getByRole('table', { name: 'Demo accounts' });
    for (const role of ['admin', 'operator', 'viewer'] as const) await expect(demo).toContainText(demoAccount(role).password);
  });

  await test.step('a wrong password is refused on the page', async () => {
    await signIn.signIn('viewer', 'not-the-password');
    await expect(page.getByText('Wrong username or password.')).toBeVisible();
  });

  await test.step('the viewer reads the clusters but gets no Accounts section', async () => {
    await signIn.signIn('viewer', demoAccount('viewer').password);
    await expect(clusters.table).toBeVisible();
    await expect(page.getByRole('banner').getByText('Viewer', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toHaveCount(0);
    const create = page.getByRole('button', { name: 'Create cluster' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await create.hover();
    await expect(page.getByRole('tooltip')).toContainText('Your role (Viewer) can view but not change resources.');
    await page.goto('/accounts');
    await expect(page.getByText('Managing accounts needs the admin role.')).toBeVisible();
    await signIn.signOut();
  });

  await test.step('the operator may create clusters but has no Accounts section', async () => {
    await signIn.signIn('operator', demoAccount('operator').password);
    await expect(page.getByRole('banner').getByText('Operator', { exact: true })).toBeVisible();
    const create = page.getByRole('link', { name: 'Create cluster' });
    await expect(create).toBeVisible();
    await expect(create).not.toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toHaveCount(0);
    await signIn.signOut();
  });

  await test.step('the admin has the Accounts section', async () => {
    await signIn.signIn('admin', demoAccount('admin').password);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toBeVisible();
    await signIn.signOut();
  });
});

test('an admin creates an operator account, and the new operator signs in', async ({ signedOutPage: page }) => {
  const signIn = new SignInPage(page);
  const username = `oncall-${Date.now().toString(36)}`;
  const password = 'on call operator passphrase';

  await test.step('the admin creates the account', async () => {
    await page.goto('/sign-in');
    await signIn.signIn('admin', demoAccount('admin').password);
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an account' });
    await dialog.getByRole('textbox', { name: 'Username' }).fill(username);
    await dialog.getByRole('textbox', { name: 'Password' }).fill('short');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await expect(dialog.getByText('Password must be at least 12 characters.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Password' }).fill(password);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ hasText: username })).toContainText('Active');
    await signIn.signOut();
  });

  await test.step('the new operator signs in with the operator role', async () => {
    await signIn.signIn(username, password);
    await expect(page.getByRole('banner').getByText('Operator', { exact: true })).toBeVisible();
  });
});

test('the audit page shows a cluster change with the operator who made it', async ({ signedOutPage: page }) => {
  const cluster = DEMO_SEED.clusters['staging-web'];
  const tagKey = `audited-${Date.now().toString(36)}`;

  await test.step('the operator adds a tag to a cluster', async () => {
    const { csrfToken } = await signInAs(page, 'operator');
    const res = await page.request.post(`/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters/${cluster}/tags/create`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { tags: [{ key: tagKey, value: 'yes' }] },
    });
    expect(res.status()).toBe(204);
    await page.request.delete('/api/session', { headers: { 'x-csrf-token': csrfToken } });
  });

  await test.step('the admin finds it in the audit trail, filtered by operation and target', async () => {
    await page.goto('/audit');
    await new SignInPage(page).signIn('admin', demoAccount('admin').password);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Operation' }).fill('BatchCreateAutopilotClusterTags');
    await page.getByRole('textbox', { name: 'Target name or ID' }).fill(cluster);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=BatchCreateAutopilotClusterTags/);
    const row = page.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1);
    await expect(row).toContainText('operator');
    await expect(row).toContainText('Operator');
    await expect(row).toContainText('Succeeded');
    // The target by the name it had and its id: a cluster deleted since is still recognised.
    await expect(row.getByText('staging-web', { exact: true })).toBeVisible();
    await expect(row.getByText(cluster, { exact: true })).toBeVisible();
    await row.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('table', { name: 'Audit trail' })).toContainText(tagKey);
  });
});
