import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { envelopeResponse } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { ClusterAccess } from './cluster-access.tsx';
import { CLUSTER_PATH, detailCluster, FREE_EIP, installDetailBff, PRIVATE_ENDPOINT } from './cluster-detail-test-bff.ts';
import { parse as parseYaml } from 'yaml';

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

function renderAccess(cluster = detailCluster()) {
  return renderWithProviders(<ClusterAccess cluster={cluster} />);
}

/** The button once the session has said the role may use it (the permission gate then renders a new one). */
async function enabledButton(name: string) {
  await waitFor(() => expect(screen.getByRole('button', { name })).toBeEnabled());
  return screen.getByRole('button', { name });
}
const bindButton = () => enabledButton('Bind EIP');

describe('cluster access tab', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log');
    vi.spyOn(console, 'info');
    vi.spyOn(console, 'debug');
  });

  it('shows the private and public endpoints from the access-address API', async () => {
    installDetailBff();
    renderAccess();
    const table = await screen.findByRole('table', { name: 'API server addresses' });
    await waitFor(() => expect(table).toHaveTextContent(PRIVATE_ENDPOINT));
    expect(table).toHaveTextContent('No public address');
  });

  it('validates the EIP ID before sending, then binds it: the public endpoint appears', async () => {
    const bff = installDetailBff();
    const { user } = renderAccess();
    await user.click(await bindButton());
    const dialog = await screen.findByRole('dialog', { name: 'Bind an EIP to autopilot-test' });
    const id = within(dialog).getByRole('textbox', { name: 'EIP ID' });

    await user.click(within(dialog).getByRole('button', { name: 'Bind EIP' }));
    expect(id).toHaveAccessibleDescription(/Enter the ID of the EIP to bind/);
    await user.type(id, 'eip-123');
    await user.click(within(dialog).getByRole('button', { name: 'Bind EIP' }));
    expect(id).toHaveAccessibleDescription(/looks like .* \(a UUID\)/);
    expect(bff.changes()).toEqual([]);

    await user.clear(id);
    await user.type(id, FREE_EIP.id);
    await user.click(within(dialog).getByRole('button', { name: 'Bind EIP' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(bff.changes()).toEqual([{ method: 'PUT', path: `${CLUSTER_PATH}/mastereip`, body: { spec: { action: 'bind', spec: { id: FREE_EIP.id } } } }]);
    expect(await screen.findByText(`https://${FREE_EIP.address}:5443`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unbind EIP' })).toBeInTheDocument();
  });

  it('puts the refusal of an unknown EIP on the ID field', async () => {
    installDetailBff();
    const { user } = renderAccess();
    await user.click(await bindButton());
    const dialog = await screen.findByRole('dialog', { name: 'Bind an EIP to autopilot-test' });
    const id = within(dialog).getByRole('textbox', { name: 'EIP ID' });
    await user.type(id, '00000000-1111-4222-8333-444444444444');
    await user.click(within(dialog).getByRole('button', { name: 'Bind EIP' }));
    await waitFor(() => expect(id).toHaveAccessibleDescription(/EIP 00000000-1111-4222-8333-444444444444 does not exist/));
    expect(id).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks before unbinding, naming the cluster and the address, then the public endpoint is gone', async () => {
    const bff = installDetailBff();
    bff.eipBound = true;
    const { user } = renderAccess();
    await user.click(await enabledButton('Unbind EIP'));
    const dialog = await screen.findByRole('dialog', { name: 'Unbind the EIP of autopilot-test?' });
    expect(dialog).toHaveTextContent(`The API server of autopilot-test will no longer be reachable at https://${FREE_EIP.address}:5443`);
    expect(bff.changes()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Unbind EIP' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(bff.changes()).toEqual([{ method: 'PUT', path: `${CLUSTER_PATH}/mastereip`, body: { spec: { action: 'unbind' } } }]);
    expect(await screen.findByText(/No public address/)).toBeInTheDocument();
  });

  it('turns EIP changes off while the cluster is not Available, saying why', async () => {
    installDetailBff(detailCluster({ phase: 'Upgrading' }));
    renderAccess(detailCluster({ phase: 'Upgrading' }));
    const bind = await screen.findByRole('button', { name: 'Bind EIP' });
    await screen.findByText(/No public address/);
    expect(bind).toBeDisabled();
    expect(screen.getByText(/it is Upgrading now\. The cluster is being upgraded\./)).toBeInTheDocument();
  });

  it('downloads a kubeconfig as a file with the chosen validity, names its contexts and warns about the external one', async () => {
    const bff = installDetailBff();
    bff.eipBound = true;
    const { downloads, revoked } = captureDownloads();
    const { user, queryClient } = renderAccess();
    await screen.findByText(`https://${FREE_EIP.address}:5443`);
    expect(screen.getByText('The file will hold these contexts: internal, external.')).toBeInTheDocument();

    const validity = screen.getByRole('textbox', { name: 'Validity (days)' });
    await user.clear(validity);
    await user.type(validity, '7');
    await user.click(await enabledButton('Download kubeconfig'));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(bff.changes()).toEqual([{ method: 'POST', path: `${CLUSTER_PATH}/clustercert`, body: { duration: 7 } }]);
    expect(downloads[0]!.filename).toBe('autopilot-test-kubeconfig.yaml');
    const text = await downloads[0]!.blob.text();
    expect(text).toMatch(/^kind: Config$/m);
    const file = parseYaml(text) as { contexts: { name: string }[]; 'current-context': string };
    expect(file.contexts.map((c) => c.name)).toEqual(['internal', 'external']);
    expect(revoked).toEqual([downloads[0]!.url]);

    const result = await screen.findByRole('alert');
    expect(result).toHaveTextContent('Kubeconfig saved as autopilot-test-kubeconfig.yaml');
    expect(result).toHaveTextContent('Contexts in the file: internal, external.');
    expect(result).toHaveTextContent(/external — the public EIP address; TLS verification skipped\. \(current context\)/);
    expect(result).toHaveTextContent(/skips TLS verification.*insecure-skip-tls-verify: true.*custom SANs/);

    // The credential is in no cache and no log: only the context summary was kept.
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
    expect(cached).not.toContain('U0VDUkVULUtFWS1NQVRFUklBTA==');
    for (const spy of [console.log, console.info, console.debug]) {
      expect(JSON.stringify(vi.mocked(spy).mock.calls)).not.toContain('U0VDUkVULUtFWS1NQVRFUklBTA==');
    }
  });

  it('accepts 1–1827 days or the maximum (-1), and refuses anything else before sending', async () => {
    const bff = installDetailBff();
    captureDownloads();
    const { user } = renderAccess();
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
    await user.click(await enabledButton('Download kubeconfig'));
    await waitFor(() => expect(bff.changes()).toEqual([{ method: 'POST', path: `${CLUSTER_PATH}/clustercert`, body: { duration: -1 } }]));
    expect(await screen.findByRole('alert')).toHaveTextContent('Contexts in the file: internal.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('skips TLS verification');
  });

  it('shows a refused certificate with its request id', async () => {
    const bff = installDetailBff();
    bff.override(`POST ${CLUSTER_PATH}/clustercert`, () =>
      envelopeResponse(400, 'CCE.01400001', 'Cluster autopilot-test is Hibernation; its API server is not running.', 'req-cert-1'),
    );
    const { user } = renderAccess();
    await user.click(await enabledButton('Download kubeconfig'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The kubeconfig could not be created');
    expect(alert).toHaveTextContent('req-cert-1');
  });
});
