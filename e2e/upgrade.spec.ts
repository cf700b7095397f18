import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, signInAs, test, type SimulatorControls } from './fixtures.ts';

/**
 * The guided upgrade, end to end against the real BFF and simulator: every journey starts from the demo
 * seed (the fixture resets it) and moves simulated time on through the control surface, so no journey
 * waits for minutes. Scenarios per cluster: dev-sandbox passes cleanly, prod-search has Risks,
 * staging-web's CoreDNS is abnormal, prod-payments has an expired pre-check and fails at 40 %.
 */
async function openWizard(page: Page, cluster: keyof typeof DEMO_SEED.clusters) {
  await page.goto(`/clusters/${DEMO_SEED.clusters[cluster]}`);
  await page.getByRole('link', { name: 'Upgrade cluster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Upgrade ${cluster}` })).toBeVisible();
}

async function chooseTargetAndStart(page: Page, target: string) {
  await page.getByRole('radio', { name: target }).check();
  await expect(page.getByRole('table', { name: `Add-ons with ${target}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'target');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start upgrade workflow' }).click();
  await expect(page.getByRole('heading', { name: 'Pre-upgrade check' })).toBeVisible();
}

async function runPrecheck(page: Page, simulator: SimulatorControls, name = 'Run pre-check') {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking the cluster' })).toBeVisible();
  await simulator.advance(60);
}

async function skipBackup(page: Page) {
  await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'I confirm going on without a fresh backup' }).check();
  await page.getByRole('button', { name: 'Continue without a new backup' }).click();
}

async function startUpgrade(page: Page) {
  await expect(page.getByRole('heading', { name: 'Configure the upgrade' })).toBeVisible();
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await expect(page.getByRole('heading', { name: 'Upgrading' })).toBeVisible();
}

test('an operator upgrades a cluster from target to done and downloads the change record', async ({ page, simulator }) => {
  // The longest journey: eight steps and six full-page accessibility scans.
  test.slow();
  await openWizard(page, 'dev-sandbox');
  await chooseTargetAndStart(page, 'v1.27.3-r0');
  await expectNoSeriousA11yViolations(page, 'pre-check');
  await runPrecheck(page, simulator);

  await test.step('backup with progress, then configure', async () => {
    await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
    await expect(page.getByText('The pre-check passed.')).toBeVisible();
    await expect(page.getByRole('timer')).toContainText('The result is valid for another');
    await expectNoSeriousA11yViolations(page, 'backup');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('progressbar', { name: 'Backup progress' })).toBeVisible();
    await simulator.advance(120);
    await expect(page.getByRole('heading', { name: 'Configure the upgrade' })).toBeVisible();
    // dev-sandbox's CoreDNS 1.27.4 supports v1.27: it stays unless the operator picks a newer version.
    await expect(page.getByRole('combobox', { name: /coredns.* version/ })).toHaveValue('1.27.4');
    await page.getByRole('textbox', { name: 'Maximum nodes per batch' }).fill('4');
    await expect(page.getByText('For 100 nodes: 1, 2, 4 × 24, 1')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'configure');
  });

  await test.step('the upgrade followed live, then the post-check', async () => {
    await startUpgrade(page);
    await expect(page.getByRole('progressbar', { name: 'Upgrade progress' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel upgrade' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'upgrade');
    await simulator.advance(600);
    await expect(page.getByRole('heading', { name: 'Post-upgrade check' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'post-check');
    await page.getByRole('checkbox', { name: 'I have checked that the workloads run normally' }).check();
    await page.getByRole('button', { name: 'Run post-check' }).click();
  });

  await test.step('done: a change record to download', async () => {
    await expect(page.getByText('Upgrade complete: dev-sandbox runs v1.27.3-r0.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'done');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download change record' }).click();
    const file = await (await download).path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# Cluster upgrade change record');
    expect(text).toContain('- From: v1.25.5-r0');
    expect(text).toContain('- To: v1.27.3-r0');
    expect(text).toMatch(/\| Upgrade \| Success \|.*\| operator \|/);
  });
});

test('a risk is acknowledged and skipped on a re-run', async ({ page, simulator }) => {
  await openWizard(page, 'prod-search');
  await chooseTargetAndStart(page, 'v1.28.3-r0');
  await runPrecheck(page, simulator);
  await expect(page.getByText('The pre-check found problems.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Clients calling APIs the target version removes' })).toContainText('/apis/policy/v1beta1/podsecuritypolicies');
  await expectNoSeriousA11yViolations(page, 'risks');
  const rerun = page.getByRole('button', { name: 'Run pre-check again, skipping acknowledged risks' });
  await expect(rerun).toBeDisabled();
  for (const box of await page.getByRole('checkbox', { name: /I understand the risk/ }).all()) await box.check();
  // The re-run is running before simulated time moves on (under load the click's request can come late).
  await runPrecheck(page, simulator, 'Run pre-check again, skipping acknowledged risks');
  await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
});

test('a failed upgrade is recovered by Retry; Cancel is offered only when allowed', async ({ page, simulator }) => {
  await openWizard(page, 'prod-payments');
  await test.step('the open workflow resumes at its expired pre-check', async () => {
    await expect(page.getByText(/The pre-check result expired/)).toBeVisible();
    await runPrecheck(page, simulator, 'Run pre-check again');
  });
  await skipBackup(page);
  await startUpgrade(page);
  await simulator.advance(600);
  await expect(page.getByText('The upgrade failed at 40 %.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel upgrade' })).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'failed');
  await page.getByRole('button', { name: 'Retry upgrade' }).click();
  await expect(page.getByRole('button', { name: 'Cancel upgrade' })).toBeDisabled();
  await simulator.advance(600);
  await expect(page.getByRole('heading', { name: 'Post-upgrade check' })).toBeVisible();
});

test('an operator cancels an upgrade workflow', async ({ page }) => {
  await openWizard(page, 'dev-sandbox');
  await chooseTargetAndStart(page, 'v1.28.3-r0');
  await page.getByRole('button', { name: 'Cancel upgrade' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this upgrade?' });
  await expectNoSeriousA11yViolations(page, 'cancel dialog');
  await dialog.getByRole('button', { name: 'Cancel upgrade' }).click();
  await expect(page.getByText('This upgrade was cancelled.')).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'Workflows' })).toContainText('Cancel');
  await expectNoSeriousA11yViolations(page, 'history');
});

test('an open workflow resumes at its step after a reload and for a second operator', async ({ page, browser, simulator }) => {
  await openWizard(page, 'dev-sandbox');
  await chooseTargetAndStart(page, 'v1.27.3-r0');
  await runPrecheck(page, simulator);
  await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signInAs(other, 'admin');
  await openWizard(other, 'dev-sandbox');
  await expect(other.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
  await expect(other.getByText(/continues where it stands/)).toBeVisible();
  await context.close();
});

test('a pre-check blocked by an abnormal add-on passes once the add-on is fixed', async ({ page, simulator }) => {
  await openWizard(page, 'staging-web');
  await chooseTargetAndStart(page, 'v1.28.3-r0');
  await runPrecheck(page, simulator);
  await expect(page.getByText('Fix these first: they block the upgrade. Then run the pre-check again.')).toBeVisible();
  await expect(page.getByText('addon [ coredns ] status is abnormal, check and try again')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open add-on coredns' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'blocked');

  await test.step('the operator fixes CoreDNS (its upstream name server) through the add-on API', async () => {
    const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const base = `/api/cce/autopilot/v3/addons`;
    const list = (await (await page.request.get(`${base}?cluster_id=${DEMO_SEED.clusters['staging-web']}`)).json()) as {
      items: { metadata: { uid: string }; spec: { addonTemplateName: string; values: { custom: Record<string, unknown> } } }[];
    };
    const coredns = list.items.find((a) => a.spec.addonTemplateName === 'coredns')!;
    const res = await page.request.put(`${base}/${coredns.metadata.uid}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: {
        kind: 'Addon',
        apiVersion: 'v3',
        metadata: { annotations: { 'addon.upgrade/type': 'upgrade' } },
        spec: {
          clusterID: DEMO_SEED.clusters['staging-web'],
          version: '1.28.6',
          addonTemplateName: 'coredns',
          values: { custom: { ...coredns.spec.values.custom, upstream_nameservers: ['100.125.1.250'] } },
        },
      },
    });
    expect(res.status()).toBe(200);
    await simulator.advance(300);
  });

  await runPrecheck(page, simulator, 'Run pre-check again');
  await expect(page.getByRole('heading', { name: 'Back up the control plane' })).toBeVisible();
});

test('the presenter panel makes the next upgrade of a cluster fail at 40 %', async ({ page, simulator }) => {
  await openWizard(page, 'dev-sandbox');
  const panel = page.getByRole('region', { name: 'Presenter (simulator)' });
  await expect(panel.getByRole('combobox', { name: 'Scenario' })).toHaveValue('The next upgrade of dev-sandbox fails at 40 %');
  await panel.getByRole('button', { name: 'Arm scenario' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'The next upgrade of dev-sandbox fails at 40 %' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'presenter');
  await chooseTargetAndStart(page, 'v1.27.3-r0');
  await runPrecheck(page, simulator);
  await skipBackup(page);
  await startUpgrade(page);
  await simulator.advance(600);
  await expect(page.getByText('The upgrade failed at 40 %.')).toBeVisible();
});
