import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Page } from '@playwright/test';
import { SIMULATOR_PROJECT_ID } from '../src/simulator/config.ts';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { validCreateBody } from '../src/simulator/test-support.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, signInAs, test, type SimulatorControls } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

const CLUSTERS_API = `/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters`;

/** Creation takes 40–60 simulated seconds. */
const CREATION_SECONDS = 90;

/**
 * A cluster of this journey's own, created through the API (still Creating until the journey
 * advances simulated time). No clean-up: the next journey starts from a fresh demo world.
 */
async function ownCluster(page: Page, prefix: string) {
  const name = `${prefix}-${Date.now().toString(36)}`;
  const { csrfToken } = await signInAs(page, 'operator');
  const res = await page.request.post(CLUSTERS_API, { headers: { 'x-csrf-token': csrfToken }, data: validCreateBody(name) });
  expect(res.status(), "create the journey's cluster").toBe(201);
  const uid = ((await res.json()) as { metadata: { uid: string } }).metadata.uid;
  return { name, uid };
}

/** The same, Available: its creation job has run to the end in simulated time. */
async function availableCluster(page: Page, simulator: SimulatorControls, prefix: string) {
  const cluster = await ownCluster(page, prefix);
  await simulator.advance(CREATION_SECONDS);
  return cluster;
}

test('an operator binds an EIP, sees the public endpoint and downloads a kubeconfig with an external context', async ({ page, simulator }) => {
  // The last demo EIP: seeded free.
  const eip = DEMO_SEED.eips[DEMO_SEED.eips.length - 1]!;
  const cluster = await ownCluster(page, 'access');
  const clusters = new ClustersPage(page);
  await test.step('open the new cluster from the list and watch its creation job on the Jobs tab', async () => {
    await clusters.open();
    await clusters.row(cluster.name).getByRole('link', { name: cluster.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: cluster.name })).toBeVisible();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(page).toHaveURL(/tab=jobs/);
    const job = page.getByRole('region', { name: 'Job CreateCluster' });
    await expect(job.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Status and version' }).getByText('Creating')).toBeVisible();
    await simulator.advance(CREATION_SECONDS);
    await expect(job.getByText('Success', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Status and version' }).getByText('Available', { exact: true })).toBeVisible();
  });

  await test.step('on the Access tab, a malformed EIP ID is refused before anything is sent', async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await expect(page).toHaveURL(/tab=access/);
    await expect(page.getByText(/No public address/)).toBeVisible();
    await page.getByRole('button', { name: 'Bind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: `Bind an EIP to ${cluster.name}` });
    await dialog.getByRole('textbox', { name: 'EIP ID' }).fill('not-an-eip');
    await dialog.getByRole('button', { name: 'Bind EIP' }).click();
    await expect(dialog.getByRole('textbox', { name: 'EIP ID' })).toHaveAccessibleDescription(/a UUID/);
  });

  await test.step('bind the EIP by its ID: the public endpoint appears', async () => {
    const dialog = page.getByRole('dialog', { name: `Bind an EIP to ${cluster.name}` });
    await dialog.getByRole('textbox', { name: 'EIP ID' }).fill(eip.id);
    await dialog.getByRole('button', { name: 'Bind EIP' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'API server addresses' })).toContainText(`https://${eip.address}:5443`);
    await expect(page.getByText('The file will hold these contexts: internal, external.')).toBeVisible();
  });

  await test.step('download a kubeconfig valid for 7 days: the file holds an external context', async () => {
    await page.getByRole('textbox', { name: 'Validity (days)' }).fill('7');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download kubeconfig' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${cluster.name}-kubeconfig.yaml`);
    const text = await readFile((await file.path())!, 'utf8');
    // YAML as operators write it, not JSON in a .yaml file.
    expect(text).toMatch(/^apiVersion: v1$/m);
    expect(text.trimStart().startsWith('{')).toBe(false);
    const kubeconfig = parseYaml(text) as {
      contexts: { name: string; context: { cluster: string } }[];
      clusters: { name: string; cluster: { server: string; 'insecure-skip-tls-verify'?: boolean } }[];
      'current-context': string;
    };
    expect(kubeconfig.contexts.map((c) => c.name)).toEqual(['internal', 'external']);
    expect(kubeconfig['current-context']).toBe('external');
    expect(kubeconfig.clusters.find((c) => c.name === 'externalCluster')?.cluster).toMatchObject({
      server: `https://${eip.address}:5443`,
      'insecure-skip-tls-verify': true,
    });
    const result = page.getByRole('alert').filter({ hasText: 'Kubeconfig saved as' });
    await expect(result).toContainText('Contexts in the file: internal, external.');
    await expect(result).toContainText(/skips TLS verification/);
  });

  await test.step('the overview lists the External endpoint too', async () => {
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByRole('table', { name: 'Network' })).toContainText(`Public (EIP): https://${eip.address}:5443`);
    await page.getByRole('tab', { name: 'Access' }).click();
  });

  await test.step('unbind it after a confirmation naming the cluster and the address', async () => {
    await page.getByRole('button', { name: 'Unbind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: `Unbind the EIP of ${cluster.name}?` });
    await expect(dialog).toContainText(cluster.name);
    await expect(dialog).toContainText(eip.address);
    await dialog.getByRole('button', { name: 'Unbind EIP' }).click();
    await expect(page.getByText(/No public address/)).toBeVisible();
  });
});

test('the Overview and the Access tab name the same internal address; a refused EIP is said on its field', async ({ page }) => {
  const uid = DEMO_SEED.clusters['dev-sandbox'];
  // The first demo EIP is bound to prod-payments.
  const taken = DEMO_SEED.eips[0]!;
  let internal = '';
  await test.step("the Overview names the API server's internal address", async () => {
    await page.goto(`/clusters/${uid}`);
    await expect(page.getByRole('heading', { level: 1, name: 'dev-sandbox' })).toBeVisible();
    const endpoints = page
      .getByRole('table', { name: 'Network' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'API server endpoints' }) });
    await expect(endpoints).toContainText('Internal (in the VPC): https://');
    internal = /Internal \(in the VPC\): (\S+)/.exec((await endpoints.textContent()) ?? '')![1]!;
    expect(internal).toMatch(/^https:\/\/.+:5443$/);
  });

  await test.step('the Access tab names the same one, the same way', async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await expect(page).toHaveURL(/tab=access/);
    const addresses = page.getByRole('table', { name: 'API server addresses' });
    await expect(
      addresses
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Internal (in the VPC)' }) })
        .getByRole('cell'),
    ).toHaveText(internal);
    await expect(addresses).toContainText('No public address');
    await expectNoSeriousA11yViolations(page, 'Access tab');
  });

  await test.step("the API's refusal of an EIP bound elsewhere lands on the EIP ID field", async () => {
    await page.getByRole('button', { name: 'Bind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bind an EIP to dev-sandbox' });
    const id = dialog.getByRole('textbox', { name: 'EIP ID' });
    await id.fill(taken.id);
    await dialog.getByRole('button', { name: 'Bind EIP' }).click();
    await expect(id).toHaveAccessibleDescription(new RegExp(`EIP ${taken.address.replace(/\./g, '\\.')} is already bound to cluster prod-payments\\.`));
    await expect(id).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'bind dialog with a refused EIP');
  });
});

