import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { ClusterAccess } from './cluster-access.tsx';
import { ClusterOverview } from './cluster-overview.tsx';

/** Captures what the page offers as a download: the blob, the file name, and whether the URL was revoked. */
function captureDownloads() {
  const downloads: { blob: Blob; url: string; filename: string }[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  let n = 0;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${++n}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ blob: blobs.get(this.href)!, url: this.href, filename: this.download });
  });
  return { downloads, revoked };
}

/** The tab as the page feeds it: the cluster from the detail query, refetched after each change. */
function AccessTab({ clusterId }: { clusterId: string }) {
  const cluster = useQuery(clusterQueries.detail(clusterId));
  return cluster.data ? <ClusterAccess cluster={cluster.data} /> : null;
}

/** Opens the demo world and the Access tab of one of its clusters. */
async function accessOf(name: 'dev-sandbox' | 'prod-payments' | 'analytics-batch' | 'qa-regression') {
  const world = await openWorld();
  const clusterId = world.demo.clusters[name]!;
  const rendered = renderWithProviders(<AccessTab clusterId={clusterId} />);
  await screen.findByRole('table', { name: 'API server addresses' });
  return { world, clusterId, ...rendered };
}

/** The changes the console sent (anything but reads), as method, last path segment and body. */
const changes = (world: TestWorld) => world.sent.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path.split('/').pop(), r.body]);

/** The button once the session has said the role may use it (the permission gate then renders a new one). */
async function enabledButton(name: string) {
  await waitFor(() => expect(screen.getByRole('button', { name })).toBeEnabled());
  return screen.getByRole('button', { name });
}
const bindButton = () => enabledButton('Bind EIP');

/** The value cell of one labelled row of a table. */
function cell(table: HTMLElement, label: string) {
  return within(table).getByRole('rowheader', { name: label }).closest('tr')!.querySelector('td')!;
}

async function openBindDialog(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.click(await bindButton());
  const dialog = await screen.findByRole('dialog', { name: 'Bind an EIP to dev-sandbox' });
  return { dialog, id: within(dialog).getByRole('textbox', { name: 'EIP ID' }), submit: within(dialog).getByRole('button', { name: 'Bind EIP' }) };
}

