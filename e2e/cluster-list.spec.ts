import { expect, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

// Every journey starts from the demo world (fixtures.ts); this one checks the seeded clusters it
// names and the order of what is shown.
test('an operator narrows the cluster list, shares the view by its address, and sorts it', async ({ page }) => {
  const clusters = new ClustersPage(page);
  await clusters.open();
  const names = () => clusters.table.getByRole('row').locator('a').allTextContents();
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  await test.step('filter by status: the address records it', async () => {
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Error' });
    await expect(page).toHaveURL(/status=Error/);
    await expect(clusters.row('legacy-reporting')).toBeVisible();
    await expect(clusters.row('prod-payments')).toHaveCount(0);
  });

  await test.step('a reload (or a colleague opening the link) shows the same view', async () => {
    await page.reload();
    await expect(page).toHaveURL(/status=Error/);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Error');
    await expect(clusters.row('legacy-reporting')).toBeVisible();
    await expect(clusters.row('prod-payments')).toHaveCount(0);
  });

  await test.step('search by name, then clear the filters', async () => {
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any' });
    await expect(page).not.toHaveURL(/status=/);
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('prod');
    await expect(page).toHaveURL(/q=prod/);
    await expect(clusters.row('prod-payments')).toBeVisible();
    await expect(clusters.row('legacy-reporting')).toHaveCount(0);
    for (const name of await names()) expect(name).toContain('prod');
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('');
    await expect(page).not.toHaveURL(/q=/);
  });

  await test.step('sort by name, both ways', async () => {
    await expect(clusters.table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect
      .poll(async () => {
        const shown = await names();
        return shown.length > 1 && shown.join('\n') === [...shown].sort(collator.compare).join('\n');
      })
      .toBe(true);
    await clusters.table.getByRole('button', { name: 'Sort by Name' }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(clusters.table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    await expect
      .poll(async () => {
        const shown = await names();
        return shown.length > 1 && shown.join('\n') === [...shown].sort(collator.compare).reverse().join('\n');
      })
      .toBe(true);
    await page.reload();
    await expect(clusters.table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  });

  await test.step('clusters on an older version are marked as upgradable', async () => {
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('dev-sandbox');
    await expect(clusters.row('dev-sandbox').getByText('Upgrade available')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('prod-payments');
    await expect(clusters.row('prod-payments')).toBeVisible();
    await expect(clusters.row('prod-payments').getByText('Upgrade available')).toHaveCount(0);
  });

  await test.step('the quotas page shows how many clusters are used of the limit', async () => {
    await page.getByRole('link', { name: 'Quotas' }).click();
    await expect(page).toHaveURL(/\/quotas$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Quotas' })).toBeVisible();
    const meter = page.getByRole('progressbar', { name: /^Clusters: \d+ of \d+ used$/ });
    await expect(meter).toBeVisible();
    const [, used, limit] = /(\d+) of (\d+)/.exec((await meter.getAttribute('aria-label')) ?? '')!;
    expect(Number(limit)).toBeGreaterThanOrEqual(Number(used));
    expect(Number(used)).toBeGreaterThan(0);
    await expect(page.getByText(`${used} of ${limit} used`, { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'All quotas' }).getByRole('cell', { name: 'autopilot_cluster' })).toBeVisible();
  });
});

test('counts by status above the list filter it when clicked; the status filter tells the two hibernation phases apart; numbers read one way', async ({
  page,
  simulator,
}) => {
  const clusters = new ClustersPage(page);
  await clusters.open();
  const counts = page.getByRole('group', { name: 'Clusters by status' });

  await test.step('one count per phase present, "All" pressed', async () => {
    await expect(counts.getByRole('button', { name: /^All \d+$/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(counts.getByRole('button', { name: 'Error 1' })).toBeVisible();
    await expect(counts.getByRole('button', { name: 'Hibernated 1' })).toBeVisible();
  });

  await test.step('clicking a count filters the list (and the address); clicking it again clears the filter', async () => {
    await counts.getByRole('button', { name: 'Error 1' }).click();
    await expect(counts.getByRole('button', { name: 'Error 1' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/status=Error/);
    await expect(clusters.row('legacy-reporting')).toBeVisible();
    await expect(clusters.row('prod-payments')).toHaveCount(0);
    await counts.getByRole('button', { name: 'Error 1' }).click();
    await expect(page).not.toHaveURL(/status=/);
    await expect(clusters.row('prod-payments')).toBeVisible();
  });

  await test.step('Hibernating and Hibernation read differently in the status filter', async () => {
    const options = await page.getByRole('combobox', { name: 'Status' }).getByRole('option').allTextContents();
    expect(options).toContain('Hibernating (in progress)');
    expect(options).toContain('Hibernated');
  });

  await test.step('with 2,000 clusters, the count and the filtered count read the same way ("2,000", not "2000")', async () => {
    await simulator.reset('large');
    await page.reload();
    await expect(page.getByText(/^2,000 clusters\b/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search clusters' }).fill('-0001');
    await expect(page.getByText(/^[\d,]+ of 2,000 clusters\b/)).toBeVisible();
    await expect(page.getByText(/\b2000\b/)).toHaveCount(0);
    await simulator.reset('demo');
    await page.goto('/clusters');
  });

  await test.step('the header names the whole project id, not a truncated one', async () => {
    const project = page.getByRole('banner').getByText(/^[0-9a-f]{32}$/);
    await expect(project).toBeVisible();
    expect(
      await project.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= el.ownerDocument.documentElement.clientWidth),
    ).toBe(true);
  });
});
