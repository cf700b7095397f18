import { SIMULATOR_PROJECT_ID } from '../src/simulator/config.ts';
import { DEMO_SEED } from '../src/simulator/seed.ts';
import { validCreateBody } from '../src/simulator/test-support.ts';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y.ts';
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

  await test.step('the row offers its actions in one menu, not a red button on every row', async () => {
    // A laptop screen: the delete dialog must fit it.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(clusters.row(name).getByRole('button', { name: `Delete cluster ${name}` })).toHaveCount(0);
    const actions = clusters.row(name).getByRole('button', { name: `Actions for ${name}` });
    await expect(actions).toHaveAttribute('aria-haspopup', 'menu');
    await actions.click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText(['Open', 'Upgrade cluster', 'Delete cluster…']);
    await menu.getByRole('menuitem', { name: 'Delete cluster…' }).click();
  });

  await test.step('the dialog lists every option with its default and asks for the name; at 1440×900 the name and Delete are in view', async () => {
    const dialog = page.getByRole('dialog', { name: `Delete cluster ${name}` });
    await expect(dialog).toBeVisible();
    const viewport = page.viewportSize()!;
    for (const control of [dialog.getByRole('textbox', { name: `Type ${name} to confirm` }), dialog.getByRole('button', { name: 'Delete cluster' })]) {
      const box = (await control.boundingBox())!;
      expect(box.y >= 0 && box.y + box.height <= viewport.height, 'in view without scrolling').toBe(true);
    }
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

  const progress = page.getByRole('alert').filter({ hasText: `Deleting cluster ${name}` });
  await test.step('a notification follows the deletion job: whole, named close button, clear of the header', async () => {
    await expect(progress.getByRole('group', { name: `Deleting ${name}` })).toBeVisible();
    await expect(progress.getByRole('button', { name: 'Close' })).toBeVisible();
    // Nothing cut off: the notification is as tall as what it holds, inside the window.
    const fits = await progress.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
    expect(fits, 'the notification shows all its content').toBe(true);
    const box = (await progress.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y >= 0 && box.y + box.height <= viewport.height, 'the notification is inside the window').toBe(true);
    // The header's controls stay uncovered and usable.
    for (const control of [
      page.getByRole('button', { name: 'Sign out' }),
      page.getByRole('button', { name: 'Dark mode' }),
      page.getByRole('combobox', { name: 'Language' }),
    ]) {
      const c = (await control.boundingBox())!;
      const overlaps = c.x < box.x + box.width && box.x < c.x + c.width && c.y < box.y + box.height && box.y < c.y + c.height;
      expect(overlaps, 'the notification covers a header control').toBe(false);
    }
  });

  await test.step('once the cluster has left the list, the notification says so and goes away by itself', async () => {
    await expect(progress.getByText(`${name} has been deleted.`)).toHaveCount(0);
    await simulator.advance(DELETION_SECONDS);
    await expect(progress.getByText(`${name} has been deleted.`)).toBeVisible();
    await expect(clusters.row(name)).toHaveCount(0);
    await expect(progress).toBeHidden({ timeout: 20_000 });
  });
});

