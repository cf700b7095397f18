import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/console-api.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { ClusterActions } from './cluster-actions.tsx';

/** A row's actions as the list shows them, fed by the cluster's query. */
function ActionsOf({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <ClusterActions cluster={cluster.data} /> : null;
}

async function openMenu(role: Role) {
  const world = await openWorld({ role });
  const clusterId = world.demo.clusters['dev-sandbox']!;
  const { user } = renderWithProviders(<ActionsOf clusterId={clusterId} />);
  const trigger = await screen.findByRole('button', { name: 'Actions for dev-sandbox' }, { timeout: 10_000 });
  expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
  expect(trigger).toHaveAttribute('aria-expanded', 'false');
  await user.click(trigger);
  // The menu's code loads on the first click, then it opens.
  const menu = await screen.findByRole('menu', {}, { timeout: 10_000 });
  return { user, menu, clusterId };
}

describe('cluster row actions', () => {
  it("offers Open, Upgrade cluster and Delete cluster… in one menu; Delete opens the cluster's delete dialog", { timeout: 30_000 }, async () => {
    const { user, menu, clusterId } = await openMenu('operator');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Open', 'Upgrade cluster', 'Delete cluster…']);
    expect(within(menu).getByRole('menuitem', { name: 'Open' })).toHaveAttribute('href', `/clusters/${clusterId}`);
    expect(screen.getByRole('button', { name: 'Actions for dev-sandbox' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(menu).getByRole('menuitem', { name: 'Delete cluster…' }));
    expect(await screen.findByRole('dialog', { name: 'Delete cluster dev-sandbox' }, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
  });

  it('shows a viewer what they may not do, disabled, with the reason', { timeout: 30_000 }, async () => {
    const { menu } = await openMenu('viewer');
    const reason = 'Your role (Viewer) can view but not change resources. Ask an admin for the operator role.';
    expect(within(menu).getByRole('menuitem', { name: 'Open' })).toBeEnabled();
    for (const name of ['Upgrade cluster', 'Delete cluster…']) {
      const item = within(menu).getByRole('menuitem', { name });
      expect(item).toBeDisabled();
      expect(item).toHaveAccessibleDescription(reason);
    }
    expect(within(menu).getByText(reason)).toBeInTheDocument();
  });
});
