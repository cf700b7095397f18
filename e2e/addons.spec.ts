import type { Locator, Page } from '@playwright/test';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, signInAs, test } from './fixtures.ts';

const PAYMENTS = DEMO_SEED.clusters['prod-payments'];
/** An install takes 30 simulated seconds, an upgrade 25, a rollback 20, an uninstall 12. */
const SETTLE_SECONDS = 60;
/** The console polls moving add-ons every few seconds: enough for it to notice what the clock did. */
const POLL = { timeout: 15_000 };

/**
 * The accessibility scan of these journeys. The CodeMirror scroller of the shared YAML editor is
 * reported as a scrollable region without keyboard access (its content is the focusable part); that is
 * the shared editor's, not this page's.
 */
function noSeriousViolations(page: Page, what: string) {
  return expectNoSeriousA11yViolations(page, what, { exclude: ['.cm-scroller'] });
}

function addonsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Add-ons installed in the cluster' });
}
function row(page: Page, title: string): Locator {
  return addonsTable(page)
    .getByRole('row')
    .filter({ has: page.getByText(title, { exact: true }) });
}

async function openClusterAddons(page: Page, clusterId = PAYMENTS) {
  await page.goto(`/clusters/${clusterId}?tab=addons`);
  await expect(page.getByRole('tab', { name: 'Add-ons' })).toHaveAttribute('aria-selected', 'true');
  await expect(addonsTable(page)).toBeVisible();
}