test('a viewer sees why they cannot create or change clusters, by mouse, keyboard and screen reader', async ({ signedOutPage: page }) => {
  const reason = 'Your role (Viewer) can view but not change resources. Ask an admin for the operator role.';
  await signInAs(page, 'viewer');
  const clusters = new ClustersPage(page);
  await clusters.open();

  await test.step('"Create cluster" is a disabled button, not a link, and says why to a screen reader', async () => {
    await expect(page.getByRole('link', { name: 'Create cluster' })).toHaveCount(0);
    const create = page.getByRole('button', { name: 'Create cluster' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAccessibleDescription(reason);
  });

  await test.step('a keyboard user reaches it and gets the reason without a mouse', async () => {
    const create = page.getByRole('button', { name: 'Create cluster' });
    await create.focus();
    await expect(create).toBeFocused();
    await expect(page.getByRole('tooltip')).toContainText(reason);
    await create.press('Enter');
    await expect(page).toHaveURL(/\/clusters$/);
  });

  await test.step("a row's menu shows what the viewer may not do, disabled, with the reason", async () => {
    await clusters.row('prod-search').getByRole('button', { name: 'Actions for prod-search' }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeEnabled();
    for (const item of ['Upgrade cluster', 'Delete cluster…']) {
      await expect(menu.getByRole('menuitem', { name: item })).toBeDisabled();
      await expect(menu.getByRole('menuitem', { name: item })).toHaveAccessibleDescription(reason);
    }
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });

  await test.step('the overview offers no "Edit cluster"; the Edit tab shows the values read-only', async () => {
    await page.goto(`/clusters/${DEMO_SEED.clusters['prod-search']}`);
    await expect(page.getByRole('heading', { level: 1, name: 'prod-search' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Status and version' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit cluster' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Edit' }).click();
    const description = page.getByRole('textbox', { name: 'Description' });
    await expect(description).toHaveAttribute('readonly', '');
    const before = await description.inputValue();
    await description.pressSequentially('typed by a viewer');
    await expect(description).toHaveValue(before);
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveAttribute('aria-disabled', 'true');
  });
});

const prod = DEMO_SEED.vpcs['vpc-prod']!;
const dev = DEMO_SEED.vpcs['vpc-dev']!;
const [prodMaster, prodEni] = prod.subnets;
const vpcOption = `vpc-prod (${prod.cidr})`;
const hostOption = `${prodMaster!.name} (${prodMaster!.cidr})`;
const eniOption = `${prodEni!.name} (${prodEni!.cidr})`;

/** Picks an option of a select by what the operator reads. */
async function pick(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the wizard up to the review step, choosing the network by name and CIDR. */
async function fillWizard(page: Page, name: string) {
  await page.goto('/clusters');
  await page.getByRole('link', { name: 'Create cluster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a cluster' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Cluster name' }).fill(name);
  await page.getByRole('combobox', { name: 'Kubernetes version' }).selectOption('v1.28');
  await page.getByRole('button', { name: 'Next' }).click();
  await pick(page, 'VPC', vpcOption);
  await pick(page, 'Host subnet', hostOption);
  await pick(page, 'ENI subnets', eniOption);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'Tags' }).fill('team=payments');
  await page.getByRole('button', { name: 'Next' }).click();
}

test('an operator creates a cluster with the wizard and watches it become Available', async ({ page, simulator }) => {
  // Six steps through the wizard, each scanned: long on a busy machine.
  test.slow();
  const name = `wizard-${Date.now().toString(36)}`;

  await test.step('a name breaking the rules, or one the project uses, is caught on the first step', async () => {
    await page.goto('/clusters/new');
    const nameField = page.getByRole('textbox', { name: 'Cluster name' });
    await nameField.fill('Bad_Name-');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Cluster name must start with a lowercase letter')).toBeVisible();
    await nameField.fill('prod-payments');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(nameField).toHaveAccessibleDescription(/A cluster named prod-payments already exists in this project\. Choose another name\./);
    await expect(page.getByRole('combobox', { name: 'VPC', exact: true })).toHaveCount(0);
  });

  await test.step("the network step offers the VPCs, and only the chosen VPC's subnets, by name and CIDR", async () => {
    await page.getByRole('textbox', { name: 'Cluster name' }).fill(name);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('combobox', { name: 'VPC', exact: true }).click();
    await expect(page.getByRole('option', { name: `vpc-dev (${dev.cidr})` })).toBeVisible();
    await page.getByRole('option', { name: vpcOption, exact: true }).click();
    await page.getByRole('combobox', { name: 'Host subnet', exact: true }).click();
    await expect(page.getByRole('option')).toHaveText(prod.subnets.map((s) => `${s.name} (${s.cidr})`));
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page, 'the wizard network step');
  });

  await test.step('the review sums up what will be created, with the exact request one click away and inside the page', async () => {
    await fillWizard(page, name);
    // Every message is filled in: no raw "{count}" or other placeholder reaches the operator.
    expect(await page.getByRole('main').innerText()).not.toMatch(/\{[a-zA-Z]+\}/);
    const summary = page.getByRole('table', { name: 'What will be created' });
    await expect(summary).toContainText(name);
    await expect(summary).toContainText(`${vpcOption} · ${prod.id}`);
    await expect(summary).toContainText(`${hostOption} · ${prodMaster!.networkId}`);
    await expect(summary).toContainText(`${eniOption} · ${prodEni!.subnetId}`);
    await page.getByRole('button', { name: 'The exact request' }).click();
    const request = page.getByLabel('Create cluster request');
    await expect(request).toBeVisible();
    await expect(request).toContainText(`"name": "${name}"`);
    await expect(request).toContainText('cluster.install.addons/install');
    await expect(request).toContainText('"IPv4CIDR": "10.247.0.0/16"');
    // The long add-on annotation wraps: no line runs off the edge.
    expect(await request.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the request wraps inside its box').toBe(true);
    await expectNoSeriousA11yViolations(page, 'the wizard review step');
  });

  await test.step('submit and watch the creation job until the cluster is Available: the heading then says it was created', async () => {
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Creating ${name}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Creation job' })).toBeVisible();
    await expect(page.getByText('The cluster is ready.')).toHaveCount(0);
    await simulator.advance(CREATION_SECONDS);
    await expect(page.getByText('The cluster is ready.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `Created ${name}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Creating / })).toHaveCount(0);
  });
});

test('the bind dialog offers the free EIPs by address, never a bound one, and binds the one picked', async ({ page, simulator }) => {
  // A cluster created and made Available first, then the dialog scanned: long on a busy machine.
  test.slow();
  const name = `eip-${Date.now().toString(36)}`;
  await test.step('a cluster without a public address exists and is Available', async () => {
    const { csrfToken } = await signInAs(page, 'operator');
    const res = await page.request.post(CLUSTERS_API, { headers: { 'x-csrf-token': csrfToken }, data: validCreateBody(name) });
    expect(res.status()).toBe(201);
    await simulator.advance(CREATION_SECONDS);
    const clusters = new ClustersPage(page);
    await clusters.open();
    await expect(clusters.status(name, 'Available')).toBeVisible();
    await clusters.row(name).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  await test.step('on the Access tab, the dialog lists the free EIPs by address; the one picked is bound', async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Bind EIP' }).click();
    const dialog = page.getByRole('dialog', { name: `Bind an EIP to ${name}` });
    await dialog.getByRole('combobox', { name: 'Free elastic IP' }).click();
    // The first demo EIP is bound to prod-payments; the other three are free.
    const [bound, ...free] = DEMO_SEED.eips;
    await expect(page.getByRole('option')).toHaveCount(free.length);
    await expect(page.getByRole('option', { name: new RegExp(`^${bound!.address.replace(/\./g, '\\.')} `) })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'the bind dialog with its EIP list open');
    const chosen = free.find((e) => e.address === '203.0.113.57')!;
    await page.getByRole('option', { name: /^203\.0\.113\.57 / }).click();
    await expect(dialog.getByRole('textbox', { name: 'EIP ID' })).toHaveValue(chosen.id);
    await dialog.getByRole('button', { name: 'Bind EIP' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'API server addresses' })).toContainText(`https://${chosen.address}:5443`);
  });

  await test.step('a second cluster with the same name is stopped on the first step of the wizard', async () => {
    await page.goto('/clusters/new');
    const nameField = page.getByRole('textbox', { name: 'Cluster name' });
    await nameField.fill(name);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(nameField).toHaveAccessibleDescription(new RegExp(`^A cluster named ${name} already exists in this project\\. Choose another name\\.`));
  });
});

test('a session that ends mid-wizard sends the operator to sign in and back to everything they typed', async ({ page }) => {
  const name = `kept-${Date.now().toString(36)}`;
  // The whole wizard, then a sign-in: long on a busy machine.
  test.slow();
  await fillWizard(page, name);
  // The review settled (the network named from the look-ups) before the session ends.
  await expect(page.getByRole('table', { name: 'What will be created' })).toContainText(`${vpcOption} · ${prod.id}`);

  await test.step('the session ends as Create is clicked; creating is refused with 401', async () => {
    // The session ends on the server while the create request is on its way, as when the idle timeout
    // strikes just then. Ended before the click, the wizard's cluster-list poll could meet it first and
    // take the operator to sign in before the click landed: the journey would race the poll.
    const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    let signedOut: number | undefined;
    await page.route(CLUSTERS_API, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      signedOut = (await page.request.delete('/api/session', { headers: { 'x-csrf-token': csrfToken } })).status();
      return route.continue();
    });
    const create = page.waitForResponse((r) => new URL(r.url()).pathname === CLUSTERS_API && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create cluster' }).click();
    expect((await create).status()).toBe(401);
    expect(signedOut).toBe(204);
    await page.unroute(CLUSTERS_API);
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
    await expect(page.getByRole('combobox', { name: 'VPC', exact: true })).toHaveValue(vpcOption);
    await expect(page.getByRole('combobox', { name: 'Host subnet', exact: true })).toHaveValue(hostOption);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('textbox', { name: 'Tags' })).toHaveValue('team=payments');
    // Nothing was created by the refused attempt.
    const list = (await (await page.request.get(CLUSTERS_API)).json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((c) => c.metadata.name)).not.toContain(name);
  });
});

test('creating a cluster over the quota is refused with the quota error, and nothing is created', async ({ page }) => {
  const { csrfToken } = await signInAs(page, 'operator');
  const quotas = (await (await page.request.get(`/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/quotas`)).json()) as {
    quotas: { quotaLimit: number; used: number }[];
  };
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
    await expect(page.getByRole('table', { name: 'What will be created' })).toContainText(name);
    const list = (await (await page.request.get(CLUSTERS_API)).json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((c) => c.metadata.name)).not.toContain(name);
  });
});
