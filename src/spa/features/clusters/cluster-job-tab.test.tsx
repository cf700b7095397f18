import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { setPollingSpeed } from '../../shared/api/polling.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { createClusterIn, openWorld } from '../../shared/test/world.ts';
import { ClusterJobTab } from './cluster-job-tab.tsx';

const steps = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'));

/** The tab as the page feeds it: the cluster from the detail query. */
function JobTab({ clusterId, onJobFinished }: { clusterId: string; onJobFinished?: () => void }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <ClusterJobTab cluster={cluster.data} {...(onJobFinished ? { onJobFinished } : {})} /> : null;
}

describe('cluster jobs tab', () => {
  // Polling follows simulated time a hundred times faster than the console would: the same rule.
  beforeEach(() => setPollingSpeed(100));
  afterEach(() => setPollingSpeed(1));

  it('shows the running job with its steps and progress, follows it to the end, then re-reads the cluster', async () => {
    const world = await openWorld();
    const finished = vi.fn();
    renderWithProviders(<JobTab clusterId={world.demo.clusters['ml-inference']!} onJobFinished={finished} />);

    const view = await screen.findByRole('region', { name: 'Job CreateCluster' });
    const list = within(view).getByRole('list', { name: 'Steps' });
    expect(steps(list)[0]).toBe('CreatePSMCert: Success');
    expect(steps(list)).toContain('InstallAddons: Initializing');
    expect(within(view).getByText('Refreshing every few seconds until the job ends.')).toBeInTheDocument();
    expect(finished).not.toHaveBeenCalled();

    await world.advance(5 * 60_000);
    const total = steps(list).length;
    expect(await within(view).findByRole('progressbar', { name: `${total} of ${total} steps done` })).toBeInTheDocument();
    expect(steps(within(view).getByRole('list', { name: 'Steps' })).every((step) => step?.endsWith(': Success'))).toBe(true);
    expect(within(view).queryByText('Refreshing every few seconds until the job ends.')).not.toBeInTheDocument();
    await waitFor(() => expect(finished).toHaveBeenCalled());
  });

  it('shows why a failed job failed, on the job and on the step', async () => {
    const world = await openWorld();
    // The demo's nearly full subnet: the creation fails in CreateEniNetwork.
    const created = await createClusterIn(world, 'ip-starved', 'vpc-dev', 'subnet-dev-eni-tiny');
    await world.advance(5 * 60_000);
    renderWithProviders(<JobTab clusterId={created.metadata.uid!} />);

    const view = await screen.findByRole('region', { name: 'Job CreateCluster' });
    expect(await within(view).findAllByText(/Insufficient IP addresses in subnet subnet-dev-eni-tiny/)).not.toHaveLength(0);
    expect(steps(within(view).getByRole('list', { name: 'Steps' }))).toEqual(expect.arrayContaining(['CreatePSMCert: Success', 'CreateEniNetwork: Failed']));
  });

  it('says plainly when the cluster has no job', async () => {
    const world = await openWorld();
    renderWithProviders(<JobTab clusterId={world.demo.clusters['prod-payments']!} />);
    expect(await screen.findByText(/The cluster reports no job/)).toBeInTheDocument();
  });
});