describe('cluster access tab', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log');
    vi.spyOn(console, 'info');
    vi.spyOn(console, 'debug');
  });

  it("names the same internal address as the Overview (the cluster's Internal endpoint), and no public one without an EIP", async () => {
    const { clusterId, queryClient } = await accessOf('dev-sandbox');
    const table = screen.getByRole('table', { name: 'API server addresses' });
    await waitFor(() => expect(cell(table, 'Public (EIP)')).toHaveTextContent('No public address'));
    const internal = `https://${clusterId}.cluster.cce.`;
    expect(cell(table, 'Internal (in the VPC)')).toHaveTextContent(new RegExp(`^${internal.replace(/\./g, '\\.')}[a-z0-9-]+\\.myhuaweicloud\\.com:5443$`));

    // The Overview of the same cluster, as the page shows it beside the tab.
    const cluster = queryClient.getQueryData(clusterQueries.detail(clusterId).queryKey)!;
    const overview = renderWithProviders(<ClusterOverview cluster={cluster} />);
    const network = within(overview.container).getByRole('table', { name: 'Network' });
    expect(cell(network, 'API server endpoints')).toHaveTextContent(`Internal (in the VPC): ${cell(table, 'Internal (in the VPC)').textContent}`);
  });

  it('validates the EIP ID before sending, then binds it: the public endpoint appears', async () => {
    const { world, user } = await accessOf('dev-sandbox');
    const free = world.demo.eips[1]!;
    const { dialog, id, submit } = await openBindDialog(user);

    await user.click(submit);
    expect(id).toHaveAccessibleDescription(/Enter the ID of the EIP to bind/);
    await user.type(id, 'eip-123');
    await user.click(submit);
    expect(id).toHaveAccessibleDescription(/looks like .* \(a UUID\)/);
    expect(changes(world)).toEqual([]);

    await user.clear(id);
    await user.type(id, free.id);
    await user.click(submit);
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(changes(world)).toEqual([['PUT', 'mastereip', { spec: { action: 'bind', spec: { id: free.id } } }]]);
    expect(await screen.findByText(`https://${free.address}:5443`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unbind EIP' })).toBeInTheDocument();
  });

  it("puts the API's refusal of an unknown EIP, or of one bound elsewhere, on the ID field", async () => {
    const { world, user } = await accessOf('dev-sandbox');
    const { dialog, id, submit } = await openBindDialog(user);
    await user.type(id, '00000000-1111-4222-8333-444444444444');
    await user.click(submit);
    await waitFor(() => expect(id).toHaveAccessibleDescription(/EIP 00000000-1111-4222-8333-444444444444 does not exist/));
    expect(id).toHaveAttribute('aria-invalid', 'true');

    // prod-payments holds the first demo EIP.
    const taken = world.demo.eips[0]!;
    await user.clear(id);
    expect(id).not.toHaveAttribute('aria-invalid');
    await user.type(id, taken.id);
    await user.click(submit);
    await waitFor(() =>
      expect(id).toHaveAccessibleDescription(new RegExp(`EIP ${taken.address.replace(/\./g, '\\.')} is already bound to cluster prod-payments`)),
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(dialog).toBeInTheDocument();
  });

  it('asks before unbinding, naming the cluster and the address, then the public endpoint is gone', async () => {
    const { world, user } = await accessOf('prod-payments');
    const bound = world.demo.eips[0]!;
    await user.click(await enabledButton('Unbind EIP'));
    const dialog = await screen.findByRole('dialog', { name: 'Unbind the EIP of prod-payments?' });
    expect(dialog).toHaveTextContent(`The API server of prod-payments will no longer be reachable at https://${bound.address}:5443`);
    expect(changes(world)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Unbind EIP' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(changes(world)).toEqual([['PUT', 'mastereip', { spec: { action: 'unbind' } }]]);
    expect(await screen.findByText(/No public address/)).toBeInTheDocument();
  });

  it('turns EIP changes off while the cluster is not Available, saying why', async () => {
    await accessOf('analytics-batch');
    const bind = await screen.findByRole('button', { name: 'Bind EIP' });
    await screen.findByText(/No public address/);
    expect(bind).toBeDisabled();
    expect(screen.getByText(/it is Upgrading now\. The cluster is being upgraded\./)).toBeInTheDocument();
  });

  it('downloads a kubeconfig as a file with the chosen validity, names its contexts and warns about the external one', async () => {
    const { downloads, revoked } = captureDownloads();
    const { world, user, queryClient } = await accessOf('prod-payments');
    await screen.findByText(`https://${world.demo.eips[0]!.address}:5443`);
    expect(screen.getByText('The file will hold these contexts: internal, external.')).toBeInTheDocument();

    const validity = screen.getByRole('textbox', { name: 'Validity (days)' });
    await user.clear(validity);
    await user.type(validity, '7');
    await user.click(await enabledButton('Download kubeconfig'));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(changes(world)).toEqual([['POST', 'clustercert', { duration: 7 }]]);
    expect(downloads[0]!.filename).toBe('prod-payments-kubeconfig.yaml');
    const text = await downloads[0]!.blob.text();
    expect(text).toMatch(/^kind: Config$/m);
    const file = parseYaml(text) as { contexts: { name: string }[]; users: { user: { 'client-key-data': string } }[] };
    expect(file.contexts.map((c) => c.name)).toEqual(['internal', 'external']);
    expect(revoked).toEqual([downloads[0]!.url]);

    const result = await screen.findByRole('alert');
    expect(result).toHaveTextContent('Kubeconfig saved as prod-payments-kubeconfig.yaml');
    expect(result).toHaveTextContent('Contexts in the file: internal, external.');
    expect(result).toHaveTextContent(/external — the public EIP address; TLS verification skipped\. \(current context\)/);
    expect(result).toHaveTextContent(/skips TLS verification.*insecure-skip-tls-verify: true.*custom SANs/);

    // The credential is in no cache and no log: only the context summary was kept.
    const key = file.users[0]!.user['client-key-data'];
    expect(key.length).toBeGreaterThan(20);
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.data),
    ]);
    expect(cached).not.toContain(key);
    for (const spy of [console.log, console.info, console.debug]) {
      expect(JSON.stringify(vi.mocked(spy).mock.calls)).not.toContain(key);
    }
  });

  it('accepts 1–1827 days or the maximum (-1), and refuses anything else before sending', async () => {
    captureDownloads();
    const { world, user } = await accessOf('dev-sandbox');
    await enabledButton('Download kubeconfig');
    const validity = screen.getByRole('textbox', { name: 'Validity (days)' });
    for (const bad of ['0', '1828']) {
      await user.clear(validity);
      await user.type(validity, bad);
      expect(screen.getByRole('button', { name: 'Download kubeconfig' })).toBeDisabled();
      expect(validity).toHaveAccessibleDescription(/A whole number of days from 1 to 1,827/);
    }
    await user.click(screen.getByRole('checkbox', { name: 'Maximum validity' }));
    expect(validity).toBeDisabled();
    expect(validity).not.toHaveAttribute('aria-invalid');
    await user.click(await enabledButton('Download kubeconfig'));
    await waitFor(() => expect(changes(world)).toEqual([['POST', 'clustercert', { duration: -1 }]]));
    expect(await screen.findByRole('alert')).toHaveTextContent('Contexts in the file: internal.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('skips TLS verification');
  });

  it("puts the API's refusal of a validity past five years from today on the validity field", async () => {
    // From the world's start (2025-03-10) five years hold one leap day: 1826 days, so 1827 is refused.
    const { world, user } = await accessOf('dev-sandbox');
    const validity = screen.getByRole('textbox', { name: 'Validity (days)' });
    await user.clear(validity);
    await user.type(validity, '1827');
    await user.click(await enabledButton('Download kubeconfig'));
    await waitFor(() => expect(validity).toHaveAccessibleDescription(/must be a whole number of days from 1 to 1826 \(five years from today\)/));
    expect(validity).toHaveAttribute('aria-invalid', 'true');
    expect(changes(world)).toEqual([['POST', 'clustercert', { duration: 1827 }]]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refused certificate whole, with its request id', async () => {
    const { user } = await accessOf('qa-regression');
    await user.click(await enabledButton('Download kubeconfig'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The kubeconfig could not be created');
    expect(alert).toHaveTextContent(/qa-regression is Hibernation; its API server is not running/);
    expect(alert).toHaveTextContent(/Request ID/);
  });
});
