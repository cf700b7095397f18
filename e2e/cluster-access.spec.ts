import { readFile } from 'node:fs/promises';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { expect, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

test('an operator binds an EIP and downloads a kubeconfig with an external context', async ({ page }) => {
  const eip = DEMO_SEED.eips[1]!;
  const clusters = new ClustersPage(page);

  await test.step('open the cluster from the list, on its Access tab', async () => {
    await clusters.open();
    await clusters.row('prod-search').getByRole('link', { name: 'prod-search' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'prod-search' })).toBeVisible();
    await page.getByRole('tab', { name: 'Access' }).click();
    await expect(page).toHaveURL(/tab=access/);
    await expect(page.getByText('No public address')).toBeVisible();
  });

  await test.step('bind an EIP by its ID: the public endpoint appears', async () => {
    await page.getByRole('button', { name: 'Bind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bind an EIP to prod-search' });
    await dialog.getByRole('textbox', { name: 'EIP ID' }).fill(eip.id);
    await dialog.getByRole('button', { name: 'Bind EIP' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'API server addresses' })).toContainText(`https://${eip.address}:5443`);
  });

  await test.step('download a kubeconfig valid for 7 days: it holds an external context', async () => {
    await page.getByRole('textbox', { name: 'Validity (days)' }).fill('7');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download kubeconfig' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('prod-search-kubeconfig.yaml');
    const kubeconfig = JSON.parse(await readFile((await file.path())!, 'utf8')) as { contexts: { name: string }[]; clusters: { name: string; cluster: { server: string } }[] };
    expect(kubeconfig.contexts.map((c) => c.name)).toContain('external');
    expect(kubeconfig.clusters.map((c) => c.cluster.server)).toContain(`https://${eip.address}:5443`);
    await expect(page.getByText('Contexts in the file:')).toContainText('external');
    await expect(page.getByText(/skips TLS verification/)).toBeVisible();
  });

  await test.step('unbind it again, after confirming', async () => {
    await page.getByRole('button', { name: 'Unbind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unbind the EIP of prod-search?' });
    await expect(dialog).toContainText(eip.address);
    await dialog.getByRole('button', { name: 'Unbind EIP' }).click();
    await expect(page.getByText('No public address')).toBeVisible();
  });
});

test('an operator adds, edits and removes cluster tags', async ({ page }) => {
  await page.goto(`/clusters/${DEMO_SEED.clusters['analytics-batch']}?tab=tags`);
  const tags = () => page.getByRole('table', { name: 'Tags' });
  const key = page.getByRole('textbox', { name: 'Key' });
  const value = page.getByRole('textbox', { name: 'Value' });

  await test.step('a key with a forbidden character is refused before anything is sent', async () => {
    await key.fill('bad key!');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByText(/Tag key may contain only/)).toBeVisible();
  });

  await test.step('add two tags', async () => {
    for (const [k, v] of [['owner', 'data-team'], ['tier', 'batch']] as const) {
      await key.fill(k);
      await value.fill(v);
      await page.getByRole('button', { name: 'Add tag' }).click();
      await expect(tags().getByRole('row').filter({ hasText: k })).toContainText(v);
    }
  });

  await test.step('edit one', async () => {
    await page.getByRole('button', { name: 'Edit tag owner' }).click();
    await value.fill('platform-team');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect(tags().getByRole('row').filter({ hasText: 'owner' })).toContainText('platform-team');
  });

  await test.step('remove the other', async () => {
    await page.getByRole('button', { name: 'Remove tag tier' }).click();
    await expect(tags().getByRole('row').filter({ hasText: 'tier' })).toHaveCount(0);
  });
});

test('the quotas page shows the cluster quota as used of limit', async ({ page }) => {
  await page.goto('/quotas');
  await expect(page.getByRole('heading', { level: 1, name: 'Quotas' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /Clusters: \d+ of 12 used/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'All quotas' })).toContainText('autopilot_cluster');
});
