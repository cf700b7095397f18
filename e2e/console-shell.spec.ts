import { expect, test } from './fixtures.ts';
import { ClustersPage } from './pages/clusters-page.ts';

test("an operator opens the console and sees the demo project's clusters with their statuses", async ({ page }) => {
  const clusters = new ClustersPage(page);

  await test.step('the console opens on the cluster list of the simulated project', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
    await expect(page.getByText('Simulator', { exact: true })).toBeVisible();
    await expect(clusters.table).toBeVisible();
  });

  await test.step('each seeded cluster is listed with its status and version', async () => {
    await expect(clusters.status('prod-payments', 'Available')).toBeVisible();
    await expect(clusters.status('legacy-reporting', 'Error')).toBeVisible();
    await expect(clusters.status('qa-regression', 'Hibernated')).toBeVisible();
    await expect(clusters.status('edge-gateway', 'Unavailable')).toBeVisible();
    await expect(clusters.row('dev-sandbox')).toContainText('v1.25');
    // The demo world is fresh and its clock does not run ahead: the seeded jobs are still under way.
    await expect(clusters.status('analytics-batch', 'Upgrading')).toBeVisible();
    await expect(clusters.status('ml-inference', 'Creating')).toBeVisible();
  });

  await test.step('the meaning of a status shows on hover', async () => {
    await clusters.status('qa-regression', 'Hibernated').hover();
    await expect(page.getByRole('tooltip')).toContainText(/hibernat/i);
  });

  await test.step('every navigation entry leads to a page that says what it holds', async () => {
    const nav = page.getByRole('navigation');
    for (const name of ['Add-ons', 'Upgrades', 'Charts', 'Releases', 'Quotas', 'Audit']) {
      await nav.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    }
    await nav.getByRole('link', { name: 'Clusters' }).click();
    await expect(clusters.table).toBeVisible();
  });

  await test.step('an unknown address shows a not-found page with a way back', async () => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  });
});

test('an operator switches the console to Simplified Chinese and back', async ({ page }) => {
  const clusters = new ClustersPage(page);
  await clusters.open();

  await test.step('switch to 简体中文', async () => {
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '集群' })).toBeVisible();
    await expect(clusters.status('prod-payments', '可用')).toBeVisible();
  });

  await test.step('the choice survives a reload', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '集群' })).toBeVisible();
  });

  await test.step('switch back to English', async () => {
    await page.getByRole('combobox', { name: '语言' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  });
});

test('the dark-mode toggle says whether it is on; copy buttons show an icon and say what they copy', async ({ page }) => {
  const clusters = new ClustersPage(page);
  await clusters.open();

  await test.step('"Dark mode" is a toggle button: pressed when dark', async () => {
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    const before = await toggle.getAttribute('aria-pressed');
    expect(['true', 'false']).toContain(before);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', before === 'true' ? 'light' : 'dark');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', before!);
  });

  await test.step("a cluster's copy buttons are icons with a name", async () => {
    await clusters.row('prod-search').getByRole('link', { name: 'prod-search' }).click();
    const copy = page.getByRole('button', { name: 'Copy cluster ID' });
    await expect(copy).toBeVisible();
    await expect(copy.locator('svg')).toHaveCount(1);
  });
});
