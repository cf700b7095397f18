import { SIMULATOR_PROJECT_ID } from '../src/simulator/config.ts';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { validCreateBody } from '../src/simulator/test-support.ts';
import type { Page } from '@playwright/test';
import { demoAccount, expect, signInAs, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

const CLUSTERS_API = `/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters`;

/** Creation takes 40–60 simulated seconds; deletion 20–30. */
const CREATION_SECONDS = 90;
const DELETION_SECONDS = 60;

test('an operator deletes a cluster with chosen options and watches it go', async ({ page, simulator }) => {
  const name = `doomed-${Date.now().toString(36)}`;
  const clusters = new ClustersPage(page);

  await test.step('a cluster to delete exists and is Available', async () => {
    const { csrfToken } = await signInAs(page, 'operator');
    const res = await page.request.post(CLUSTERS_API, { headers: { 'x-csrf-token': csrfToken }, data: validCreateBody(name) });
    expect(res.status()).toBe(201);
    await simulator.advance(CREATION_SECONDS);
    await clusters.open();
    await expect(clusters.status(name, 'Available')).toBeVisible();
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
    await expect(dialog).toBeHidden();
  });

  await test.step('a notification follows the deletion job until the cluster has left the list', async () => {
    const progress = page.getByRole('alert').filter({ hasText: `Deleting cluster ${name}` });
    await expect(progress.getByRole('region', { name: `Deleting ${name}` })).toBeVisible();
    await expect(progress.getByText(`${name} has been deleted.`)).toHaveCount(0);
    await simulator.advance(DELETION_SECONDS);
    await expect(progress.getByText(`${name} has been deleted.`)).toBeVisible();
    await expect(clusters.row(name)).toHaveCount(0);
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

const prod = DEMO_SEED.vpcs['vpc-prod']!;
const dev = DEMO_SEED.vpcs['vpc-dev']!;

/** Fills the wizard up to the review step. */
async function fillWizard(page: Page, name: string, subnet = prod.subnets[0]!.networkId) {
  await page.goto('/clusters');
  await page.getByRole('link', { name: 'Create cluster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a cluster' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Cluster name' }).fill(name);
  await page.getByRole('combobox', { name: 'Kubernetes version' }).selectOption('v1.28');
  await page.getByRole('button', { name: 'Next' }).click();
  // VPC and subnets are typed (no VPC API in CCE Autopilot); suggestions come from existing clusters.
  await page.getByRole('combobox', { name: 'VPC ID' }).fill(prod.id);
  await page.getByRole('combobox', { name: 'Host subnet ID' }).fill(subnet);
  const eni = page.getByRole('combobox', { name: 'ENI subnet IDs' });
  await eni.fill(prod.subnets[1]!.subnetId);
  await eni.press('Enter');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'Tags' }).fill('team=payments');
  await page.getByRole('button', { name: 'Next' }).click();
}

test('an operator creates a cluster with the wizard and watches it become Available', async ({ page, simulator }) => {
  const name = `wizard-${Date.now().toString(36)}`;

  await test.step('a name breaking the rules is caught on the first step', async () => {
    await page.goto('/clusters/new');
    await page.getByRole('textbox', { name: 'Cluster name' }).fill('Bad_Name-');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Cluster name must start with a lowercase letter')).toBeVisible();
  });

  await test.step('fill the wizard; the review shows the exact request', async () => {
    await fillWizard(page, name);
    const request = page.getByLabel('Create cluster request');
    await expect(request).toContainText(`"name": "${name}"`);
    await expect(request).toContainText('cluster.install.addons/install');
    await expect(request).toContainText('"IPv4CIDR": "10.247.0.0/16"');
  });

  await test.step('submit and watch the creation job until the cluster is Available', async () => {
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Creating ${name}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Creation job' })).toBeVisible();
    await expect(page.getByText('The cluster is ready.')).toHaveCount(0);
    await simulator.advance(CREATION_SECONDS);
    await expect(page.getByText('The cluster is ready.')).toBeVisible();
    await page.getByRole('link', { name: 'Open the cluster' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  await test.step('a second cluster with the same name is refused on the name field', async () => {
    await fillWizard(page, name);
    await page.getByRole('button', { name: 'Create cluster' }).click();
    const nameField = page.getByRole('textbox', { name: 'Cluster name' });
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(nameField).toHaveValue(name);
    await expect(nameField).toHaveAccessibleDescription(/already exists/);
  });

  await test.step('a host subnet outside the VPC is refused on the subnet field', async () => {
    await fillWizard(page, `${name}-x`, dev.subnets[0]!.networkId);
    await page.getByRole('button', { name: 'Create cluster' }).click();
    const subnetField = page.getByRole('combobox', { name: 'Host subnet ID' });
    await expect(subnetField).toHaveAttribute('aria-invalid', 'true');
    await expect(subnetField).toHaveAccessibleDescription(/is not in VPC vpc-prod/);
  });
});

test('a session that ends mid-wizard sends the operator to sign in and back to everything they typed', async ({ page }) => {
  const name = `kept-${Date.now().toString(36)}`;
  await fillWizard(page, name);
  await expect(page.getByLabel('Create cluster request')).toContainText(name);

  await test.step('the session ends (cookie gone, as after the idle timeout); creating is refused with 401', async () => {
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await expect(page.getByText('Your session ended. Sign in again to continue where you were.')).toBeVisible();
  });

  await test.step('signing in again returns to the wizard with every value as it was', async () => {
    const operator = demoAccount('operator');
    await page.getByRole('textbox', { name: 'Username' }).fill(operator.username);
    await page.getByLabel(/^Password/).fill(operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a cluster' })).toBeVisible();
    await expect(page.getByText(/The values you entered earlier are back/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Cluster name' })).toHaveValue(name);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('combobox', { name: 'VPC ID' })).toHaveValue(prod.id);
    await expect(page.getByRole('combobox', { name: 'Host subnet ID' })).toHaveValue(prod.subnets[0]!.networkId);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('textbox', { name: 'Tags' })).toHaveValue('team=payments');
    // Nothing was created by the refused attempt.
    const list = (await (await page.request.get(CLUSTERS_API)).json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((c) => c.metadata.name)).not.toContain(name);
  });
});

test('creating a cluster over the quota is refused with the quota error, and nothing is created', async ({ page }) => {
  const { csrfToken } = await signInAs(page, 'operator');
  const quotas = (await (await page.request.get(`/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/quotas`)).json()) as { quotas: { quotaLimit: number; used: number }[] };
  const { quotaLimit, used } = quotas.quotas[0]!;
  // The fillers need no clean-up: the next journey starts from a fresh demo world.
  await test.step('fill the quota', async () => {
    for (let i = used; i < quotaLimit; i++) {
      const res = await page.request.post(CLUSTERS_API, { headers: { 'x-csrf-token': csrfToken }, data: validCreateBody(`filler-${i}`) });
      expect(res.status()).toBe(201);
    }
  });
  await test.step('the wizard shows the refusal and keeps everything typed', async () => {
    const name = `over-quota-${Date.now().toString(36)}`;
    await fillWizard(page, name);
    await page.getByRole('button', { name: 'Create cluster' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The cluster could not be created' });
    await expect(alert).toContainText('CCE.01400007');
    await expect(alert).toContainText('the cluster quota is used up');
    await expect(page.getByRole('link', { name: 'See the quotas' })).toBeVisible();
    await expect(page.getByLabel('Create cluster request')).toContainText(name);
    const list = (await (await page.request.get(CLUSTERS_API)).json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((c) => c.metadata.name)).not.toContain(name);
  });
});
