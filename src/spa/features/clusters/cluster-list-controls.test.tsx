import { screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  cceCluster,
  CLUSTERS_PATH,
  envelopeResponse,
  installFetch,
  jsonResponse,
  operatorSession,
  simulatorContext,
  type ClusterFixture,
} from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { ClustersPage } from './clusters-page.tsx';

const UPGRADE_PATHS_PATH = '/api/cce/autopilot/v3/clusterupgradepaths';

/** The simulator's table: each version to its own latest patch and every later version's. */
const upgradePaths = {
  kind: 'ClusterUpgradePaths',
  apiVersion: 'v3',
  metadata: {},
  upgradePaths: [
    { version: 'v1.25', platformVersion: 'cce.5.0', targetVersions: ['v1.25.6-r0', 'v1.27.3-r0', 'v1.28.3-r0'] },
    { version: 'v1.27', platformVersion: 'cce.6.0', targetVersions: ['v1.27.3-r0', 'v1.28.3-r0'] },
    { version: 'v1.28', platformVersion: 'cce.4.0', targetVersions: ['v1.28.3-r0'] },
  ],
};
const PLATFORM: Record<string, string> = { 'v1.25': 'cce.5.0', 'v1.27': 'cce.6.0', 'v1.28': 'cce.4.0' };

type Fixture = ClusterFixture & { endpoints?: { type?: string; url: string }[]; tags?: { key: string; value: string }[] };

function cluster(fixture: Fixture) {
  const base = cceCluster(fixture);
  return {
    ...base,
    spec: { ...base.spec, platformVersion: PLATFORM[fixture.version ?? 'v1.28'], ...(fixture.tags ? { clusterTags: fixture.tags } : {}) },
    status: { ...base.status, ...(fixture.endpoints ? { endpoints: fixture.endpoints } : {}) },
  };
}

const fleet: Fixture[] = [
  {
    name: 'prod-payments',
    alias: 'payments-live',
    version: 'v1.28',
    created: '2024-05-01 08:00:00.000000 +0000 UTC',
    endpoints: [
      { type: 'Internal', url: 'https://192.168.0.8:5443' },
      { type: 'External', url: 'https://203.0.113.24:5443' },
    ],
    tags: [
      { key: 'env', value: 'production' },
      { key: 'team', value: 'payments' },
      { key: 'cost-center', value: 'cc-1042' },
    ],
  },
  {
    name: 'dev-sandbox',
    version: 'v1.25',
    created: '2023-01-01 10:00:00.000000 +0000 UTC',
    endpoints: [{ type: 'Internal', url: 'https://192.168.0.9:5443' }],
    tags: [{ key: 'env', value: 'dev' }],
  },
  {
    name: 'legacy-reporting',
    phase: 'Error',
    version: 'v1.25',
    created: '2022-06-01 00:00:00.000000 +0000 UTC',
    reason: 'ResourceAbnormal',
    message: 'coredns is not ready.',
  },
  { name: 'batch-jobs', phase: 'Error', version: 'v1.27', created: '2024-12-01 00:00:00.000000 +0000 UTC' },
  { name: 'search-staging', version: 'v1.27', created: '2025-01-01 00:00:00.000000 +0000 UTC' },
];

