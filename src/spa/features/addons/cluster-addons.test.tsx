import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/console-api.ts';
import type { Language } from '../../shared/i18n/i18n.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { rowWithText as row } from '../../shared/test/table.ts';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterAddonsPanel } from '../../resources/addons/cluster-addons-panel.tsx';

/** The first render transforms the panel's modules and reads the cluster and its add-ons from the real BFF. */
const FIRST_PAGE = { timeout: 15_000 };
/**
 * A dialog that drives the values form, its YAML editor, the diff and the request preview redraws all
 * of them on each change: on a busy 2-core machine that takes longer than the default allows.
 */
const FORM_TEST = { timeout: 90_000 };

/** The panel as the cluster detail's Add-ons tab feeds it: the cluster from its detail query. */
function AddonsTab({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  const c = cluster.data;
  return c ? <ClusterAddonsPanel cluster={{ uid: clusterId, name: c.metadata.name ?? '', version: c.spec?.version ?? '', phase: c.status?.phase }} /> : null;
}

/** A demo cluster's Add-ons tab (src/simulator/resources/addons/seed.ts says what each one runs). */
async function addonsOf(clusterName: string, { role = 'operator', language = 'en' }: { role?: Role; language?: Language } = {}) {
  const world = await openWorld({ role });
  const { user } = renderWithProviders(<AddonsTab clusterId={world.demo.clusters[clusterName]!} />, { language });
  const table = await screen.findByRole('table', { name: language === 'en' ? 'Add-ons installed in the cluster' : '集群中已安装的插件' }, FIRST_PAGE);
  // The catalogue has arrived once an operator can install.
  if (role === 'operator') await waitFor(() => expect(screen.getByRole('button', { name: language === 'en' ? 'Install add-on' : '安装插件' })).toBeEnabled());
  return { world, user, table };
}

/**
 * An option of an open Select. In a dialog, jsdom's zero-size layout makes the dropdown's positioning
 * take its target for scrolled out of view and hide the list, so the option is found among hidden
 * elements; it is still the list the click opened, and the click still goes through the option.
 */
const option = (name: string | RegExp) => screen.findByRole('option', { name, hidden: true });

/** The add-on changes the console sent (method, path after /api, body). */
const addonChanges = (world: TestWorld) =>
  world.sent.filter((r) => r.method !== 'GET' && r.path.includes('/autopilot/v3/addons')).map((r) => ({ method: r.method, body: r.body }));

describe('a cluster’s add-ons', () => {
  it(
    'installs from a form generated from the version’s input: default flavor chosen, custom fields labelled, the exact request previewed',
    FORM_TEST,
    async () => {
      const { world, user, table } = await addonsOf('prod-payments');
      await user.click(screen.getByRole('button', { name: 'Install add-on' }));
      const dialog = await screen.findByRole('dialog', { name: 'Install an add-on in prod-payments' });
      await user.click(within(dialog).getByLabelText('Add-on'));
      await user.click(await option('Cloud Native Log Collection (log-agent)'));

      // By label where it can: a role query walks the dialog's whole form and its editor on each try.
      expect(within(dialog).getByLabelText('Version')).toHaveValue('1.5.1');
      expect(within(dialog).getByRole('radio', { name: /^Standard \(up to 100 MB\/s\) \(default\)/ })).toBeChecked();
      expect(within(dialog).getByRole('radio', { name: /^Large \(up to 300 MB\/s\)/ })).not.toBeChecked();
      // Each `custom` field is an input of its kind, labelled and described from the version's translation.
      const retention = within(dialog).getByLabelText('retention (days)');
      expect(retention).toHaveValue('7');
      expect(retention).toHaveAccessibleDescription('How long LTS keeps the logs, 1 to 365 days.');
      expect(within(dialog).getByRole('switch', { name: /^collect standard output/ })).toBeChecked();

      await user.tripleClick(retention);
      await user.paste('30');
      await user.click(within(dialog).getByRole('radio', { name: /^Large \(up to 300 MB\/s\)/ }));
      const preview = within(dialog).getByLabelText('Request to be sent');
      await waitFor(() => expect(preview).toHaveTextContent('"log_retention_days": 30'));

      await user.click(within(dialog).getByRole('button', { name: 'Install' }));
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      const [install] = addonChanges(world);
      expect(install?.method).toBe('POST');
      // What was previewed is what was sent.
      expect(JSON.parse(preview.textContent ?? '')).toEqual(install?.body);
      const body = install?.body as {
        spec: { addonTemplateName: string; version: string; values: { custom: Record<string, unknown>; flavor: { name?: string } } };
      };
      expect(body.spec).toMatchObject({
        addonTemplateName: 'log-agent',
        version: '1.5.1',
        values: { custom: { log_retention_days: 30, collect_stdout: true } },
      });
      expect(body.spec.values.flavor.name).toBe('autopilot-flavor2');
      await waitFor(() => expect(row(table, 'Cloud Native Log Collection (log-agent)')).toHaveTextContent('Installing'));
    },
  );

  it('labels the generated fields in the chosen language', async () => {
    const { user } = await addonsOf('prod-payments', { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '安装插件' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: '插件' }));
    await user.click(await option(/log-agent/));
    const retention = within(dialog).getByRole('textbox', { name: '保存天数' });
    expect(retention).toHaveAccessibleDescription('LTS 保存日志的天数，取值 1–365。');
  });

  it('upgrades from the current values and shows the diff of current → new values before anything is sent', FORM_TEST, async () => {
    const { world, user, table } = await addonsOf('prod-payments');
    await user.click(within(row(table, 'coredns')).getByRole('button', { name: 'Upgrade coredns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upgrade coredns' });
    // By label, not by role: a role query walks the dialog's whole form and two editors on each try.
    expect(within(dialog).getByLabelText('Upgrade to')).toHaveValue('1.28.6');
    const newSide = () => within(dialog).getByLabelText('Changes to the values: New values');
    await waitFor(() => expect(newSide()).toBeInTheDocument());

    // Pasted, not typed key by key: each change redraws the diff.
    await user.click(within(dialog).getByLabelText('upstream nameservers'));
    await user.paste('10.0.0.53');
    await waitFor(() => expect(newSide()).toHaveTextContent('10.0.0.53'));
    expect(within(dialog).getByLabelText('Changes to the values: Current values')).not.toHaveTextContent('10.0.0.53');
    expect(within(dialog).getByText(/values change\.$/)).toBeInTheDocument();
    expect(addonChanges(world)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const [update] = addonChanges(world);
    expect(update?.method).toBe('PUT');
    const values = (update?.body as { spec: { version: string; values: Record<string, unknown> } }).spec;
    expect(values.version).toBe('1.28.6');
    // The form started from what runs, and an update replaces all values: the seeded stub domain
    // travels with the change, the server's own values do not.
    expect(values.values).toMatchObject({ custom: { upstream_nameservers: ['10.0.0.53'], stub_domains: { 'payments.internal': ['192.168.0.53'] } } });
    expect(values.values).not.toHaveProperty('systemAutoInject');
    await waitFor(() => expect(row(table, 'coredns')).toHaveTextContent('Upgrading'));
  });

  it('offers a rollback only when there is a revision to return to, and shows the values it returns to', FORM_TEST, async () => {
    const { world, user, table } = await addonsOf('prod-search');
    // metrics-server was never upgraded: disabled, with the reason on the focusable wrapper.
    const metrics = within(row(table, 'metrics-server')).getByRole('button', { name: 'Roll back metrics-server' });
    expect(metrics).toBeDisabled();
    expect(
      within(row(table, 'metrics-server')).getByLabelText(
        'Roll back metrics-server: There is no earlier version to return to: a rollback is possible after an upgrade or a change of values.',
      ),
    ).toBeInTheDocument();

    // CoreDNS was upgraded from 1.28.4 two days ago.
    expect(row(table, 'coredns')).toHaveTextContent('1.28.4');
    await user.click(within(row(table, 'coredns')).getByRole('button', { name: 'Roll back coredns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back coredns' });
    expect(dialog).toHaveTextContent('coredns in prod-search returns from version 1.28.6 to version 1.28.4');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back to 1.28.4' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('coredns is rolling back to 1.28.4.');
    const restored = within(dialog).getByRole('group', { name: 'Values it returns to with version 1.28.4' });
    await waitFor(() => expect(within(restored).getByRole('textbox', { name: /: Current values$/ })).toHaveTextContent('100.125.1.250'));
    expect(within(restored).getByRole('textbox', { name: /: Values of 1\.28\.4, restored$/ })).not.toHaveTextContent('100.125.1.250');
    expect(addonChanges(world)).toEqual([{ method: 'POST', body: { clusterID: world.demo.clusters['prod-search'] } }]);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(row(table, 'coredns')).toHaveTextContent('Rolling back'));
    // While it moves, nothing else may start on it.
    expect(within(row(table, 'coredns')).getByRole('button', { name: 'Roll back coredns' })).toBeDisabled();
    expect(within(row(table, 'coredns')).getByLabelText(/^Uninstall coredns: Not now: the add-on is Rolling back/)).toBeInTheDocument();
  });

  it('shows a viewer every add-on and no enabled action', async () => {
    const { table } = await addonsOf('prod-search', { role: 'viewer' });
    expect(row(table, 'coredns')).toHaveTextContent('Running');
    expect(screen.getByRole('button', { name: 'Install add-on' })).toBeDisabled();
    const buttons = within(table).getAllByRole('button');
    // Four actions on each of the three add-ons, the rollbackable CoreDNS's among them.
    expect(buttons).toHaveLength(12);
    for (const button of buttons) expect(button).toBeDisabled();
  });
});