test('an operator adds two tags, edits one, removes one, and edits the description', async ({ page, simulator }) => {
  const cluster = await availableCluster(page, simulator, 'tags');
  const tags = () => page.getByRole('table', { name: 'Tags' });
  const key = page.getByRole('textbox', { name: 'Key' });
  const value = page.getByRole('textbox', { name: 'Value' });
  await test.step('open the Tags tab by its URL', async () => {
    await page.goto(`/clusters/${cluster.uid}?tab=tags`);
    await expect(page.getByRole('heading', { level: 1, name: cluster.name })).toBeVisible();
    await expect(page.getByText('No tags yet.')).toBeVisible();
  });

  await test.step('a key with a forbidden character is refused before anything is sent', async () => {
    await key.fill('bad key!');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(key).toHaveAccessibleDescription(/Tag key may contain only/);
  });

  await test.step('add two tags', async () => {
    for (const [k, v] of [
      ['owner', 'data-team'],
      ['tier', 'batch'],
    ] as const) {
      await key.fill(k);
      await value.fill(v);
      await page.getByRole('button', { name: 'Add tag' }).click();
      await expect(tags().getByRole('row').filter({ hasText: k })).toContainText(v);
    }
    await expect(page.getByText('2 of at most 20 tags')).toBeVisible();
  });

  await test.step('edit one', async () => {
    await page.getByRole('button', { name: 'Edit tag owner' }).click();
    await expect(key).toHaveValue('owner');
    await value.fill('platform-team');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect(tags().getByRole('row').filter({ hasText: 'owner' })).toContainText('platform-team');
  });

  await test.step('remove the other', async () => {
    await page.getByRole('button', { name: 'Remove tag tier' }).click();
    await expect(tags().getByRole('row').filter({ hasText: 'tier' })).toHaveCount(0);
    await expect(page.getByText('1 of at most 20 tags')).toBeVisible();
  });

  await test.step('the Edit tab refuses a forbidden character, then saves a new description', async () => {
    await page.getByRole('tab', { name: 'Edit' }).click();
    const description = page.getByRole('textbox', { name: 'Description' });
    await description.fill('Batch jobs (nightly)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(description).toHaveAccessibleDescription(/must not contain/);
    await description.fill('Batch jobs, nightly');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(`${cluster.name} has been updated.`)).toBeVisible();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByRole('table', { name: 'General' })).toContainText('Batch jobs, nightly');
  });
});

test('the quotas page shows the cluster quota as used of limit', async ({ page }) => {
  await page.goto('/quotas');
  await expect(page.getByRole('heading', { level: 1, name: 'Quotas' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /Clusters: \d+ of 12 used/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'All quotas' })).toContainText('autopilot_cluster');
});
