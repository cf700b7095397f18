import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clusterListSchema } from '../../../contract/clusters.ts';
import listExample from '../../../contract/examples/ListAutopilotClusters.response.json';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { statusBadge } from '../../shared/test/status-badge.ts';
import { rowWithText } from '../../shared/test/table.ts';
import { DEFAULT_VIEW } from './cluster-list-view.ts';
import { ClustersTable } from './clusters-table.tsx';

/**
 * The table for answers the simulator never gives (it answers only phases it knows, in its own
 * values): the API reference's own example, and a phase newer than the console.
 */
function renderRows(items: unknown[]) {
  const rows = clusterListSchema.parse({ kind: 'Cluster', apiVersion: 'v3', items }).items;
  return renderWithProviders(<ClustersTable rows={rows} caption="clusters" view={DEFAULT_VIEW} onSort={() => {}} upgradePaths={undefined} />);
}

describe('clusters table', () => {
  it("shows the API reference's own example response", () => {
    renderRows(listExample.items);
    const row = rowWithText(screen.getByRole('table', { name: 'Clusters' }), 'test');
    expect(within(row).getByText('Alias: s00648239-b003-v127')).toBeInTheDocument();
    expect(within(row).getByText('Available')).toBeInTheDocument();
    expect(within(row).getByText('v1.27')).toBeInTheDocument();
  });

  it('gives a phase newer than the console a grey "Unknown" badge that names the phase, instead of breaking the row', async () => {
    const [example] = listExample.items;
    const { user } = renderRows([{ ...example, metadata: { ...example!.metadata, name: 'from-the-future' }, status: { phase: 'Teleporting' } }]);
    const row = rowWithText(screen.getByRole('table', { name: 'Clusters' }), 'from-the-future');
    const unknown = statusBadge(row, 'Unknown');
    expect(unknown).toMatchObject({ colour: 'gray', spinning: false });

    await user.hover(unknown.element);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The cloud reported a phase this console does not know yet: Teleporting.');
  });
});
