import { SIMULATOR_PROJECT_ID } from '../src/simulator/config.ts';
import { validCreateBody } from '../src/simulator/test-support.ts';
import { expect, signInAs, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

const CLUSTERS_API = `/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters`;

test('an operator deletes a cluster with chosen options and watches it go', async ({ page }) => {
  const name = `doomed-${Date.now().toString(36)}`;
  const clusters = new ClustersPage(page);

  await test.step('a cluster to delete exists and is Available', async () => {
    const { csrfToken } = await signInAs(page, 'operator');
    const res = await page.request.post(CLUSTERS_API, { headers: { 'x-csrf-token': csrfToken }, data: validCreateBody(name) });
    expect(res.status()).toBe(201);
    await clusters.open();
    await expect(clusters.status(name, 'Available')).toBeVisible({ timeout: 60_000 });
  });

  await test.step('the dialog lists every option with its default and asks for the name', async () => {
    await clusters.row(name).getByRole('button', { name: `Delete cluster ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete cluster ${name}` });
    await expect(dialog.getByRole('radiogroup', { name: 'ENI ports (native ENIs)' }).getByRole('radio', { name: 'Delete, stop on failure' })).toBeChecked();
    await expect(dialog.getByRole('radiogroup', { name: 'OBS volumes' }).getByRole('radio', { name: 'Keep' })).toBeChecked();
    await dialog.getByRole('radiogroup', { name: 'OBS volumes' }).getByRole('radio', { name: 'Try to delete' }).check();
    await dialog.getByRole('radiogroup', { name: 'Logs (LTS)' }).getByRole('radio', { name: 'Keep the logs' }).check();
    const submit = dialog.getByRole('button', { name: 'Delete cluster' });
    await expect(submit).toBeDisabled();
    await dialog.getByRole('textbox', { name: `Type ${name} to confirm` }).fill(name);
    await submit.click();
    await expect(dialog.getByRole('group', { name: `Deleting ${name}` })).toBeVisible();
    await expect(dialog.getByText(`${name} has been deleted.`)).toBeVisible({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('the cluster has left the list', async () => {
    await expect(clusters.row(name)).toHaveCount(0, { timeout: 30_000 });
  });
});

test('a viewer sees why they cannot create or delete clusters', async ({ signedOutPage: page }) => {
  await signInAs(page, 'viewer');
  const clusters = new ClustersPage(page);
  await clusters.open();
  const create = page.getByRole('link', { name: 'Create cluster' });
  await expect(create).toHaveAttribute('data-disabled', 'true');
  await expect(clusters.row('prod-payments').getByRole('button', { name: 'Delete cluster prod-payments' })).toBeDisabled();
  await create.hover();
  await expect(page.getByRole('tooltip')).toContainText('Your role (Viewer) can view but not change resources.');
});
