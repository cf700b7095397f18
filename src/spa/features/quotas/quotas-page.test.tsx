import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { QuotasPage, quotaScope } from './quotas-page.tsx';

/** The demo seed's clusters (all of them count against the quota, those in motion too). */
const DEMO_CLUSTER_COUNT = 9;

describe('quotas page', () => {
  it('shows the cluster quota as a meter with used / limit, and every quota the API returns in a table', async () => {
    // The simulator answers the reference's example spelling (`autopilot_cluster`).
    const world = await openWorld({ clusterQuota: 20 });
    renderWithProviders(<QuotasPage />);

    const meter = await screen.findByRole('progressbar', { name: `Clusters: ${DEMO_CLUSTER_COUNT} of 20 used` });
    expect(meter).toHaveAttribute('aria-valuenow', String((DEMO_CLUSTER_COUNT / 20) * 100));
    expect(screen.getByText(`${DEMO_CLUSTER_COUNT} of 20 used`)).toBeInTheDocument();
    expect(screen.getByText(`${20 - DEMO_CLUSTER_COUNT} more can be created`)).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'All quotas' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([['autopilot_cluster', String(DEMO_CLUSTER_COUNT), '20', 'count', world.region]]);
  });

  it('names where a quota applies, with its availability zone when it has one (the simulator has only the regional cluster quota)', () => {
    expect(
      quotaScope({ quotaKey: 'autopilot_node', quotaLimit: 50, used: 4, unit: 'count', regionId: 'ap-southeast-3', availabilityZoneId: 'ap-southeast-3a' }),
    ).toBe('ap-southeast-3 / ap-southeast-3a');
    expect(quotaScope({ quotaKey: 'autopilot_node' })).toBe('—');
  });

  it('says plainly when the cluster quota is used up', async () => {
    await openWorld({ clusterQuota: DEMO_CLUSTER_COUNT });
    renderWithProviders(<QuotasPage />);
    expect(await screen.findByRole('progressbar', { name: `Clusters: ${DEMO_CLUSTER_COUNT} of ${DEMO_CLUSTER_COUNT} used` })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByText(/Quota reached/)).toBeInTheDocument();
  });

  it('shows a loading state, then a failure with its request id, and Retry loads the quotas', async () => {
    const world = await openWorld({ clusterQuota: 12 });
    // The BFF cannot reach the CCE API: it answers the console with its own error and request id.
    await world.setLink(false);
    const { user } = renderWithProviders(<QuotasPage />);
    // Nothing has answered yet on the first render.
    expect(screen.queryByRole('table', { name: 'All quotas' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the quotas');
    expect(alert).toHaveTextContent('The CCE API could not be reached.');
    const failed = world.sent.find((r) => r.path.endsWith('/quotas'));
    expect(failed?.requestId).toBeTruthy();
    expect(within(alert).getByText(failed!.requestId!)).toBeInTheDocument();

    await world.setLink(true);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('progressbar', { name: `Clusters: ${DEMO_CLUSTER_COUNT} of 12 used` })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
