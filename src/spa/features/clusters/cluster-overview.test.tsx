import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { ClusterOverview } from './cluster-overview.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { CLUSTER_UID, detailCluster } from './cluster-detail-test-bff.ts';

/** The value cell of one labelled row in a group (a table named by the group title). */
function field(group: string, label: string) {
  const table = screen.getByRole('table', { name: group });
  const header = within(table).getByRole('rowheader', { name: label });
  return header.closest('tr')!.querySelector('td')!;
}

describe('cluster overview tab', () => {
  it('lays out spec, status and metadata in readable groups', async () => {
    await openWorld();
    renderWithProviders(<ClusterOverview cluster={detailCluster({ jobID: 'e1c49157-2270-11ef-a160-0255ac100100', isLocked: false })} />);
    expect(screen.getAllByRole('table').map((t) => t.getAttribute('aria-label'))).toEqual(['General', 'Network', 'Labels, annotations and times', 'Status']);

    expect(field('General', 'Kubernetes version')).toHaveTextContent('v1.28');
    expect(field('General', 'Platform version')).toHaveTextContent('cce.6.0');
    expect(field('General', 'Category')).toHaveTextContent('Turbo');
    expect(field('General', 'Type')).toHaveTextContent('VirtualMachine');
    expect(field('General', 'Flavor')).toHaveTextContent('cce.autopilot.cluster');
    expect(field('General', 'Billing')).toHaveTextContent('Pay-per-use');
    expect(field('General', 'Availability zone')).toHaveTextContent('cn-north-7c');
    expect(field('General', 'Enterprise project')).toHaveTextContent('0');
    expect(field('General', 'Description')).toHaveTextContent('Search front ends');
    expect(field('Network', 'VPC')).toHaveTextContent('13cd773f-7f9f-4821-b9b8-dba5b351e1ec');
    expect(field('Network', 'Host subnet')).toHaveTextContent('19e3960d-b9ae-4d2d-b3a4-92ff56ae0301');
    expect(field('Network', 'ENI subnets')).toHaveTextContent('f061c486-a190-4e2e-993c-5bc3dc9d65a8');
    expect(field('Network', 'Service CIDR')).toHaveTextContent('10.247.0.0/16');
    expect(field('Network', 'API server endpoints')).toHaveTextContent(`Internal: https://${CLUSTER_UID}.cluster.cce.cn-north-7.myhuaweicloud.com:5443`);
    expect(field('Labels, annotations and times', 'Labels')).toHaveTextContent('FeatureGates=arpOptimization,elbv3,xGPU');
    expect(field('Labels, annotations and times', 'Annotations')).toHaveTextContent('enableAutopilot=true');
    // CCE's Go-style timestamps, read as UTC instants.
    expect(field('Labels, annotations and times', 'Created').querySelector('time')).toHaveAttribute('dateTime', '2024-06-01T09:05:03.665Z');
    expect(field('Status', 'Phase')).toHaveTextContent('Available');
    expect(field('Status', 'Job ID')).toHaveTextContent('e1c49157-2270-11ef-a160-0255ac100100');
    expect(field('Status', 'Billing lock')).toHaveTextContent('Not locked');
  });

  it('copies ids with buttons named for what they copy', async () => {
    await openWorld();
    const writeText = vi.fn(async () => {});
    const { user } = renderWithProviders(<ClusterOverview cluster={detailCluster()} />);
    // After setup: user-event installs its own clipboard stub.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy cluster ID' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(CLUSTER_UID));
    expect(screen.getByRole('button', { name: 'Copy VPC ID' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy host subnet ID' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy ENI subnet ID f061c486-a190-4e2e-993c-5bc3dc9d65a8' })).toBeInTheDocument();
  });

  it('shows the reason and message of a cluster that is not Available, and why it cannot be edited', async () => {
    await openWorld();
    const cluster = detailCluster({ phase: 'Error' });
    cluster.status = { ...cluster.status, reason: 'CreateClusterFailed', message: 'sub-job CreateEniNetwork failed' };
    renderWithProviders(<ClusterOverview cluster={cluster} />);
    expect(field('Status', 'Reason')).toHaveTextContent('CreateClusterFailed');
    expect(field('Status', 'Message')).toHaveTextContent('sub-job CreateEniNetwork failed');
    expect(screen.getByText(/it is Error now\. Resources in the cluster are abnormal/)).toBeInTheDocument();
  });
});
