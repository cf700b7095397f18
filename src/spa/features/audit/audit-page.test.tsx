import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { batchCreateClusterTags, batchDeleteClusterTags, deleteCluster } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { createClusterIn, openWorld, type TestWorld } from '../../shared/test/world.ts';
import { AuditPage } from './audit-page.tsx';

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

function renderAudit(path: string) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/audit"
        element={
          <>
            <AuditPage />
            <LocationProbe />
          </>
        }
      />
    </Routes>,
    { path },
  );
}

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Audit trail' }))
    .getAllByRole('row')
    .slice(1);
}

async function projectId(): Promise<string> {
  return ((await (await fetch('/api/context')).json()) as { projectId: string }).projectId;
}

/**
 * A cluster of this test's own, Available, by a name no other test uses: the worlds share one audit
 * trail, and filtering by this name shows this test's entries only.
 */
async function ownCluster(world: TestWorld): Promise<{ name: string; id: string; params: { project_id: string; cluster_id: string } }> {
  const name = `audited-${Math.random().toString(36).slice(2, 8)}`;
  const created = await createClusterIn(world, name);
  // Creation takes 40–60 simulated seconds.
  await world.advance(90_000);
  const id = created.metadata.uid!;
  return { name, id, params: { project_id: await projectId(), cluster_id: id } };
}

/** The audit reads the console sent, by query parameter. */
const auditReads = (world: TestWorld) => world.sent.filter((r) => r.path === '/api/audit').map((r) => Object.fromEntries(new URLSearchParams(r.search)));

describe('audit page', () => {
  it('shows who did what to which target, by the name it had and its id, even once it is deleted; and finds it by that name', { timeout: 90_000 }, async () => {
    const world = await openWorld();
    const cluster = await ownCluster(world);
    await callOperation(batchCreateClusterTags, { params: cluster.params, body: { tags: [{ key: 'team', value: 'payments' }] } });
    await callOperation(deleteCluster, { params: cluster.params, query: {} });
    // The deletion finishes: the cluster exists no more, its entries still name it.
    await world.advance(60_000);

    const { user } = renderAudit(`/audit?target=${cluster.name}`);
    await screen.findByRole('table', { name: 'Audit trail' }, { timeout: 10_000 });
    const rows = bodyRows();
    expect(rows.map((row) => within(row).getAllByRole('code')[0]!.textContent)).toEqual([
      'DeleteAutopilotCluster',
      'BatchCreateAutopilotClusterTags',
      'CreateAutopilotCluster',
    ]);
    for (const row of rows) {
      expect(within(row).getByText(cluster.name)).toBeInTheDocument();
      expect(within(row).getByText(cluster.id)).toBeInTheDocument();
    }
    const [deletion, tagging] = rows;
    expect(within(deletion!).getByText('Deleting a Cluster')).toBeInTheDocument();
    expect(within(tagging!).getByText(world.user('operator').username)).toBeInTheDocument();
    expect(within(tagging!).getByText('Operator')).toBeInTheDocument();
    expect(within(tagging!).getByText('Succeeded')).toBeInTheDocument();
    expect(within(tagging!).getByRole('time')).toHaveAttribute('title', expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(within(tagging!).getByRole('button', { name: 'Copy request ID' })).toBeInTheDocument();

    // The request summary opens on demand.
    expect(screen.queryByText(/"key": "team"/)).not.toBeInTheDocument();
    await user.click(within(tagging!).getByRole('button', { name: 'Details' }));
    expect(await screen.findByText(/"key": "team"/)).toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const world = await openWorld();
    renderAudit('/audit?actor=bob&outcome=failure&from=2026-11-25T08:00&to=bogus');
    expect(await screen.findByText('No entries match these filters.', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'User' })).toHaveValue('bob');
    expect(auditReads(world)[0]).toEqual({ limit: '50', actor: 'bob', outcome: 'failure', from: new Date('2026-11-25T08:00').toISOString() });
  });

  it('puts applied filters into the URL, and clears them', { timeout: 60_000 }, async () => {
    const world = await openWorld();
    const operator = world.user('operator').username;
    const { user } = renderAudit('/audit');
    await screen.findByRole('table', { name: 'Audit trail' }, { timeout: 10_000 });
    await user.type(screen.getByRole('textbox', { name: 'User' }), operator);
    await user.type(screen.getByRole('textbox', { name: 'Target name or ID' }), 'prod-payments');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(`/audit?actor=${operator}&target=prod-payments`));
    await waitFor(() => expect(auditReads(world).at(-1)).toEqual({ limit: '50', actor: operator, target: 'prod-payments' }));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(/^\/audit$/));
    expect(screen.getByRole('textbox', { name: 'User' })).toHaveValue('');
  });

  it('loads older entries with the cursor and appends them, until there are none', { timeout: 120_000 }, async () => {
    const world = await openWorld();
    const cluster = await ownCluster(world);
    // The creation and 50 tag changes: one more than a page of 50.
    for (let round = 0; round < 25; round += 1) {
      await callOperation(batchCreateClusterTags, { params: cluster.params, body: { tags: [{ key: 'paged', value: 'x' }] } });
      await callOperation(batchDeleteClusterTags, { params: cluster.params, body: { tags: [{ key: 'paged' }] } });
    }
    const { user } = renderAudit(`/audit?target=${cluster.name}`);
    await screen.findByRole('table', { name: 'Audit trail' }, { timeout: 10_000 });
    expect(bodyRows()).toHaveLength(50);
    expect(auditReads(world).at(-1)?.before).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(51));
    expect(Number(auditReads(world).at(-1)?.before)).toBeGreaterThan(0);
    expect(within(bodyRows()[50]!).getByText('CreateAutopilotCluster')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load older entries' })).not.toBeInTheDocument();
  });
});
