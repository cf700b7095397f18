import { Notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../../contract/clusters.ts';
import {
  CLUSTERS_PATH,
  cceCluster,
  envelopeResponse,
  installFetch,
  jsonResponse,
  operatorSession,
  simulatorContext,
  TEST_PROJECT_ID,
} from '../../shared/test/fake-bff.ts';
import { setPollingSpeed } from '../../shared/api/polling.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { DeleteClusterButton } from './delete-cluster-button.tsx';

const cluster = cceCluster({ name: 'prod-payments' }) as Cluster;
const CLUSTER_PATH = `${CLUSTERS_PATH}/uid-prod-payments`;

/** The BFF for one deletion: `onDelete` answers the DELETE; afterwards the cluster is Deleting once, then gone (404). */
function installDeleteBff(onDelete: () => Response) {
  const deletes: Record<string, string>[] = [];
  let readsAfterDelete = 0;
  installFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/context') return jsonResponse(simulatorContext);
    if (url.pathname === '/api/session') return jsonResponse(operatorSession);
    if (request.method === 'DELETE' && url.pathname === CLUSTER_PATH) {
      deletes.push(Object.fromEntries(url.searchParams));
      return onDelete();
    }
    if (request.method === 'GET' && url.pathname === CLUSTER_PATH) {
      readsAfterDelete += 1;
      return readsAfterDelete === 1
        ? jsonResponse({ ...cluster, status: { phase: 'Deleting', jobID: 'job-del' } })
        : envelopeResponse(404, 'CCE.01404001', 'Cluster uid-prod-payments does not exist.', 'req-gone');
    }
    if (request.method === 'GET' && url.pathname === `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/jobs/job-del`) {
      return jsonResponse({
        kind: 'Job',
        apiVersion: 'v3',
        metadata: { uid: 'job-del' },
        spec: {
          type: 'DeleteCluster',
          subJobs: [
            { kind: 'Job', apiVersion: 'v3', metadata: { uid: 'd1' }, spec: { type: 'DeleteOBSVolumes' }, status: { phase: 'Running' } },
            { kind: 'Job', apiVersion: 'v3', metadata: { uid: 'd2' }, spec: { type: 'DeleteMaster' }, status: { phase: 'Initializing' } },
          ],
        },
        status: { phase: 'Running', reason: '' },
      });
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${request.method} ${url.pathname}`, 'req-not-found');
  });
  return deletes;
}

const accepted = () => jsonResponse({ ...cluster, status: { phase: 'Available', jobID: 'job-del', deleteOption: { delete_eni: 'delete-block' } } });

async function openDialog(user: ReturnType<typeof renderWithProviders>['user']) {
  // Disabled until the session says the role may change clusters (the gate then renders a new button).
  await waitFor(() => expect(screen.getByRole('button', { name: 'Delete cluster prod-payments' })).toBeEnabled());
  await user.click(screen.getByRole('button', { name: 'Delete cluster prod-payments' }));
  return screen.findByRole('dialog', { name: 'Delete cluster prod-payments' });
}

/** The button as the list and the detail page use it, with the app's notification host beside it. */
function renderButton() {
  return renderWithProviders(
    <>
      <Notifications />
      <DeleteClusterButton cluster={cluster} />
    </>,
  );
}

describe('delete-cluster dialog', () => {
  // The deletion is followed by polling: ten times faster here, the same rule.
  beforeEach(() => setPollingSpeed(10));
  afterEach(() => setPollingSpeed(1));

  it('starts from the documented defaults, asks for the name, sends the chosen options and follows the deletion until the cluster is gone', async () => {
    const deletes = installDeleteBff(accepted);
    const { user } = renderButton();
    const dialog = await openDialog(user);

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
    const confirm = within(dialog).getByRole('textbox', { name: 'Type prod-payments to confirm' });
    expect(submit).toBeDisabled();
    await user.type(confirm, 'prod-payment');
    expect(submit).toBeDisabled();
    await user.type(confirm, 's');
    expect(submit).toBeEnabled();
    await user.click(submit);

    await waitFor(() =>
      expect(deletes).toEqual([
        { delete_efs: 'skip', delete_eni: 'block', delete_net: 'block', delete_obs: 'try', delete_sfs30: 'skip', lts_reclaim_policy: 'Retain' },
      ]),
    );
    // The dialog closes; a notification, which outlives the row and the page, follows the deletion.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete cluster prod-payments' })).not.toBeInTheDocument());
    // Compact in the notification: progress and the step running now, not the whole timeline.
    const job = await screen.findByRole('group', { name: 'Deleting prod-payments' });
    expect(await within(job).findByText(/DeleteOBSVolumes/)).toBeInTheDocument();
    expect(within(job).queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByText('Deleting cluster prod-payments')).toBeInTheDocument();
    expect(screen.getByText(/prod-payments is being deleted/)).toBeInTheDocument();
    expect(await screen.findByText('prod-payments has been deleted.', {}, { timeout: 6_000 })).toBeInTheDocument();
  }, 12_000);

  it('keeps the dialog and the choices when the cloud refuses, showing the code and the request id', async () => {
    const deletes = installDeleteBff(() =>
      envelopeResponse(429, 'CCE.01429002', 'Cluster prod-payments is Upgrading; it can be deleted once that has finished.', 'req-locked-1'),
    );
    const { user } = renderButton();
    const dialog = await openDialog(user);
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'SFS 3.0 volumes' })).getByRole('radio', { name: 'Try to delete' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Type prod-payments to confirm' }), 'prod-payments');
    await user.click(within(dialog).getByRole('button', { name: 'Delete cluster' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The cluster could not be deleted');
    expect(alert).toHaveTextContent('CCE.01429002');
    expect(alert).toHaveTextContent('req-locked-1');
    expect(deletes).toHaveLength(1);
    expect(within(within(dialog).getByRole('radiogroup', { name: 'SFS 3.0 volumes' })).getByRole('radio', { name: 'Try to delete' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Type prod-payments to confirm' })).toHaveValue('prod-payments');
  });
});
