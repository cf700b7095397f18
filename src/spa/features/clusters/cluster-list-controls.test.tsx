import { screen, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { listClusters } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { ClustersPage } from './clusters-page.tsx';

const UPGRADE_PATHS_PATH = '/api/cce/autopilot/v3/clusterupgradepaths';

/** Every cluster name of the world's project, in name order (as the BFF lists them; the page's default sort). */
async function namesInProject(world: TestWorld): Promise<string[]> {
  const list = await callOperation(listClusters, { params: { project_id: world.projectId } });
  return list.items.map((c) => c.metadata.name ?? '').sort();
}

/** Shows the router's current search string, as the address bar would. */
function AddressBar() {
  const location = useLocation();
  return <div data-testid="address">{location.search}</div>;
}

function render(path = '/clusters') {
  return renderWithProviders(
    <>
      <ClustersPage />
      <AddressBar />
    </>,
    { path },
  );
}

const address = () => new URLSearchParams(screen.getByTestId('address').textContent ?? '');
const table = () => screen.findByRole('table', { name: 'Clusters' });
async function names() {
  return within(await table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]!.textContent);
}
function rowOf(tableElement: HTMLElement, name: string) {
  const row = within(tableElement)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('cluster list: search, filters, sort and paging in the URL', () => {
  it('searches by name or alias and writes the search into the address', async () => {
    await openWorld();
    const { user } = render();
    expect(await names()).toHaveLength(9);

    // prod-payments' alias is payments-prod: the search matches aliases, whatever the case.
    await user.type(screen.getByRole('searchbox', { name: 'Search clusters' }), 'Payments-PROD');
    expect(await names()).toEqual(['prod-payments']);
    expect(address().get('q')).toBe('Payments-PROD');
    // Two demo clusters are changing, so the count also says the list polls.
    expect(screen.getByText(/^1 of 9 clusters · Updating every 5 seconds/)).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Search clusters' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search clusters' }), 'nothing-like-this');
    expect(await screen.findByText('No cluster matches this search and these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Clusters' })).not.toBeInTheDocument();
  });

  it('filters by status and by version, each kept in the address', async () => {
    await openWorld();
    const { user } = render();
    await table();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Available');
    expect(await names()).toEqual(['dev-sandbox', 'prod-payments', 'prod-search', 'staging-web']);
    expect(address().get('status')).toBe('Available');

    // The version filter offers the versions the project actually runs.
    const versionFilter = screen.getByRole('combobox', { name: 'Kubernetes version' });
    expect(
      within(versionFilter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'v1.25', 'v1.27', 'v1.28']);
    await user.selectOptions(versionFilter, 'v1.28');
    expect(await names()).toEqual(['prod-payments', 'prod-search']);
    expect(Object.fromEntries(address())).toEqual({ status: 'Available', version: 'v1.28' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Any');
    expect(await names()).toEqual(['edge-gateway', 'ml-inference', 'prod-payments', 'prod-search']);
    expect(address().has('status')).toBe(false);
  });

  it('restores a shared view from the address: search, filter, sort and direction', async () => {
    await openWorld();
    render('/clusters?status=Available&sort=created&dir=desc');
    // Ages in the demo project: prod-search 171 days, prod-payments 214, staging-web 302, dev-sandbox 533.
    expect(await names()).toEqual(['prod-search', 'prod-payments', 'staging-web', 'dev-sandbox']);
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Available');
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('sorts by a column when its header is clicked, and reverses on the second click', async () => {
    await openWorld();
    const { user } = render();
    expect(await names()).toEqual([
      'analytics-batch',
      'dev-sandbox',
      'edge-gateway',
      'legacy-reporting',
      'ml-inference',
      'prod-payments',
      'prod-search',
      'qa-regression',
      'staging-web',
    ]);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Sort by Kubernetes version' }));
    expect((await names()).slice(0, 2)).toEqual(['dev-sandbox', 'legacy-reporting']); // v1.25, ties by name
    expect(screen.getByRole('columnheader', { name: /Kubernetes version/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(Object.fromEntries(address())).toEqual({ sort: 'version', dir: 'asc' });

    await user.click(screen.getByRole('button', { name: 'Sort by Kubernetes version' }));
    expect(await names()).toEqual([
      'edge-gateway',
      'ml-inference',
      'prod-payments',
      'prod-search',
      'analytics-batch',
      'qa-regression',
      'staging-web',
      'dev-sandbox',
      'legacy-reporting',
    ]);
    expect(screen.getByRole('columnheader', { name: /Kubernetes version/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: 'Sort by Status' }));
    expect((await names()).slice(0, 4)).toEqual(['dev-sandbox', 'prod-payments', 'prod-search', 'staging-web']); // Available first

    // Every data column sorts, the public endpoint and tags included.
    await user.click(screen.getByRole('button', { name: 'Sort by Public endpoint' }));
    await user.click(screen.getByRole('button', { name: 'Sort by Public endpoint' }));
    expect((await names())[0]).toBe('prod-payments'); // the only one with a public API server
    expect(screen.getByRole('columnheader', { name: /Public endpoint/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: 'Sort by Tags' }));
    // By the tags' text: env=dev first, then env=production alone before env=production with a team, and so on.
    expect(await names()).toEqual([
      'dev-sandbox',
      'legacy-reporting',
      'edge-gateway',
      'analytics-batch',
      'ml-inference',
      'prod-payments',
      'prod-search',
      'qa-regression',
      'staging-web',
    ]);
    expect(Object.fromEntries(address())).toEqual({ sort: 'tags', dir: 'asc' });
  });

  it('pages through 2,000 clusters 20 at a time, with a selectable page size, both kept in the address', { timeout: 30_000 }, async () => {
    const world = await openWorld({ seed: 'large' });
    const all = await namesInProject(world);
    expect(all).toHaveLength(2_000);
    const { user } = render();
    expect(await names()).toEqual(all.slice(0, 20));
    expect(screen.getByText('Page 1 of 100')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await names()).toEqual(all.slice(20, 40));
    expect(address().get('page')).toBe('2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '100');
    expect(await names()).toEqual(all.slice(0, 100));
    // A new page size starts from the first page, so the operator is not dropped somewhere arbitrary.
    expect(Object.fromEntries(address())).toEqual({ size: '100' });
    expect(screen.getByText('Page 1 of 20')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 20' }));
    expect(await names()).toEqual(all.slice(1_900));
    expect(screen.getByText('Page 20 of 20')).toBeInTheDocument();
  });

  it('opens on the page the address names, and clamps a page that no longer exists', { timeout: 30_000 }, async () => {
    const world = await openWorld({ seed: 'large' });
    const all = await namesInProject(world);
    const first = render('/clusters?page=3');
    expect(await names()).toEqual(all.slice(40, 60));
    expect(screen.getByText('Page 3 of 100')).toBeInTheDocument();
    first.unmount();

    render('/clusters?page=150');
    expect(await names()).toEqual(all.slice(1_980));
    expect(screen.getByText('Page 100 of 100')).toBeInTheDocument();
  });
});

describe('cluster list: upgrade mark, public endpoint, tags and links', () => {
  it('marks clusters that have a newer version to go to, naming the targets on hover', async () => {
    await openWorld();
    const { user } = render();
    const t = await table();
    const mark = await within(rowOf(t, 'dev-sandbox')).findByText('Upgrade available');
    expect(within(rowOf(t, 'dev-sandbox')).getByText('cce.5.0')).toBeInTheDocument();
    expect(within(rowOf(t, 'staging-web')).getByText('Upgrade available')).toBeInTheDocument();
    // The newest version has only its own patch to go to: that is not an upgrade.
    expect(within(rowOf(t, 'prod-payments')).queryByText('Upgrade available')).not.toBeInTheDocument();

    await user.hover(mark);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Can be upgraded to v1.27.3-r0, v1.28.3-r0');
  });

  it('still lists every cluster when the upgrade paths cannot be read, just without marks', async () => {
    const world = await openWorld();
    // With the link to CCE cut, both the list and the upgrade paths fail; the list's Retry then loads it alone.
    await world.setLink(false);
    const { user } = render();
    const alert = await screen.findByRole('alert');
    expect((await world.answered('GET', UPGRADE_PATHS_PATH)).status).toBeGreaterThanOrEqual(500);

    await world.setLink(true);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await names()).toHaveLength(9);
    expect(screen.queryByText('Upgrade available')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says whether the API server is public, shows a few tags with "+n", and links rows to the detail page', async () => {
    const world = await openWorld();
    const { user } = render();
    const t = await table();
    const payments = rowOf(t, 'prod-payments');
    const cells = within(payments).getAllByRole('cell');
    expect(cells[3]).toHaveTextContent('Yes');
    expect(within(rowOf(t, 'dev-sandbox')).getAllByRole('cell')[3]).toHaveTextContent('No');

    expect(within(payments).getByText('env=production')).toBeInTheDocument();
    expect(within(payments).getByText('team=payments')).toBeInTheDocument();
    expect(within(payments).queryByText('cost-center=cc-1042')).not.toBeInTheDocument();
    await user.hover(within(payments).getByText('+1'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('cost-center=cc-1042');

    expect(within(payments).getByRole('link', { name: 'prod-payments' })).toHaveAttribute('href', `/clusters/${world.demo.clusters['prod-payments']}`);
    expect(screen.getByRole('link', { name: 'Create cluster' })).toHaveAttribute('href', '/clusters/new');
  });
});