/** The BFF for the list page: context, session, the clusters, and the upgrade paths (or their failure). */
function installBff(fixtures: Fixture[], paths: 'ok' | 'fail' = 'ok') {
  const requests: string[] = [];
  installFetch((request) => {
    const { pathname } = new URL(request.url);
    requests.push(pathname);
    if (pathname === '/api/context') return jsonResponse(simulatorContext);
    if (pathname === '/api/session') return jsonResponse(operatorSession);
    if (pathname === CLUSTERS_PATH) return jsonResponse({ kind: 'Cluster', apiVersion: 'v3', items: fixtures.map(cluster) });
    if (pathname === UPGRADE_PATHS_PATH)
      return paths === 'ok' ? jsonResponse(upgradePaths) : envelopeResponse(503, 'BFF.UPSTREAM_UNAVAILABLE', 'The CCE endpoint did not answer.', 'req-paths');
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${pathname}`, 'req-404');
  });
  return requests;
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
    installBff(fleet);
    const { user } = render();
    expect(await names()).toHaveLength(5);

    await user.type(screen.getByRole('searchbox', { name: 'Search clusters' }), 'LIVE');
    expect(await names()).toEqual(['prod-payments']);
    expect(address().get('q')).toBe('LIVE');
    expect(screen.getByText('1 of 5 clusters')).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Search clusters' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search clusters' }), 'nothing-like-this');
    expect(await screen.findByText('No cluster matches this search and these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Clusters' })).not.toBeInTheDocument();
  });

  it('filters by status and by version, each kept in the address', async () => {
    installBff(fleet);
    const { user } = render();
    await table();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Error');
    expect(await names()).toEqual(['batch-jobs', 'legacy-reporting']);
    expect(address().get('status')).toBe('Error');

    // The version filter offers the versions the project actually runs.
    const versionFilter = screen.getByRole('combobox', { name: 'Kubernetes version' });
    expect(
      within(versionFilter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'v1.25', 'v1.27', 'v1.28']);
    await user.selectOptions(versionFilter, 'v1.25');
    expect(await names()).toEqual(['legacy-reporting']);
    expect(Object.fromEntries(address())).toEqual({ status: 'Error', version: 'v1.25' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Any');
    expect(await names()).toEqual(['dev-sandbox', 'legacy-reporting']);
    expect(address().has('status')).toBe(false);
  });

  it('restores a shared view from the address: search, filter, sort and direction', async () => {
    installBff(fleet);
    render('/clusters?status=Available&sort=created&dir=desc');
    expect(await names()).toEqual(['search-staging', 'prod-payments', 'dev-sandbox']);
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Available');
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('sorts by a column when its header is clicked, and reverses on the second click', async () => {
    installBff(fleet);
    const { user } = render();
    expect(await names()).toEqual(['batch-jobs', 'dev-sandbox', 'legacy-reporting', 'prod-payments', 'search-staging']);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Sort by Kubernetes version' }));
    expect((await names()).slice(0, 2)).toEqual(['dev-sandbox', 'legacy-reporting']); // v1.25, ties by name
    expect(screen.getByRole('columnheader', { name: /Kubernetes version/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(Object.fromEntries(address())).toEqual({ sort: 'version', dir: 'asc' });

    await user.click(screen.getByRole('button', { name: 'Sort by Kubernetes version' }));
    expect(await names()).toEqual(['prod-payments', 'batch-jobs', 'search-staging', 'dev-sandbox', 'legacy-reporting']);
    expect(screen.getByRole('columnheader', { name: /Kubernetes version/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: 'Sort by Status' }));
    expect((await names()).slice(0, 3)).toEqual(['dev-sandbox', 'prod-payments', 'search-staging']); // Available before Error

    // Every data column sorts, the public endpoint and tags included.
    await user.click(screen.getByRole('button', { name: 'Sort by Public endpoint' }));
    await user.click(screen.getByRole('button', { name: 'Sort by Public endpoint' }));
    expect((await names())[0]).toBe('prod-payments');
    expect(screen.getByRole('columnheader', { name: /Public endpoint/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: 'Sort by Tags' }));
    expect(await names()).toEqual(['batch-jobs', 'legacy-reporting', 'search-staging', 'dev-sandbox', 'prod-payments']); // untagged first, then env=dev before env=production
    expect(Object.fromEntries(address())).toEqual({ sort: 'tags', dir: 'asc' });
  });

  it('pages through 2,000 clusters 20 at a time, with a selectable page size, both kept in the address', async () => {
    const many: Fixture[] = Array.from({ length: 2_000 }, (_, i) => ({ name: `cluster-${String(i).padStart(4, '0')}`, version: 'v1.28' }));
    installBff(many);
    const { user } = render();
    expect(await names()).toHaveLength(20);
    expect((await names())[0]).toBe('cluster-0000');
    expect(screen.getByText('Page 1 of 100')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect((await names())[0]).toBe('cluster-0020');
    expect(address().get('page')).toBe('2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '100');
    expect(await names()).toHaveLength(100);
    // A new page size starts from the first page, so the operator is not dropped somewhere arbitrary.
    expect(Object.fromEntries(address())).toEqual({ size: '100' });
    expect(screen.getByText('Page 1 of 20')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 20' }));
    expect((await names()).at(-1)).toBe('cluster-1999');
    expect(screen.getByText('Page 20 of 20')).toBeInTheDocument();
  });

  it('opens on the page the address names, and clamps a page that no longer exists', async () => {
    const many: Fixture[] = Array.from({ length: 45 }, (_, i) => ({ name: `cluster-${String(i).padStart(2, '0')}`, version: 'v1.28' }));
    installBff(many);
    render('/clusters?page=9');
    expect(await names()).toEqual(['cluster-40', 'cluster-41', 'cluster-42', 'cluster-43', 'cluster-44']);
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
  });
});

describe('cluster list: upgrade mark, public endpoint, tags and links', () => {
  it('marks clusters that have a newer version to go to, naming the targets on hover', async () => {
    installBff(fleet);
    const { user } = render();
    const t = await table();
    const mark = await within(rowOf(t, 'dev-sandbox')).findByText('Upgrade available');
    expect(within(rowOf(t, 'dev-sandbox')).getByText('cce.5.0')).toBeInTheDocument();
    expect(within(rowOf(t, 'batch-jobs')).getByText('Upgrade available')).toBeInTheDocument();
    // The newest version has only its own patch to go to: that is not an upgrade.
    expect(within(rowOf(t, 'prod-payments')).queryByText('Upgrade available')).not.toBeInTheDocument();

    await user.hover(mark);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Can be upgraded to v1.27.3-r0, v1.28.3-r0');
  });

  it('still lists every cluster when the upgrade paths cannot be read, just without marks', async () => {
    const requests = installBff(fleet, 'fail');
    render();
    expect(await names()).toHaveLength(5);
    await waitFor(() => expect(requests).toContain(UPGRADE_PATHS_PATH));
    expect(screen.queryByText('Upgrade available')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says whether the API server is public, shows a few tags with "+n", and links rows to the detail page', async () => {
    installBff(fleet);
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

    expect(within(payments).getByRole('link', { name: 'prod-payments' })).toHaveAttribute('href', '/clusters/uid-prod-payments');
    expect(screen.getByRole('link', { name: 'Create cluster' })).toHaveAttribute('href', '/clusters/new');
  });
});
