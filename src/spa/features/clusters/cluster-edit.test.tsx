import { screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../contract/clusters.ts';
import { envelopeResponse } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { ClusterEdit } from './cluster-edit.tsx';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { CLUSTER_PATH, CLUSTER_UID, detailCluster, installDetailBff } from './cluster-detail-test-bff.ts';

/** The tab as the page mounts it: keyed by the update time, so a saved cluster starts the form afresh. */
function EditTab() {
  const cluster = useQuery(clusterQueries.detail(CLUSTER_UID));
  const c: Cluster | undefined = cluster.data;
  return c ? <ClusterEdit key={c.metadata.updateTimestamp ?? ''} cluster={c} /> : null;
}

async function saveButton() {
  await screen.findByRole('textbox', { name: 'Alias' });
  return screen.getByRole('button', { name: 'Save changes' });
}

describe('cluster edit tab', () => {
  it('sends only what changed, then shows the saved values', async () => {
    const bff = installDetailBff();
    const { user } = renderWithProviders(<EditTab />);
    expect(await saveButton()).toBeDisabled();
    expect(screen.getByText('No changes yet.')).toBeInTheDocument();

    const description = screen.getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Search front ends, EU');
    expect(screen.getByText(/21 of 200 characters/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(bff.changes()).toHaveLength(1));
    expect(bff.changes()[0]).toEqual({ method: 'PUT', path: CLUSTER_PATH, body: { spec: { description: 'Search front ends, EU' } } });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('Search front ends, EU'));
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('changes the alias and the ENI subnets together', async () => {
    const bff = installDetailBff();
    const { user } = renderWithProviders(<EditTab />);
    await saveButton();
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'search-eu');
    const subnets = screen.getByRole('combobox', { name: 'ENI subnets' });
    await user.type(subnets, '3b18c2d5-b352-4f59-b421-c2d2d48a1333{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bff.changes()).toHaveLength(1));
    expect(bff.changes()[0]!.body).toEqual({
      spec: { eniNetwork: { subnets: [{ subnetID: 'f061c486-a190-4e2e-993c-5bc3dc9d65a8' }, { subnetID: '3b18c2d5-b352-4f59-b421-c2d2d48a1333' }] } },
      metadata: { alias: 'search-eu' },
    });
  });

  it('refuses a description with forbidden characters or over 200 characters, and a bad alias, before sending', async () => {
    const bff = installDetailBff();
    const { user } = renderWithProviders(<EditTab />);
    await saveButton();
    const description = screen.getByRole('textbox', { name: 'Description' });
    for (const bad of ['50% of traffic', 'use <b>', 'x'.repeat(201)]) {
      await user.clear(description);
      await user.click(description);
      await user.paste(bad);
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      expect(description).toHaveAttribute('aria-invalid', 'true');
    }
    expect(description).toHaveAccessibleDescription(/Description must be at most 200 characters/);
    await user.clear(description);
    await user.type(description, 'fine');
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'Search_EU');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(alias).toHaveAccessibleDescription(/Cluster alias must start with a lowercase letter|may contain only lowercase letters/);
    expect(bff.changes()).toEqual([]);
  });

  it('puts a duplicate alias refused by the API on the alias field', async () => {
    const bff = installDetailBff();
    bff.override(`PUT ${CLUSTER_PATH}`, () =>
      envelopeResponse(409, 'CCE.01409001', 'metadata.alias: alias payments-prod is already used by cluster prod-payments.', 'req-alias'),
    );
    const { user } = renderWithProviders(<EditTab />);
    await saveButton();
    const alias = screen.getByRole('textbox', { name: 'Alias' });
    await user.clear(alias);
    await user.type(alias, 'payments-prod');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(alias).toHaveAccessibleDescription(/alias payments-prod is already used by cluster prod-payments\./));
    expect(alias).toHaveValue('payments-prod');
  });

  it('is off, with the reason, while the cluster is not Available or is locked', async () => {
    installDetailBff(detailCluster({ phase: 'Hibernation' }));
    const { unmount } = renderWithProviders(<EditTab />);
    expect(await saveButton()).toBeDisabled();
    expect(screen.getByText(/it is Hibernated now\. The cluster is in hibernation\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Description' })).toBeDisabled();
    unmount();

    installDetailBff(detailCluster({ isLocked: true }));
    renderWithProviders(<EditTab />);
    expect(await saveButton()).toBeDisabled();
    expect(screen.getByText(/locked by billing \(ARREAR\)/)).toBeInTheDocument();
  });
});