test('an operator installs, upgrades, rolls back and uninstalls add-ons of a cluster', async ({ page, simulator }) => {
  await test.step('the cluster’s Add-ons tab lists its add-ons with status and versions', async () => {
    await openClusterAddons(page);
    await expect(row(page, 'coredns')).toContainText('Running');
    await expect(row(page, 'coredns')).toContainText('1.28.4');
    await expect(row(page, 'coredns')).toContainText('1.28.6');
    await noSeriousViolations(page, 'cluster Add-ons tab');
  });

  await test.step('install the log collector with a custom parameter, previewing the exact request', async () => {
    await page.getByRole('button', { name: 'Install add-on' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install an add-on in prod-payments' });
    await dialog.getByRole('combobox', { name: 'Add-on' }).click();
    await page.getByRole('option', { name: 'Cloud Native Log Collection (log-agent)' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Version' })).toHaveValue('1.5.1');
    await expect(dialog.getByRole('radio', { name: /Standard \(up to 100 MB\/s\) \(default\)/ })).toBeChecked();
    const retention = dialog.getByRole('textbox', { name: 'retention (days)' });
    await retention.fill('30');
    await expect(dialog.getByLabel('Request to be sent')).toContainText('"log_retention_days": 30');
    await noSeriousViolations(page, 'install dialog');
    await dialog.getByRole('button', { name: 'Install' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'Cloud Native Log Collection (log-agent)')).toContainText('Installing');
  });

  await test.step('it reaches Running as simulated time passes', async () => {
    await simulator.advance(SETTLE_SECONDS);
    await expect(row(page, 'Cloud Native Log Collection (log-agent)')).toContainText('Running', POLL);
  });

  await test.step('upgrade CoreDNS with a changed value, seeing the diff first', async () => {
    await row(page, 'coredns').getByRole('button', { name: 'Upgrade coredns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upgrade coredns' });
    await expect(dialog.getByRole('combobox', { name: 'Upgrade to' })).toHaveValue('1.28.6');
    await dialog.getByRole('textbox', { name: 'upstream nameservers' }).fill('10.0.0.53');
    await expect(dialog.getByText(/values change\./)).toBeVisible();
    await expect(dialog.getByRole('group', { name: 'Changes to the values' })).toContainText('10.0.0.53');
    await noSeriousViolations(page, 'upgrade dialog');
    await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'coredns')).toContainText('Upgrading');
    await simulator.advance(SETTLE_SECONDS);
    await expect(row(page, 'coredns')).toContainText('Running', POLL);
    await expect(row(page, 'coredns').getByRole('cell').nth(2)).toHaveText('1.28.6');
    await expect(row(page, 'coredns').getByRole('cell').nth(3)).toHaveText('1.28.4');
  });

  await test.step('roll it back: the dialog names the version and the values it returns to, and they come back', async () => {
    await row(page, 'coredns').getByRole('button', { name: 'Roll back coredns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back coredns' });
    await expect(dialog).toContainText('returns from version 1.28.6 to version 1.28.4');
    await noSeriousViolations(page, 'rollback dialog');
    await dialog.getByRole('button', { name: 'Roll back to 1.28.4' }).click();
    await expect(dialog.getByRole('status')).toHaveText('coredns is rolling back to 1.28.4.');
    const restored = dialog.getByRole('group', { name: 'Values it returns to with version 1.28.4' });
    await expect(restored.getByRole('textbox', { name: /Current values$/ })).toContainText('10.0.0.53');
    await expect(restored.getByRole('textbox', { name: /Values of 1\.28\.4, restored$/ })).not.toContainText('10.0.0.53');
    await noSeriousViolations(page, 'rollback dialog with the values it returns to');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    // The lifecycle runs in real time too: looking at the values may take as long as the rollback, so
    // the row is read once it has settled.
    await simulator.advance(SETTLE_SECONDS);
    await expect(row(page, 'coredns')).toContainText('Running', POLL);
    await expect(row(page, 'coredns').getByRole('cell').nth(2)).toHaveText('1.28.4');
    await row(page, 'coredns').getByRole('button', { name: 'Edit values of coredns' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit values of coredns' });
    await expect(edit.getByRole('textbox', { name: 'upstream nameservers' })).toHaveValue('');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('uninstall the log collector, typing its name', async () => {
    await row(page, 'Cloud Native Log Collection (log-agent)').getByRole('button', { name: 'Uninstall Cloud Native Log Collection (log-agent)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uninstall Cloud Native Log Collection (log-agent)' });
    await expect(dialog).toContainText('prod-payments');
    const submit = dialog.getByRole('button', { name: 'Uninstall' });
    await expect(submit).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Type log-agent to confirm' }).fill('log-agent');
    await noSeriousViolations(page, 'uninstall dialog');
    await submit.click();
    await expect(row(page, 'Cloud Native Log Collection (log-agent)')).toContainText('Uninstalling');
    await simulator.advance(SETTLE_SECONDS);
    await expect(row(page, 'Cloud Native Log Collection (log-agent)')).toHaveCount(0, POLL);
  });
});

test('a failed upgrade shows why, and a rollback recovers it', async ({ page, simulator }) => {
  await openClusterAddons(page);
  const title = 'kube-prometheus-stack (cie-collector)';
  await simulator.arm({ taskKind: 'addon.upgrade', twist: { kind: 'fail', atProgress: 50, reason: 'ImagePullBackOff: prometheus:v2.53 not found' } });
  await row(page, title)
    .getByRole('button', { name: `Upgrade ${title}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Upgrade ${title}` });
  await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
  await expect(dialog).toBeHidden();
  await simulator.advance(SETTLE_SECONDS);
  await expect(row(page, title)).toContainText('Upgrade failed', POLL);
  await expect(row(page, title)).toContainText('ImagePullBackOff');
  await row(page, title)
    .getByRole('button', { name: `Roll back ${title}` })
    .click();
  const rollback = page.getByRole('dialog', { name: `Roll back ${title}` });
  await rollback.getByRole('button', { name: 'Roll back to 3.9.3' }).click();
  await rollback.getByRole('button', { name: 'Done' }).click();
  await simulator.advance(SETTLE_SECONDS);
  await expect(row(page, title)).toContainText('Running', POLL);
  await expect(row(page, title).getByRole('cell').nth(2)).toHaveText('3.9.3');
});

test('the Add-ons page shows the catalogue with what fits a chosen cluster', async ({ page }) => {
  await page.goto(`/addons?cluster=${PAYMENTS}`);
  const catalogue = page.getByRole('table', { name: 'Add-on catalogue' });
  const coredns = catalogue.getByRole('row').filter({ hasText: 'coredns' });
  await expect(coredns).toContainText('1.29.2 (preview)');
  await expect(coredns).toContainText('Newest for this cluster: 1.28.6');
  await expect(addonsTable(page)).toBeVisible();
  await noSeriousViolations(page, 'Add-ons page');
});

test('a viewer sees a cluster’s add-ons and cannot change them', async ({ signedOutPage: page }) => {
  await signInAs(page, 'viewer');
  await openClusterAddons(page);
  await expect(row(page, 'coredns')).toContainText('Running');
  await expect(page.getByRole('button', { name: 'Install add-on' })).toBeDisabled();
  for (const action of ['Upgrade coredns', 'Edit values of coredns', 'Roll back coredns', 'Uninstall coredns']) {
    await expect(row(page, 'coredns').getByRole('button', { name: action })).toBeDisabled();
  }
});
