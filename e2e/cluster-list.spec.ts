import { expect, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

test('an operator narrows the cluster list, shares the view by its address, and sorts it', async ({ page }) => {
  const clusters = new ClustersPage(page);
  await clusters.open();

  await test.step('filter by status: the address records it', async () => {
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Error' });
    await expect(page).toHaveURL(/status=Error/);
    await expect(clusters.row('legacy-reporting')).toBeVisible();
    await expect(clusters.row('prod-payments')).toHaveCount(0);
  });

  await test.step('a reload (or a colleague opening the link) shows the same view', async () => {
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Error');
    await expect(clusters.row('legacy-reporting')).toBeVisible();
    await expect(clusters.row('prod-payments')).toHaveCount(0);
  });

  await test.step('search by name, then clear the filters', async () => {
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any' });
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('prod');
    await expect(page).toHaveURL(/q=prod/);
    await expect(clusters.table.getByRole('row')).toHaveCount(3);
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('');
  });

  await test.step('sort by name, both ways', async () => {
    const names = () => clusters.table.getByRole('link').allTextContents();
    const sorted = [...(await names())].sort((a, b) => a.localeCompare(b));
    expect(await names()).toEqual(sorted);
    await clusters.table.getByRole('button', { name: 'Sort by Name' }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(clusters.table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    expect(await names()).toEqual([...sorted].reverse());
  });

  await test.step('clusters on an older version are marked as upgradable', async () => {
    await expect(clusters.row('dev-sandbox').getByText('Upgrade available')).toBeVisible();
    await expect(clusters.row('prod-payments').getByText('Upgrade available')).toHaveCount(0);
  });
});
