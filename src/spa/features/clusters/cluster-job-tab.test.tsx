import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { renderWithProviders } from '../../shared/test/render.tsx';
import { ClusterJobTab } from './cluster-job-tab.tsx';
import { detailCluster, installDetailBff, JOBS_PATH } from './cluster-detail-test-bff.ts';

function job(phase: string, subPhases: [string, string][], reason = '') {
  return {
    kind: 'Job',
    apiVersion: 'v3',
    metadata: { uid: 'job-create', creationTimestamp: '2024-06-04 12:49:28.773718231 +0000 UTC', updateTimestamp: '2024-06-04 12:51:28.773718231 +0000 UTC' },
    spec: {
      type: 'CreateCluster',
      subJobs: subPhases.map(([type, p], i) => ({ kind: 'Job', apiVersion: 'v3', metadata: { uid: `sub-${i}` }, spec: { type }, status: { phase: p, ...(p === 'Failed' ? { reason: 'quota of ENIs exhausted' } : {}) } })),
    },
    status: { phase, reason },
  };
}

const steps = (list: HTMLElement) => within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'));

describe('cluster jobs tab', () => {
  it('shows the running job with its sub-jobs and progress, polls until it ends, then re-reads the cluster', async () => {
    const bff = installDetailBff();
    bff.jobs.set('job-create', [
      job('Running', [['CreatePSMCert', 'Success'], ['InstallMaster', 'Running'], ['InstallAddons', 'Initializing']]),
      job('Success', [['CreatePSMCert', 'Success'], ['InstallMaster', 'Success'], ['InstallAddons', 'Success']]),
    ]);
    const finished = vi.fn();
    renderWithProviders(<ClusterJobTab cluster={detailCluster({ phase: 'Creating', jobID: 'job-create' })} onJobFinished={finished} />);

    const view = await screen.findByRole('region', { name: 'Job CreateCluster' });
    expect(within(view).getByRole('progressbar', { name: '1 of 3 steps done' })).toBeInTheDocument();
    expect(steps(within(view).getByRole('list', { name: 'Steps' }))).toEqual(['CreatePSMCert: Success', 'InstallMaster: Running', 'InstallAddons: Initializing']);
    expect(within(view).getByText('Refreshing every few seconds until the job ends.')).toBeInTheDocument();
    expect(finished).not.toHaveBeenCalled();

    // The job query polls every 2 s while the job runs.
    await waitFor(() => expect(within(view).getByRole('progressbar', { name: '3 of 3 steps done' })).toBeInTheDocument(), { timeout: 4000 });
    expect(within(view).queryByText('Refreshing every few seconds until the job ends.')).not.toBeInTheDocument();
    expect(finished).toHaveBeenCalled();
    const reads = bff.sent.filter((r) => r.path === `${JOBS_PATH}/job-create`).length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(bff.sent.filter((r) => r.path === `${JOBS_PATH}/job-create`).length).toBe(reads);
  }, 10_000);

  it('shows why a failed job failed, on the job and on the step', async () => {
    const bff = installDetailBff();
    bff.jobs.set('job-create', [job('Failed', [['CreatePSMCert', 'Success'], ['CreateEniNetwork', 'Failed']], 'sub-job CreateEniNetwork failed')]);
    renderWithProviders(<ClusterJobTab cluster={detailCluster({ phase: 'Error', jobID: 'job-create' })} />);
    const view = await screen.findByRole('region', { name: 'Job CreateCluster' });
    expect(within(view).getByText('sub-job CreateEniNetwork failed')).toBeInTheDocument();
    expect(within(view).getByText('quota of ENIs exhausted')).toBeInTheDocument();
    expect(steps(within(view).getByRole('list', { name: 'Steps' }))).toEqual(['CreatePSMCert: Success', 'CreateEniNetwork: Failed']);
    expect(within(view).getByRole('progressbar', { name: '1 of 2 steps done' })).toBeInTheDocument();
  });

  it('falls back to the jobid annotation of the create response', async () => {
    const bff = installDetailBff();
    bff.jobs.set('job-create', [job('Running', [['InstallMaster', 'Running']])]);
    renderWithProviders(<ClusterJobTab cluster={detailCluster({ phase: 'Creating', annotations: { jobid: 'job-create' } })} />);
    expect(await screen.findByRole('region', { name: 'Job CreateCluster' })).toBeInTheDocument();
  });

  it('says plainly when the cluster has no job, or its last job is no longer kept', async () => {
    installDetailBff();
    const { unmount } = renderWithProviders(<ClusterJobTab cluster={detailCluster()} />);
    expect(screen.getByText(/The cluster reports no job/)).toBeInTheDocument();
    unmount();
    renderWithProviders(<ClusterJobTab cluster={detailCluster({ jobID: 'job-old' })} />);
    expect(await screen.findByText("The last job (job-old) is no longer kept: jobs are short-lived.")).toBeInTheDocument();
  });
});
