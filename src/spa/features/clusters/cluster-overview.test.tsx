import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { updateClusterEip, type Cluster } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { ClusterOverview } from './cluster-overview.tsx';

/**
 * The tab as the page feeds it: the cluster from the detail query. `adjust` stands for what the
 * simulator does not model (a billing lock set by CBC).
 */
function OverviewTab({ clusterId, adjust = (c) => c }: { clusterId: string; adjust?: (cluster: Cluster) => Cluster }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <ClusterOverview cluster={adjust(cluster.data)} /> : null;
}

type DemoName = 'analytics-batch' | 'dev-sandbox' | 'legacy-reporting';

/** Opens the demo world and the Overview of one of its clusters. */
async function overviewOf(name: DemoName, adjust?: (cluster: Cluster) => Cluster) {
  const world = await openWorld();
  const clusterId = world.demo.clusters[name]!;
  const rendered = renderWithProviders(<OverviewTab clusterId={clusterId} {...(adjust ? { adjust } : {})} />);
  await screen.findByRole('table', { name: 'General' });
  return { world, clusterId, ...rendered };
}

/** The value cell of one labelled row in a group (a table named by the group title). */
function field(group: string, label: string) {
  const table = screen.getByRole('table', { name: group });
  const header = within(table).getByRole('rowheader', { name: label });
  return header.closest('tr')!.querySelector('td')!;
}

describe('cluster overview tab', () => {
  it('lays out spec, status and metadata in readable groups', async () => {
    const { world, clusterId } = await overviewOf('analytics-batch');
    const vpc = world.demo.vpcs['vpc-analytics']!;
    expect(screen.getAllByRole('table').map((t) => t.getAttribute('aria-label'))).toEqual(['General', 'Network', 'Labels, annotations and times', 'Status']);

    expect(field('General', 'Cluster ID')).toHaveTextContent(clusterId);
    expect(field('General', 'Alias')).toHaveTextContent('analytics-batch-jobs');
    expect(field('General', 'Kubernetes version')).toHaveTextContent('v1.27');
    expect(field('General', 'Platform version')).toHaveTextContent(/^cce\./);
    expect(field('General', 'Category')).toHaveTextContent('Turbo');
    expect(field('General', 'Type')).toHaveTextContent('VirtualMachine');
    expect(field('General', 'Flavor')).toHaveTextContent('cce.autopilot.cluster');
    expect(field('General', 'Billing')).toHaveTextContent('Pay-per-use');
    expect(field('General', 'Availability zone')).toHaveTextContent('ap-southeast-3a');
    expect(field('General', 'Enterprise project')).toHaveTextContent('0');
    expect(field('General', 'Description')).toHaveTextContent('Nightly Spark jobs');
    expect(field('Network', 'VPC')).toHaveTextContent(vpc.id);
    expect(field('Network', 'Host subnet')).toHaveTextContent(vpc.subnets[0]!.networkId);
    expect(field('Network', 'ENI subnets')).toHaveTextContent(vpc.subnets[1]!.subnetId);
    expect(field('Network', 'Service CIDR')).toHaveTextContent('10.247.0.0/16');
    expect(field('Network', 'API server endpoints')).toHaveTextContent(
      `Internal (in the VPC): https://${clusterId}.cluster.cce.ap-southeast-3.myhuaweicloud.com:5443`,
    );
    expect(field('Network', 'API server endpoints')).not.toHaveTextContent('Public');
    expect(field('Labels, annotations and times', 'Labels')).toHaveTextContent('FeatureGates=arpOptimization,elbv3,xGPU');
    expect(field('Labels, annotations and times', 'Annotations')).toHaveTextContent('enableAutopilot=true');
    // CCE's Go-style timestamps, read as UTC instants: 388 days and 111 minutes before the world's start (2025-03-10 08:00).
    expect(field('Labels, annotations and times', 'Created').querySelector('time')!.getAttribute('dateTime')).toMatch(/^2024-02-16T06:09:/);
    expect(field('Status', 'Phase')).toHaveTextContent('Upgrading');
    expect(field('Status', 'Job ID')).toHaveTextContent(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(field('Status', 'Billing lock')).toHaveTextContent('—');
  });

  it('names the bound EIP as the public address, and a billing lock with its scene', async () => {
    const world = await openWorld();
    const clusterId = world.demo.clusters['dev-sandbox']!;
    const eip = world.demo.eips[2]!;
    // Bound through the BFF before the tab opens, as another operator would have.
    const { projectId } = (await (await fetch('/api/context')).json()) as { projectId: string };
    await callOperation(updateClusterEip, {
      params: { project_id: projectId, cluster_id: clusterId },
      body: { spec: { action: 'bind', spec: { id: eip.id } } },
    });
    renderWithProviders(
      <OverviewTab clusterId={clusterId} adjust={(c) => ({ ...c, status: { ...c.status, isLocked: true, lockScene: 'ARREAR', lockSource: 'CBC' } })} />,
    );
    await screen.findByRole('table', { name: 'General' });
    const endpoints = field('Network', 'API server endpoints');
    expect(endpoints).toHaveTextContent(new RegExp(`^Internal \\(in the VPC\\): https://${clusterId}\\.cluster\\.cce\\.`));
    expect(endpoints).toHaveTextContent(new RegExp(`Public \\(EIP\\): https://${eip.address.replace(/\./g, '\\.')}:5443$`));
    expect(field('Status', 'Billing lock')).toHaveTextContent('Locked (ARREAR, by CBC)');
  });

  it('copies ids with buttons named for what they copy', async () => {
    const { world, clusterId, user } = await overviewOf('dev-sandbox');
    const writeText = vi.fn(async () => {});
    // After setup: user-event installs its own clipboard stub.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy cluster ID' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(clusterId));
    expect(screen.getByRole('button', { name: 'Copy VPC ID' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy host subnet ID' })).toBeInTheDocument();
    const eni = world.demo.vpcs['vpc-dev']!.subnets[1]!.subnetId;
    expect(screen.getByRole('button', { name: `Copy ENI subnet ID ${eni}` })).toBeInTheDocument();
  });

  it('shows the reason and message of a cluster that is not Available, and why it cannot be edited', async () => {
    await overviewOf('legacy-reporting');
    expect(field('Status', 'Reason')).toHaveTextContent('ResourceAbnormal');
    expect(field('Status', 'Message')).toHaveTextContent(/ENI pool reconcile failed: subnet subnet-dev-eni-tiny/);
    expect(screen.getByText(/it is Error now\. Resources in the cluster are abnormal/)).toBeInTheDocument();
  });
});
