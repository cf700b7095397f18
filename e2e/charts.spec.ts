import { gzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { writeTar } from '../src/contract/chart-package.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, test } from './fixtures.ts';

/** A small chart package built here, as `helm package` would write it. */
function chartPackage(name: string, version: string, values: string): Buffer {
  const files = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\ndescription: Journey chart ${name}\ntype: application\nversion: ${version}\n`,
    'values.yaml': values,
    'templates/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  };
  return Buffer.from(gzipSync(writeTar(Object.entries(files).map(([path, content]) => ({ path: `${name}/${path}`, content })))));
}

/** Chooses a file through the file picker the "Chart package" button opens, as an operator does. */
async function chooseFile(page: Page, scope: ReturnType<Page['getByRole']>, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: 'Chart package (.tgz)' }).click();
  await (await chooser).setFiles(file);
}

const CHART = 'journey-shop';
const RELEASE = 'journey-shop';
const NAMESPACE = 'journey';

test('charts and releases: upload, install with a dry run, upgrade with a diff, compare, roll back, delete', async ({ page, simulator }) => {
  // A dozen steps and page-wide scans: over two minutes on a loaded machine.
  test.slow();
  const quota = page.getByText(/^\d+ of \d+ used$/);
  let usedBefore = '';

  await test.step('a file that is not a chart is refused in the browser and nothing is stored', async () => {
    await page.goto('/charts');
    await expect(page.getByRole('heading', { name: 'Charts', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Charts' })).toBeVisible();
    await expect(quota).toBeVisible();
    usedBefore = (await quota.textContent()) ?? '';
    await expectNoSeriousA11yViolations(page, 'the chart list');
    await page.getByRole('button', { name: 'Upload chart' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload a chart' });
    await chooseFile(page, dialog, { name: 'notes.tgz', mimeType: 'application/gzip', buffer: Buffer.from('these are notes, not a chart') });
    await expect(dialog.getByRole('alert')).toContainText('not gzip-compressed');
    await expect(dialog.getByRole('button', { name: 'Upload chart' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'the upload dialog with a refusal');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(quota).toHaveText(usedBefore);
  });

  await test.step('upload a chart package built in the test', async () => {
    await page.getByRole('button', { name: 'Upload chart' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload a chart' });
    await chooseFile(page, dialog, {
      name: `${CHART}-0.1.0.tgz`,
      mimeType: 'application/gzip',
      buffer: chartPackage(CHART, '0.1.0', 'greeting: hello\nreplicaCount: 1\n'),
    });
    await expect(dialog.getByText(`Helm chart ${CHART} 0.1.0`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Upload chart' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: `Open chart ${CHART} 0.1.0` })).toBeVisible();
    await expect(quota).not.toHaveText(usedBefore);
    await page.getByRole('link', { name: `Open chart ${CHART} 0.1.0` }).click();
    await expect(page.getByRole('heading', { name: `${CHART} 0.1.0`, level: 1 })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Default values (values.yaml)' })).toContainText('greeting: hello');
    await expectNoSeriousA11yViolations(page, 'the chart detail');
  });

  await test.step('install it with a dry run first', async () => {
    await page.goto('/releases');
    await page.getByRole('combobox', { name: 'Cluster' }).click();
    await page.getByRole('option', { name: 'prod-payments' }).click();
    await expect(page.getByRole('table', { name: 'Releases on prod-payments' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the release list');
    await page.getByRole('button', { name: 'Install chart' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install a chart on prod-payments' });
    await dialog.getByRole('combobox', { name: 'Chart', exact: true }).click();
    await page.getByRole('option', { name: CHART, exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Values' })).toContainText('greeting: hello');
    await dialog.getByRole('textbox', { name: 'Release name' }).fill('Bad_Name');
    await dialog.getByRole('textbox', { name: 'Namespace' }).click();
    await expect(dialog.getByText(/Release name may contain only lowercase letters/)).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Release name' }).fill(RELEASE);
    await dialog.getByRole('textbox', { name: 'Namespace' }).fill(NAMESPACE);
    await dialog.getByRole('button', { name: 'Dry run' }).click();
    const answer = dialog.getByRole('region', { name: 'Dry run' });
    await expect(answer.getByLabel('Request sent')).toContainText(`"name": "${RELEASE}"`);
    await expect(answer.getByLabel('Answer from the API')).toContainText('Dry run complete');
    await expectNoSeriousA11yViolations(page, 'the install dialog after a dry run');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Release ${RELEASE}`, level: 1 })).toBeVisible();
    await expect(page.getByText('Installing', { exact: true }).first()).toBeVisible();
    await simulator.advance(30);
    await expect(page.getByText('Deployed', { exact: true }).first()).toBeVisible();
  });

  await test.step('upgrade it with changed values and see the diff', async () => {
    await page.getByRole('button', { name: 'Upgrade' }).click();
    const dialog = page.getByRole('dialog', { name: `Upgrade ${RELEASE}` });
    await expect(dialog.getByRole('textbox', { name: 'Deployed (revision 1)', exact: true })).toContainText('greeting: hello');
    const editor = dialog.getByRole('textbox', { name: 'New values' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('greeting: bonjour\nreplicaCount: 3\n');
    const diff = dialog.getByRole('group', { name: 'Deployed → after the upgrade' });
    await expect(diff).toContainText('bonjour');
    await expect(dialog.getByText('2 lines added, 2 lines removed')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the upgrade dialog');
    await dialog.getByRole('button', { name: 'Upgrade release' }).click();
    await expect(dialog).toBeHidden();
    await simulator.advance(30);
    await expect(page.getByText('Deployed', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Values of revision 2' })).toContainText('bonjour');
  });

  await test.step('compare two revisions and roll back to revision 1', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: `Revisions of ${RELEASE}` });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('group', { name: 'Values: revision 1 → revision 2' })).toContainText('bonjour');
    await expectNoSeriousA11yViolations(page, 'the release history');
    await history.getByRole('button', { name: 'Roll back to 1' }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back ${RELEASE}` });
    await expect(dialog.getByRole('group', { name: 'Values: current (revision 2) → revision 1' })).toContainText('hello');
    await expectNoSeriousA11yViolations(page, 'the rollback dialog');
    await dialog.getByRole('button', { name: 'Roll back to revision 1' }).click();
    await expect(dialog).toBeHidden();
    await simulator.advance(30);
    await expect(history.getByRole('row')).toHaveCount(4);
    await page.getByRole('tab', { name: 'Values' }).click();
    await expect(page.getByRole('textbox', { name: 'Values of revision 3' })).toContainText('greeting: hello');
  });

  await test.step('delete the release, naming it and its namespace, then the chart', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete release ${RELEASE} from ${NAMESPACE}?` });
    await expectNoSeriousA11yViolations(page, 'the delete dialog');
    await dialog.getByRole('textbox', { name: `Type ${RELEASE} to confirm` }).fill(RELEASE);
    await dialog.getByRole('button', { name: 'Delete release' }).click();
    const list = page.getByRole('table', { name: 'Releases on prod-payments' });
    await expect(list).toBeVisible();
    await simulator.advance(30);
    await expect(list.getByRole('link', { name: RELEASE })).toBeHidden();

    await page.goto('/charts');
    await page.getByRole('link', { name: `Open chart ${CHART} 0.1.0` }).click();
    await page.getByRole('button', { name: 'Delete chart' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete chart ${CHART} 0.1.0?` });
    await confirm.getByRole('button', { name: 'Delete chart' }).click();
    await expect(page.getByRole('table', { name: 'Charts' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Open chart ${CHART} 0.1.0` })).toBeHidden();
    await expect(quota).toHaveText(usedBefore);
  });
});
