import { screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../contract/clusters.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { ClusterEdit } from './cluster-edit.tsx';

/**
 * The tab as the page mounts it: keyed by the update time, so a saved cluster starts the form afresh.
 * `adjust` stands for what the simulator does not model (a billing lock set by CBC).
 */
function EditTab({ clusterId, adjust = (c) => c }: { clusterId: string; adjust?: (cluster: Cluster) => Cluster }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  const c = cluster.data ? adjust(cluster.data) : undefined;
  return c ? <ClusterEdit key={c.metadata.updateTimestamp ?? ''} cluster={c} /> : null;
}

/** Opens the demo world and the Edit tab of one of its clusters (dev-sandbox: Available, in vpc-dev). */
async function editOf(name: 'dev-sandbox' | 'qa-regression' = 'dev-sandbox', adjust?: (cluster: Cluster) => Cluster) {
  const world = await openWorld();
  const rendered = renderWithProviders(<EditTab clusterId={world.demo.clusters[name]!} {...(adjust ? { adjust } : {})} />);
  await screen.findByRole('textbox', { name: 'Alias' });
  return { world, ...rendered };
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

/** The updates the console sent: their bodies. */
const updates = (world: TestWorld) => world.sent.filter((r) => r.method === 'PUT').map((r) => r.body);

describe('cluster edit tab', () => {
  it('sends only what changed, then shows the saved values', async () => {
    const { world, user } = await editOf();
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('No changes yet.')).toBeInTheDocument();

    const description = screen.getByRole('textbox', { name: 'Description' });
    expect(description).toHaveValue('Shared developer sandbox');
    await user.clear(description);
    await user.type(description, 'Shared developer sandbox, EU');
    expect(screen.getByText(/28 of 200 characters/)).toBeInTheDocument();
    await user.click(saveButton());

    await waitFor(() => expect(updates(world)).toEqual([{ spec: { description: 'Shared developer sandbox, EU' } }]));
    await waitFor(() => expect(screen.getByText('No changes yet.')).toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('Shared developer sandbox, EU');
    expect(saveButton()).toBeDisabled();
  });

  it('changes the alias and the ENI subnets together', async () => {
    const { world, user } = await editOf();
    const [, eni, tiny] = world.demo.vpcs['vpc-dev']!.subnets;
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'sandbox-eu');
    const subnets = screen.getByRole('combobox', { name: 'ENI subnets' });
    await user.type(subnets, `${tiny!.subnetId}{Enter}`);
    await user.click(saveButton());
    await waitFor(() => expect(updates(world)).toHaveLength(1));
    expect(updates(world)[0]).toEqual({
      spec: { eniNetwork: { subnets: [{ subnetID: eni!.subnetId }, { subnetID: tiny!.subnetId }] } },
      metadata: { alias: 'sandbox-eu' },
    });
    await waitFor(() => expect(screen.getByText('No changes yet.')).toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Alias' })).toHaveValue('sandbox-eu');
  });

  it('refuses a description with forbidden characters or over 200 characters, and a bad alias, before sending', async () => {
    const { world, user } = await editOf();
    const description = screen.getByRole('textbox', { name: 'Description' });
    for (const bad of ['50% of traffic', 'use <b>', 'x'.repeat(201)]) {
      await user.clear(description);
      await user.click(description);
      await user.paste(bad);
      await user.click(saveButton());
      expect(description).toHaveAttribute('aria-invalid', 'true');
    }
    expect(description).toHaveAccessibleDescription(/Description must be at most 200 characters/);
    await user.clear(description);
    await user.type(description, 'fine');
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'Search_EU');
    await user.click(saveButton());
    expect(alias).toHaveAccessibleDescription(/Cluster alias must start with a lowercase letter|may contain only lowercase letters/);
    expect(updates(world)).toEqual([]);
  });

  it("puts the API's refusal of a duplicate alias on the alias field", async () => {
    const { world, user } = await editOf();
    // prod-payments is called payments-prod.
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'payments-prod');
    await user.click(saveButton());
    await waitFor(() => expect(alias).toHaveAccessibleDescription(/alias payments-prod is already used by cluster prod-payments\./));
    expect(alias).toHaveValue('payments-prod');
    expect(updates(world)).toEqual([{ spec: {}, metadata: { alias: 'payments-prod' } }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("puts the API's refusal of a subnet outside the cluster's VPC on the ENI subnets field", async () => {
    const { world, user } = await editOf();
    const elsewhere = world.demo.vpcs['vpc-prod']!.subnets[2]!;
    await user.type(screen.getByRole('combobox', { name: 'ENI subnets' }), `${elsewhere.subnetId}{Enter}`);
    await user.click(saveButton());
    const subnets = screen.getByRole('combobox', { name: 'ENI subnets' });
    await waitFor(() => expect(subnets).toHaveAccessibleDescription(new RegExp(`subnet ${elsewhere.subnetId} is not in VPC vpc-dev`)));
    expect(updates(world)).toHaveLength(1);
  });

  it('is off, with the reason, while the cluster is not Available', async () => {
    await editOf('qa-regression');
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText(/it is Hibernated now\. The cluster is in hibernation\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Description' })).toBeDisabled();
  });

  it('is off, with the reason, while the cluster is locked by billing', async () => {
    await editOf('dev-sandbox', (c) => ({ ...c, status: { ...c.status, isLocked: true, lockScene: 'ARREAR', lockSource: 'CBC' } }));
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText(/locked by billing \(ARREAR\)/)).toBeInTheDocument();
  });
});
