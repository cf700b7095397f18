import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { setPollingSpeed } from '../../shared/api/polling.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { UpgradeWizard } from './upgrade-wizard.tsx';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The wizard as the upgrade page feeds it: the cluster from the detail query. */
function Wizard({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <UpgradeWizard cluster={cluster.data} /> : null;
}

function open(world: TestWorld, cluster: string) {
  return renderWithProviders(<Wizard clusterId={world.demo.clusters[cluster]!} />);
}

/** The outcome the step-1 table gives an add-on. */
async function outcomeOf(target: string, addon: RegExp): Promise<string> {
  const table = await screen.findByRole('table', { name: `Add-ons with ${target}` });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => addon.test(r.textContent ?? ''));
  if (!row) throw new Error(`no row for ${addon} in ${table.textContent}`);
  return within(row).getAllByRole('cell').at(-1)!.textContent ?? '';
}

async function chooseTargetAndStart(user: UserEvent, target: string) {
  await user.click(await screen.findByRole('radio', { name: target }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(await screen.findByRole('button', { name: 'Start upgrade workflow' }));
  await screen.findByRole('heading', { name: 'Pre-upgrade check' });
}

async function runPrecheck(world: TestWorld, user: UserEvent, name = 'Run pre-check') {
  await user.click(await screen.findByRole('button', { name }));
  await screen.findByText('Checking the cluster, its add-ons and its nodes…');
  await world.advance(MINUTE);
}

async function skipBackup(user: UserEvent) {
  await screen.findByRole('heading', { name: 'Back up the control plane' });
  await user.click(screen.getByRole('checkbox', { name: 'I confirm going on without a fresh backup' }));
  await user.click(screen.getByRole('button', { name: 'Continue without a new backup' }));
  await screen.findByRole('heading', { name: 'Configure the upgrade' });
}

// The wizard counts down to the pre-check's expiry: its clock is the world's (`browserClock`).
describe('the upgrade wizard on the world double', () => {
  // Polling follows simulated time a hundred times faster than the console would: the same rule.
  beforeEach(() => setPollingSpeed(100));
  afterEach(() => setPollingSpeed(1));

  it('tells in step 1 what the chosen target means for each installed add-on', async () => {
    const world = await openWorld({ browserClock: true });
    // dev-sandbox (v1.25) runs CoreDNS 1.27.4 (v1.25 and v1.27 only) and metrics-server 1.3.60 (up to v1.28).
    const { user } = open(world, 'dev-sandbox');
    await user.click(await screen.findByRole('radio', { name: 'v1.28.3-r0' }));
    expect(await outcomeOf('v1.28.3-r0', /coredns/)).toBe('Not compatible with v1.28.3-r0: will be upgraded to 1.28.6.');
    expect(await outcomeOf('v1.28.3-r0', /metrics-server/)).toBe(
      'Stays at 1.3.60: it supports v1.28.3-r0. A newer version (1.4.2, 1.3.68) can be chosen when configuring the upgrade.',
    );
    await user.click(screen.getByRole('radio', { name: 'v1.27.3-r0' }));
    expect(await outcomeOf('v1.27.3-r0', /coredns/)).toBe(
      'Stays at 1.27.4: it supports v1.27.3-r0. A newer version (1.28.6, 1.28.4) can be chosen when configuring the upgrade.',
    );
    expect(screen.queryByRole('table', { name: 'Add-ons with v1.28.3-r0' })).not.toBeInTheDocument();
  });

  it('sends the add-on versions of step 5 with the upgrade, and the simulator patches the add-ons to them', async () => {
    const world = await openWorld({ browserClock: true });
    const clusterId = world.demo.clusters['dev-sandbox']!;
    const { user } = open(world, 'dev-sandbox');
    await chooseTargetAndStart(user, 'v1.28.3-r0');
    await runPrecheck(world, user);
    await skipBackup(user);

    const coredns = screen.getByRole('combobox', { name: /coredns.* version/ });
    expect(coredns).toHaveValue('1.28.6');
    expect(
      within(coredns)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1.28.6', '1.29.2 (preview)', '1.28.4']);
    const metrics = screen.getByRole('combobox', { name: /metrics-server.* version/ });
    expect(metrics).toHaveValue('1.3.60');
    await user.selectOptions(metrics, '1.3.68');
    await user.click(screen.getByRole('button', { name: 'Start upgrade' }));
    await screen.findByRole('heading', { name: 'Upgrading' });
    const request = world.sent.find((r) => r.method === 'POST' && r.path.endsWith('/operation/upgrade'));
    expect(request?.body).toMatchObject({
      spec: {
        clusterUpgradeAction: {
          addons: [
            { addonTemplateName: 'coredns', operation: 'patch', version: '1.28.6' },
            { addonTemplateName: 'metrics-server', operation: 'patch', version: '1.3.68' },
          ],
        },
      },
    });

    await world.advance(10 * MINUTE);
    await screen.findByRole('heading', { name: 'Post-upgrade check' });
    const addons = (await (await fetch(`/api/cce/autopilot/v3/addons?cluster_id=${clusterId}`)).json()) as {
      items: { spec: { addonTemplateName: string; version: string } }[];
    };
    expect(Object.fromEntries(addons.items.map((a) => [a.spec.addonTemplateName, a.spec.version]))).toEqual({ coredns: '1.28.6', 'metrics-server': '1.3.68' });
  });

  it('shows a blocking Exception of a pre-check with what to fix and a link to the add-on', async () => {
    const world = await openWorld({ browserClock: true });
    const clusterId = world.demo.clusters['staging-web']!;
    const { user } = open(world, 'staging-web');
    await chooseTargetAndStart(user, 'v1.28.3-r0');
    await runPrecheck(world, user);

    expect(await screen.findByText('Fix these first: they block the upgrade. Then run the pre-check again.')).toBeInTheDocument();
    const addons = screen.getByRole('table', { name: 'Add-ons' });
    const row = within(addons)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('AddonLimit'))!;
    expect(within(row).getByText('Exception')).toBeInTheDocument();
    expect(within(row).getByText('Must be fixed')).toBeInTheDocument();
    expect(within(row).getByText(/status is abnormal, check and try again/)).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Open add-on coredns' })).toHaveAttribute('href', `/clusters/${clusterId}?tab=addons&addon=coredns`);
    // Nothing to skip: the only way on is fixing the add-on and running the check again.
    expect(screen.queryByRole('button', { name: 'Run pre-check again, skipping acknowledged risks' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run pre-check again' })).toBeEnabled();
    expect(screen.queryByRole('heading', { name: 'Back up the control plane' })).not.toBeInTheDocument();
  });

  it('needs every Risk acknowledged before the re-run, which skips them', async () => {
    const world = await openWorld({ browserClock: true });
    const { user } = open(world, 'prod-search');
    await chooseTargetAndStart(user, 'v1.28.3-r0');
    await runPrecheck(world, user);

    expect(await screen.findByText('The pre-check found problems.')).toBeInTheDocument();
    const rerun = screen.getByRole('button', { name: 'Run pre-check again, skipping acknowledged risks' });
    const boxes = screen.getAllByRole('checkbox', { name: /I understand the risk/ });
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes.slice(0, -1)) await user.click(box);
    expect(rerun).toBeDisabled();
    expect(screen.getByText('Acknowledge every risk to continue.')).toBeInTheDocument();
    await user.click(boxes.at(-1)!);
    expect(rerun).toBeEnabled();

    await user.click(rerun);
    const request = world.sent.filter((r) => r.method === 'POST' && r.path.endsWith('/operation/precheck')).at(-1);
    expect((request?.body as { spec: { skippedCheckItemList?: unknown[] } }).spec.skippedCheckItemList?.length).toBeGreaterThan(0);
    await world.advance(MINUTE);
    expect(await screen.findByRole('heading', { name: 'Back up the control plane' })).toBeInTheDocument();
  });

  it('offers Retry only once the upgrade task has failed, and the retry succeeds', async () => {
    const world = await openWorld({ browserClock: true });
    // prod-payments: an open workflow whose pre-check expired; its next upgrade fails at 40 %.
    const { user } = open(world, 'prod-payments');
    expect(await screen.findByText(/The pre-check result expired/)).toBeInTheDocument();
    await runPrecheck(world, user, 'Run pre-check again');
    await skipBackup(user);
    await user.click(screen.getByRole('button', { name: 'Start upgrade' }));
    await screen.findByRole('heading', { name: 'Upgrading' });
    expect(screen.getByRole('button', { name: 'Retry upgrade' })).toBeDisabled();

    await world.advance(10 * MINUTE);
    expect(await screen.findByText('The upgrade failed at 40 %.')).toBeInTheDocument();
    const retry = screen.getByRole('button', { name: 'Retry upgrade' });
    expect(retry).toBeEnabled();
    await user.click(retry);
    expect(await screen.findByRole('button', { name: 'Retry upgrade' })).toBeDisabled();
    await world.advance(10 * MINUTE);
    expect(await screen.findByRole('heading', { name: 'Post-upgrade check' })).toBeInTheDocument();
  });
});
