import { Notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPollingSpeed } from '../../shared/api/polling.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { DeleteClusterButton } from './delete-cluster-button.tsx';

/** The button as the list and the detail page use it (fed by the cluster's query), with the app's notification host beside it. */
function DeleteButtonOf({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return (
    <>
      <Notifications />
      {cluster.data ? <DeleteClusterButton cluster={cluster.data} /> : null}
    </>
  );
}

async function openDialog(world: TestWorld, name: string) {
  const { user } = renderWithProviders(<DeleteButtonOf clusterId={world.demo.clusters[name]!} />);
  // Disabled until the session says the role may change clusters (the gate then renders a new button).
  const button = () => screen.getByRole('button', { name: `Delete cluster ${name}` });
  await waitFor(() => expect(button()).toBeEnabled(), { timeout: 10_000 });
  await user.click(button());
  // The dialog's code loads on first use.
  return { user, dialog: await screen.findByRole('dialog', { name: `Delete cluster ${name}` }, { timeout: 10_000 }) };
}

/** The DELETE calls the console sent, by query parameter. */
const deletes = (world: TestWorld) => world.sent.filter((r) => r.method === 'DELETE').map((r) => Object.fromEntries(new URLSearchParams(r.search)));

describe('delete-cluster dialog', () => {
  // The deletion is followed by polling: ten times faster here, the same rule.
  beforeEach(() => setPollingSpeed(10));
  afterEach(() => setPollingSpeed(1));

  it('starts from the documented defaults, asks for the name, sends the chosen options and follows the deletion until the cluster is gone', async () => {
    const world = await openWorld();
    const { user, dialog } = await openDialog(world, 'dev-sandbox');

    const group = (name: string) => within(dialog).getByRole('radiogroup', { name });
    // DELETE_OPTION_DEFAULTS: ENIs and network resources deleted (block), volumes kept (skip), master log stream deleted.
    expect(within(group('ENI ports (native ENIs)')).getByRole('radio', { name: 'Delete, stop on failure' })).toBeChecked();
    expect(within(group('Services and ingresses, such as load balancers')).getByRole('radio', { name: 'Delete, stop on failure' })).toBeChecked();
    for (const volumes of ['SFS Turbo volumes', 'OBS volumes', 'SFS 3.0 volumes']) {
      expect(within(group(volumes)).getByRole('radio', { name: 'Keep' })).toBeChecked();
    }
    expect(within(group('Logs (LTS)')).getByRole('radio', { name: /Delete the master log stream/ })).toBeChecked();
    expect(within(dialog).getByText(/Keeps the log group and streams/)).toBeInTheDocument();
    expect(within(dialog).getByText(/“Try to delete” \(try\): a failure leaves the resource/)).toBeInTheDocument();

    await user.click(within(group('OBS volumes')).getByRole('radio', { name: 'Try to delete' }));
    await user.click(within(group('Logs (LTS)')).getByRole('radio', { name: /Keep the logs/ }));

    const submit = within(dialog).getByRole('button', { name: 'Delete cluster' });
    const confirm = within(dialog).getByRole('textbox', { name: 'Type dev-sandbox to confirm' });
    expect(submit).toBeDisabled();
    await user.type(confirm, 'dev-sandbo');
    expect(submit).toBeDisabled();
    await user.type(confirm, 'x');
    expect(submit).toBeEnabled();
    await user.click(submit);

    await waitFor(() =>
      expect(deletes(world)).toEqual([
        { delete_efs: 'skip', delete_eni: 'block', delete_net: 'block', delete_obs: 'try', delete_sfs30: 'skip', lts_reclaim_policy: 'Retain' },
      ]),
    );
    // The dialog closes; a notification, which outlives the row and the page, follows the deletion.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete cluster dev-sandbox' })).not.toBeInTheDocument());
    // Compact in the notification: progress and the step running now, not the whole timeline.
    const job = await screen.findByRole('group', { name: 'Deleting dev-sandbox' });
    expect(within(job).queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByText('Deleting cluster dev-sandbox')).toBeInTheDocument();
    expect(screen.getByText(/dev-sandbox is being deleted/)).toBeInTheDocument();
    expect(screen.queryByText('dev-sandbox has been deleted.')).not.toBeInTheDocument();
    // Deletion takes 20–30 simulated seconds.
    await world.advance(60_000);
    expect(await screen.findByText('dev-sandbox has been deleted.', {}, { timeout: 6_000 })).toBeInTheDocument();
  }, 45_000);

  it('keeps the dialog and the choices when the cloud refuses, showing the code and the request id', { timeout: 30_000 }, async () => {
    const world = await openWorld();
    // analytics-batch is Upgrading in the demo world: the cloud refuses to delete it until that has finished.
    const { user, dialog } = await openDialog(world, 'analytics-batch');
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'SFS 3.0 volumes' })).getByRole('radio', { name: 'Try to delete' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Type analytics-batch to confirm' }), 'analytics-batch');
    await user.click(within(dialog).getByRole('button', { name: 'Delete cluster' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The cluster could not be deleted');
    expect(alert).toHaveTextContent('CCE.01429002');
    expect(alert).toHaveTextContent(/analytics-batch is Upgrading/);
    expect(alert).toHaveTextContent(/Request ID/i);
    expect(deletes(world)).toHaveLength(1);
    expect(within(within(dialog).getByRole('radiogroup', { name: 'SFS 3.0 volumes' })).getByRole('radio', { name: 'Try to delete' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Type analytics-batch to confirm' })).toHaveValue('analytics-batch');
  });
});
